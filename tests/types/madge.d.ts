/** The part of madge's API the import-graph test uses (madge ships no types). */
declare module 'madge' {
  interface MadgeResult {
    /** Each circle as the files it runs through, relative to baseDir. */
    circular(): string[][];
    /** Every file and the files it imports, relative to baseDir. */
    obj(): Record<string, string[]>;
  }
  interface MadgeConfig {
    baseDir?: string;
    fileExtensions?: string[];
    tsConfig?: string;
  }
  export default function madge(paths: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
}
