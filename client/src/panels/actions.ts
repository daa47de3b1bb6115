/** What panels may ask the explorer to do; implemented once in app.ts. */
export interface Actions {
  /** Adds an entity to the view (without its neighbours) and inspects it. */
  openEntity(node: { id: string; label: string; name: string }): void;
  inspect(kind: 'node' | 'edge' | 'story', id: string): void;
  /** Adds the neighbours of the given nodes; `stories` adds the stories mentioning them instead of more entities too. */
  expand(ids: string[], options?: { depth?: number; stories?: boolean }): void;
  hide(ids: string[]): void;
  togglePin(ids: string[]): void;
  /** Centres the canvas on an element when it is in the view; false when it is not. */
  focus(id: string): boolean;
  runQuery(name: string, params: Record<string, unknown>): void;
  runCypher(query: string, params: Record<string, unknown>): void;
}
