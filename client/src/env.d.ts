/// <reference types="vite/client" />

// @neo4j-cypher/codemirror ships types under a path its `exports` map hides from NodeNext resolution;
// this is the part of its API the explorer uses.
declare module '@neo4j-cypher/codemirror' {
  import type { Extension } from '@codemirror/state';
  export interface EditorApi {
    focus(): void;
    setValue(value?: string, parseOnSetValue?: boolean): void;
    onValueChanged(listener: (value: string) => void): () => void;
    destroy(): void;
  }
  export interface EditorOptions {
    value?: string;
    lineNumbers?: boolean;
    lineWrapping?: boolean;
    autocomplete?: boolean;
    lint?: boolean;
    theme?: 'light' | 'dark' | 'auto';
    placeholder?: string;
    preExtensions?: Extension[];
    postExtensions?: Extension[];
  }
  export function createCypherEditor(parent: Element | DocumentFragment, options: EditorOptions): { editor: EditorApi };
}
