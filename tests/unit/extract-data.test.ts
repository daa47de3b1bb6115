/**
 * The extractor's data files are parsed, not cast: a relation pattern whose type or property is not in
 * the model, or a catalogue entry of the wrong shape, fails the load with the file and the entry named.
 * Also: the pipeline is listed in one place and the outlet dictionary is one source.
 */
import { describe, expect, it } from 'vitest';
import { FACT_TYPES } from '../../model/graph-model.js';
import { parseData, readCatalogJson } from '../../seed/extract/data/read.js';
import { catalogEntries, lexiconFile, outletsFile } from '../../seed/extract/data/schemas.js';
import { parsePatternFile } from '../../seed/extract/data/validate-patterns.js';
import { parseDepPatternFile } from '../../seed/extract/data/validate-dep-patterns.js';
import { MODEL, type GraphModel } from '../../model/schema/model.js';
import { COMPONENTS } from '../../seed/extract/pipeline.js';
import { OUTLET_ABBREVIATIONS } from '../../seed/parse/index.js';

const FILE = 'relation-patterns.json';
const raw = () => structuredClone(readCatalogJson(FILE)) as { patterns: Record<string, unknown>[] };

describe('relation patterns are validated against the model', () => {
  it('the shipped pattern file parses', () => {
    const patterns = parsePatternFile(readCatalogJson(FILE), FILE);
    expect(patterns.length).toBeGreaterThan(10);
    for (const p of patterns) expect(FACT_TYPES).toContain(p.type);
  });

  it('a typo in a relation type fails the load, naming the file, the entry and the type', () => {
    const file = raw();
    file.patterns[1]!.type = 'OWNS_STAKES';
    expect(() => parsePatternFile(file, FILE)).toThrow(/relation-patterns\.json[\s\S]*entry 1 \("OWNS_STAKES"\)[\s\S]*unknown relation type "OWNS_STAKES"/);
  });

  it('a property the type does not declare in the model fails the load', () => {
    const file = raw();
    const i = file.patterns.findIndex((p) => p.type === 'SANCTIONS');
    file.patterns[i]!.props = ['money'];
    expect(() => parsePatternFile(file, FILE)).toThrow(new RegExp(`entry ${i} \\("SANCTIONS"\\)[\\s\\S]*property "value" \\(from "money"\\) is not a property of SANCTIONS`));
  });

  it('an unknown key, label or value type fails the load', () => {
    const file = raw();
    file.patterns[0]!.windw = 3;
    file.patterns[2]!.from = ['Compnay'];
    file.patterns[3]!.window = 'ten';
    const message = (() => {
      try {
        parsePatternFile(file, FILE);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toMatch(/entry 0 \("TRADES_WITH"\)[\s\S]*windw/);
    expect(message).toMatch(/entry 2[\s\S]*unknown entity label "Compnay"/);
    expect(message).toMatch(/entry 3[\s\S]*window/);
  });

  it('validation reads the model given: a type added to a copy of the model is accepted, with its properties', () => {
    const model = {
      ...MODEL,
      relations: [
        ...MODEL.relations,
        { type: 'LENDS_TO', phrase: 'lends to', symmetric: false, colour: '#123456', properties: [{ name: 'value', type: 'float', doc: 'Value.' }, { name: 'currency', type: 'string', doc: 'Currency.' }] },
      ],
    } as const satisfies GraphModel;
    const file = raw();
    file.patterns.push({ type: 'LENDS_TO', mode: 'active', triggers: ['lends'], from: ['Company'], to: ['Company', 'Country'], window: 10, props: ['money'], demonyms: false, confidence: 0.7 });
    expect(parsePatternFile(file, FILE, model).at(-1)!.type).toBe('LENDS_TO');
    expect(() => parsePatternFile(file, FILE)).toThrow(/unknown relation type "LENDS_TO"/);
  });
});

describe('dependency patterns are validated against the model', () => {
  const DEP = 'dependency-patterns.json';
  const depRaw = () => structuredClone(readCatalogJson(DEP)) as { replacesRules: string[]; patterns: Record<string, unknown>[] };

  it('the shipped file parses; every pattern type is a model type', () => {
    const file = parseDepPatternFile(readCatalogJson(DEP), DEP);
    expect(file.patterns.length).toBeGreaterThan(10);
    for (const p of file.patterns) expect(FACT_TYPES).toContain(p.type);
  });

  it('an unknown type, a property the type lacks, a malformed slot path or a replaced type without patterns fails, naming the file', () => {
    const typo = depRaw();
    typo.patterns[0]!.type = 'OWNS_STAK';
    expect(() => parseDepPatternFile(typo, DEP)).toThrow(/dependency-patterns\.json[\s\S]*unknown relation type "OWNS_STAK"/);
    const prop = depRaw();
    const sanctions = prop.patterns.findIndex((p) => p.type === 'SANCTIONS');
    prop.patterns[sanctions]!.props = ['percent'];
    expect(() => parseDepPatternFile(prop, DEP)).toThrow(/property "percent" \(from "percent"\) is not a property of SANCTIONS/);
    const path = depRaw();
    path.patterns[0]!.from = ['nsubj//obj'];
    expect(() => parseDepPatternFile(path, DEP)).toThrow(/malformed slot path "nsubj\/\/obj"/);
    const replaced = depRaw();
    replaced.replacesRules = ['BUILT'];
    expect(() => parseDepPatternFile(replaced, DEP)).toThrow(/"BUILT" has no dependency pattern/);
  });
});

describe('catalogue files are parsed with zod', () => {
  it('the shipped files parse', () => {
    for (const f of ['officials.json', 'people.json', 'companies.json', 'organizations.json']) expect(() => parseData(catalogEntries, readCatalogJson(f), f)).not.toThrow();
    expect(() => parseData(lexiconFile, readCatalogJson('lexicon.json'), 'lexicon.json')).not.toThrow();
    expect(() => parseData(outletsFile, readCatalogJson('outlets.json'), 'outlets.json')).not.toThrow();
  });

  it('a wrong value type or unknown field names the file and the entry', () => {
    const entries = structuredClone(readCatalogJson('companies.json')) as Record<string, unknown>[];
    const name = entries[2]!.name as string;
    entries[2]!.aliases = 'one alias';
    entries[4]!.contry = 'CHN';
    expect(() => parseData(catalogEntries, entries, 'companies.json')).toThrow(new RegExp(`companies\\.json[\\s\\S]*entry 2 \\("${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\) › aliases[\\s\\S]*entry 4`));
  });
});

describe('one pipeline, one outlet dictionary', () => {
  it('components are named and listed once, in order', () => {
    const names = COMPONENTS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('sentences');
    expect(names.indexOf('gazetteer')).toBeLessThan(names.indexOf('name-recogniser'));
    expect(names.indexOf('values')).toBeLessThan(names.indexOf('relations'));
  });

  it('the parser reads its outlet short forms from outlets.json', () => {
    const file = parseData(outletsFile, readCatalogJson('outlets.json'), 'outlets.json');
    const forms = file.outlets.flatMap((o) => (o.pageForms ?? []).map((f) => [f, o.pageName ?? o.name]));
    expect(Object.fromEntries(forms)).toEqual(OUTLET_ABBREVIATIONS);
  });
});
