import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, loadQueryFiles, paramProblems, paramsSchema, parseQueryText, parametersUsed } from '../../server/queries/saved.js';
import { checkReadOnlyCypher } from '../../server/queries/guard.js';

const files = readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher') && f !== 'schema.cypher');

describe('saved query files in cypher/', () => {
  it('ships the required queries', () => {
    const names = loadQueryFiles().map((q) => q.name);
    for (const required of ['china-russia-trade', 'port-ownership', 'entity-neighbourhood', 'sanctions-network', 'officials-by-country', 'stories-by-outlet', 'who-reports-on', 'shortest-connection', 'co-mentioned-entities']) {
      expect(names).toContain(required);
    }
  });

  it.each(files)('%s: header and $parameters agree in both directions', (file) => {
    const text = readFileSync(path.join(CYPHER_DIR, file), 'utf8');
    const query = parseQueryText(text, file);
    expect(query.name).toBe(file.replace(/\.cypher$/, ''));
    expect(query.description.length).toBeGreaterThan(10);
    const declared = new Set(query.params.map((p) => p.name));
    expect(parametersUsed(text)).toEqual(declared);
    expect(paramProblems(query.params, text)).toEqual([]);
    // Every default satisfies its own schema, and the query passes the read-only guard.
    expect(() => paramsSchema(query.params).parse({})).not.toThrow();
    expect(() => checkReadOnlyCypher(query.cypher)).not.toThrow();
  });

  it('china-russia-trade declares a, b and the quote limit with the documented defaults', () => {
    const q = loadQueryFiles().find((x) => x.name === 'china-russia-trade')!;
    expect(q.params.map((p) => [p.name, p.type, p.default])).toEqual([
      ['a', 'string', 'China'],
      ['b', 'string', 'Russia'],
      ['limit', 'int', 50],
    ]);
  });
});

describe('parseQueryText', () => {
  it('reads JSON defaults with spaces and the help text after two spaces', () => {
    const q = parseQueryText('// name: x\n// description: d\n// param ids: string[] = ["a b", "c"]  the ids\n// param n: int = 5\n// param f: float\nRETURN $ids, $n, $f', 'x');
    expect(q.params).toEqual([
      { name: 'ids', type: 'string[]', default: ['a b', 'c'], help: 'the ids' },
      { name: 'n', type: 'int', default: 5, help: '' },
      { name: 'f', type: 'float', default: undefined, help: '' },
    ]);
    expect(paramsSchema(q.params).parse({ f: 1.5 })).toEqual({ ids: ['a b', 'c'], n: 5, f: 1.5 });
    expect(paramsSchema(q.params).safeParse({}).success).toBe(false);
    expect(paramsSchema(q.params).safeParse({ f: 1, other: 2 }).success).toBe(false);
    expect(paramsSchema(q.params).safeParse({ f: 1, n: 1.5 }).success).toBe(false);
  });

  it('names undeclared and unused parameters, ignoring comments and strings', () => {
    expect(() => parseQueryText('// name: x\n// param a: string = ""\nRETURN $b', 'x.cypher')).toThrow(/param a is declared but \$a is not used; \$b is used but not declared/);
    expect(parametersUsed("RETURN '$notParam' AS s, $real // $comment\n /* $block */")).toEqual(new Set(['real']));
  });

  it('refuses a default of the wrong type and a header without a name', () => {
    expect(() => parseQueryText('// name: x\n// param n: int = "five"\nRETURN $n', 'x')).toThrow(/default of n is not a int/);
    expect(() => parseQueryText('// description: nothing\nRETURN 1', 'x')).toThrow(/no "\/\/ name/);
  });
});
