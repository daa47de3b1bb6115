/**
 * The Cypher editor: CodeMirror 6 with Neo4j's Cypher language support (highlighting, completion,
 * lint). Loaded on first use so the start page stays light.
 */
export interface CypherEditor {
  value(): string;
  setValue(text: string): void;
  focus(): void;
}

export async function createEditor(parent: HTMLElement, initial: string, onRun: () => void): Promise<CypherEditor> {
  const [{ createCypherEditor }, { keymap }] = await Promise.all([import('@neo4j-cypher/codemirror'), import('@codemirror/view')]);
  await import('@neo4j-cypher/codemirror/css/cypher-codemirror.css');
  let text = initial;
  const { editor } = createCypherEditor(parent, {
    value: initial,
    lineNumbers: true,
    lineWrapping: true,
    autocomplete: true,
    lint: true,
    theme: 'light',
    placeholder: 'MATCH (c:Country)-[r:TRADES_WITH]-(d) RETURN c, r, d',
    preExtensions: [
      keymap.of([
        {
          key: 'Mod-Enter',
          run: () => {
            onRun();
            return true;
          },
        },
      ]),
    ],
  });
  editor.onValueChanged((value) => (text = value));
  return {
    value: () => text,
    setValue: (v: string) => {
      text = v;
      editor.setValue(v);
    },
    focus: () => editor.focus(),
  };
}
