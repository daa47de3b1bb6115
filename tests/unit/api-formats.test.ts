import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../model/api.js';
import { csvCell, toCsv } from '../../server/export/formats/csv.js';
import { cypherLiteral, cypherName, cypherString, toCypherScript } from '../../server/export/formats/cypher.js';
import { toGraphML, xmlEscape } from '../../server/export/formats/graphml.js';
import { toMarkdown, BRIEF_QUOTES_PER_FACT } from '../../server/export/formats/markdown.js';
import { tokenMatches } from '../../server/auth.js';
import { escapeLucene, luceneQuery } from '../../server/routes/search.js';

const nasty = `He said "<b>&'</b>", \\n; DROP\u0000\u0007 \`x\` ‮ 🚢`;
const graph: Graph = {
  nodes: [
    { id: 'company:a', labels: ['Company', 'Entity'], props: { id: 'company:a', name: nasty, aliases: ['A', 'a,b'], lat: 1.5, n: 3, ok: true } },
    { id: "place:o'hare", labels: ['Place', 'Entity'], props: { id: "place:o'hare", name: 'O\'Hare', kind: 'port', published: '2024-05-01' } },
  ],
  edges: [{ id: 'fact:1', type: 'OWNS_STAKE', source: 'company:a', target: "place:o'hare", props: { key: 'fact:1', percent: 60, storyCount: 2 } }],
  truncated: false,
};

describe('export formats', () => {
  it('GraphML is valid XML whatever the text holds', () => {
    const xml = toGraphML(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(doc.graphml.graph.node).toHaveLength(2);
    const keys = doc.graphml.key as Array<Record<string, string>>;
    expect(keys.find((k) => k['@attr.name'] === 'lat')!['@attr.type']).toBe('double');
    expect(keys.find((k) => k['@attr.name'] === 'n')!['@attr.type']).toBe('long');
    expect(keys.find((k) => k['@attr.name'] === 'ok')!['@attr.type']).toBe('boolean');
    expect(xmlEscape('a<b>&"\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;&apos;\uFFFD');
  });

  it('CSV quotes separators and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(['a', 'b'])).toBe('"[""a"",""b""]"');
    expect(csvCell(null)).toBe('');
    const [nodes, edges] = toCsv(graph, 'all').split('\r\n\r\n');
    expect(nodes!.split('\r\n')[0]).toBe('id,labels,name,aliases,kind,lat,n,ok,published');
    expect(edges!.split('\r\n')[1]).toBe(`fact:1,OWNS_STAKE,company:a,place:o'hare,fact:1,60,2`);
  });

  it('Cypher literals are escaped so no value can end the string or the statement', () => {
    expect(cypherString("it's \\ \n")).toBe("'it\\'s \\\\ \\n'");
    expect(cypherString('\u0000\u2028')).toBe("'\\u0000\\u2028'");
    expect(cypherName('weird`name')).toBe('`weird``name`');
    expect(cypherName('plain_1')).toBe('plain_1');
    expect(cypherLiteral('2024-05-01')).toBe("date('2024-05-01')");
    expect(cypherLiteral(['a', "b'"])).toBe("['a', 'b\\'']");
    expect(cypherLiteral(1.5)).toBe('1.5');
    expect(cypherLiteral(Number.NaN)).toBe('null');
    const script = toCypherScript(graph);
    const statements = script.split('\n').filter((l) => l && !l.startsWith('//'));
    expect(statements).toHaveLength(3);
    for (const s of statements) expect(s.endsWith(';')).toBe(true);
    expect(statements[0]).toMatch(/^MERGE \(n:Entity \{id: 'company:a'\}\) SET n:Company SET n \+= \{/);
  });

  it('Markdown brief lists each fact with a phrase and escapes names', () => {
    const md = toMarkdown(graph, new Map([['fact:1', [{ quote: 'A holds 60% of the port.', story: { id: 's', title: 'Port [deal]' }, outlet: 'Reuters', published: '2024-05-01', url: 'https://example.com/a b', claim: { percent: 60 } }]]]));
    expect(md).toContain("owns a stake in O'Hare");
    expect(md).toContain('> A holds 60% of the port.');
    expect(md).toContain('Port \\[deal\\]'); // not a link: the url has a space
    expect(md).toContain('\\<b\\>');
  });

  it('Markdown brief lists at most BRIEF_QUOTES_PER_FACT quotes per fact and counts the rest', () => {
    const quote = (i: number) => ({ quote: `Quote number ${i}.`, story: { id: `s${i}`, title: `Story ${i}` }, outlet: null, published: null, url: null, claim: null, occurrences: i === 0 ? 7 : 1 });
    const quotes = Array.from({ length: BRIEF_QUOTES_PER_FACT + 5 }, (_, i) => quote(i));
    const md = toMarkdown(graph, new Map([['fact:1', quotes]]), new Date(), { totals: new Map([['fact:1', 1234]]) });
    expect(md.match(/^> Quote number/gm)).toHaveLength(BRIEF_QUOTES_PER_FACT);
    expect(md).toContain(`… and ${1234 - BRIEF_QUOTES_PER_FACT} more quotes`);
    expect(md).toContain('(stated 7 times in this story)');
    const few = toMarkdown(graph, new Map([['fact:1', quotes.slice(0, 2)]]));
    expect(few).not.toContain('more quote');
  });
});

describe('search query building', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p');
    expect(escapeLucene('x AND y OR NOT z')).toBe('x and y or not z');
  });

  it('makes fuzzy terms for words of 4+ characters and prefixes for all', () => {
    expect(luceneQuery('Xi Jinpng')).toBe('((xi^3 OR xi*^2) AND (jinpng^3 OR jinpng*^2 OR jinpng~1)) OR "xi jinpng"^4');
    expect(luceneQuery('!!! ***')).toBeNull();
    expect(luceneQuery('U.S.')).toBe('((u.s^3 OR u.s*^2)) OR "u.s"^4');
    expect(luceneQuery("O'Hare")).toBe(`((o'hare^3 OR o'hare*^2 OR o'hare~1)) OR "o'hare"^4`);
  });
});

describe('tokenMatches', () => {
  it('compares tokens of any length without throwing', () => {
    expect(tokenMatches('secret', 'secret')).toBe(true);
    expect(tokenMatches('secret', 'secre')).toBe(false);
    expect(tokenMatches('secret', 'a much longer presented token')).toBe(false);
  });
});
