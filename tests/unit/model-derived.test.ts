/**
 * The model is data (model/schema/) and everything else derives from it: the schema's constraints
 * and key indexes, the zod enums and property validators, the UI's styles and legend, and the
 * property tables of docs/graph-shape.md. A copy of the model with one more relation type (and one
 * more label) shows each derived part picks the new entry up; the checked-in generated files must
 * equal what the model implies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_RELATIONS, ENTITY_LABELS, FACT_TYPES, ID_PREFIX, MODEL, NODE_LABELS, RELATIONS, relationSpec, type GraphModel } from '../../model/graph-model.js';
import { entityLabels, factTypes } from '../../model/schema/derive.js';
import { GRAPH_SHAPE_DOC, propertyTables, withPropertyTables } from '../../model/schema/docs.js';
import { SCHEMA_FILE, schemaCypher, schemaStatements } from '../../model/schema/schema-statements.js';
import { entityLabelSchema, factTypeSchema } from '../../model/schema/validators.js';
import { entityPropsSchema, EntityLabelSchema, FactTypeSchema, relationPropsSchema } from '../../model/validation.js';
import type { Extraction, Fact } from '../../model/types.js';
import { edgeLabel, isFact, legendEntries, nodeType } from '../../client/src/graph/visuals.js';
import { stylesheet } from '../../client/src/graph/style.js';
import { parsePatternFile } from '../../seed/extract/data/validate-patterns.js';
import { extractStory } from '../../seed/extract/index.js';
import { listCorpusFiles, readCorpus } from '../../seed/parse/index.js';
import { buildRows } from '../../seed/load/rows.js';

/** A copy of the model with one relation type (with a property) and one label more. */
const EXTENDED = {
  ...MODEL,
  labels: [
    ...MODEL.labels,
    { name: 'Vessel', kind: 'entity', idPrefix: 'vessel', plural: 'Vessels', colour: '#00a3a3', shape: 'triangle', onCanvas: true, searchable: true, properties: [{ name: 'imo', type: 'string', doc: 'IMO number.' }] },
  ],
  relations: [
    ...MODEL.relations,
    { type: 'FUNDS', phrase: 'funds', symmetric: false, colour: '#ff00aa', properties: [{ name: 'amount', type: 'float', doc: 'Sum stated.', display: 'compact' }] },
  ],
} as const satisfies GraphModel;

describe('a relation type added to a copy of the model reaches every derived part', () => {
  it('the schema: its fact-key index (and the new label its constraint and full-text entry)', () => {
    const statements = schemaStatements(EXTENDED);
    expect(statements).toContain('CREATE INDEX fact_key_funds IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.key)');
    expect(statements).toContain('CREATE CONSTRAINT vessel_id IF NOT EXISTS FOR (n:Vessel) REQUIRE n.id IS UNIQUE');
    expect(statements.find((s) => s.startsWith('CREATE FULLTEXT INDEX search_names'))).toContain('Vessel');
    expect(schemaStatements(MODEL).some((s) => s.includes('FUNDS'))).toBe(false);
  });

  it('the zod enums accept it; the real model refuses it', () => {
    expect(factTypeSchema(EXTENDED).parse('FUNDS')).toBe('FUNDS');
    expect(factTypes(EXTENDED)).toContain('FUNDS');
    expect(entityLabelSchema(EXTENDED).parse('Vessel')).toBe('Vessel');
    expect(entityLabels(EXTENDED)).toContain('Vessel');
    expect(FactTypeSchema.safeParse('FUNDS').success).toBe(false);
    expect(EntityLabelSchema.safeParse('Vessel').success).toBe(false);
  });

  it('its properties schema validates its property and refuses an unknown one or a wrong type, naming it', () => {
    const schema = relationPropsSchema('FUNDS', EXTENDED);
    expect(schema.parse({ amount: 2.5e9 })).toEqual({ amount: 2.5e9 });
    expect(schema.parse({})).toEqual({});
    const wrongType = schema.safeParse({ amount: 'a lot' });
    expect(wrongType.success).toBe(false);
    expect(JSON.stringify(wrongType.error?.issues)).toContain('amount');
    const unknown = schema.safeParse({ amount: 1, percent: 3 });
    expect(unknown.success).toBe(false);
    expect(JSON.stringify(unknown.error?.issues)).toContain('percent');
    expect(() => relationPropsSchema('FUNDS')).toThrow(/unknown relation type "FUNDS"/);
    expect(entityPropsSchema('Vessel', EXTENDED).parse({ imo: '9321483' })).toEqual({ imo: '9321483' });
  });

  it('pattern files: a pattern for it parses against the copy, its property may be filled, and the real model refuses it by name', () => {
    const file = { patterns: [{ type: 'FUNDS', mode: 'active', triggers: ['funds'], from: ['Country'], to: ['Vessel'], window: 8, props: [], demonyms: true, confidence: 0.7 }] };
    expect(parsePatternFile(file, 'funds-patterns.json', EXTENDED)[0]!.type).toBe('FUNDS');
    expect(() => parsePatternFile(file, 'funds-patterns.json')).toThrow(/funds-patterns\.json[\s\S]*unknown relation type "FUNDS"/);
    // A value finder whose property the type does not declare (money fills value and currency).
    const money = { patterns: [{ ...file.patterns[0]!, props: ['money'] }] };
    expect(() => parsePatternFile(money, 'funds-patterns.json', EXTENDED)).toThrow(/property "value" \(from "money"\) is not a property of FUNDS/);
  });

  it('the UI: the legend lists it with its colour, the stylesheet colours it, edges label its values', () => {
    const { types, relations } = legendEntries(EXTENDED);
    expect(relations).toContainEqual({ type: 'FUNDS', phrase: 'funds', colour: '#ff00aa', fact: true });
    expect(types).toContainEqual({ label: 'Vessel', plural: 'Vessels', colour: '#00a3a3', shape: 'triangle' });
    expect(legendEntries(MODEL).relations.some((r) => r.type === 'FUNDS')).toBe(false);
    const rule = stylesheet(EXTENDED).find((r) => 'selector' in r && r.selector === 'edge[type = "FUNDS"]');
    expect(rule && 'style' in rule ? rule.style : undefined).toMatchObject({ 'line-color': '#ff00aa' });
    expect(stylesheet(EXTENDED).some((r) => 'selector' in r && r.selector === 'node[type = "Vessel"]')).toBe(true);
    expect(edgeLabel('FUNDS', { amount: 2.5e9 }, EXTENDED)).toBe('FUNDS 2.5 bn');
    expect(isFact('FUNDS', EXTENDED)).toBe(true);
    expect(isFact('FUNDS')).toBe(false);
  });

  it('the docs: its row, its property and the Evidence claim property', () => {
    const tables = propertyTables(EXTENDED);
    expect(tables).toContain('| `FUNDS` | A funds B | no | #ff00aa | `amount` (float): Sum stated. |');
    expect(tables).toContain('| `claim_amount` | float (may be absent) |');
    expect(tables).toContain('### Vessel');
  });
});

describe('the generated files are what the model implies', () => {
  it('cypher/schema.cypher is the generated schema (npm run gen:schema rewrites it)', () => {
    const onDisk = readFileSync(SCHEMA_FILE, 'utf8');
    expect(onDisk, 'cypher/schema.cypher is stale: run `npm run gen:schema`').toBe(schemaCypher(MODEL));
    // What applying the file runs (its statements without `//` comment lines) is exactly the model's.
    const run = onDisk.split('\n').filter((l) => !l.startsWith('//')).join('\n').split(';').map((s) => s.trim()).filter(Boolean);
    expect(run).toEqual(schemaStatements(MODEL));
  });

  it('has a fact-key index and a uniqueness constraint for every type and label of the model', () => {
    const statements = schemaStatements(MODEL);
    for (const type of FACT_TYPES) expect(statements.some((s) => s.includes(`FOR ()-[r:${type}]-() ON (r.key)`)), type).toBe(true);
    for (const label of NODE_LABELS) expect(statements.some((s) => s.includes(`FOR (n:${label}) REQUIRE n.id IS UNIQUE`)), label).toBe(true);
  });

  it('docs/graph-shape.md carries the current property tables (npm run gen:docs rewrites them)', () => {
    const doc = readFileSync(GRAPH_SHAPE_DOC, 'utf8');
    expect(doc, 'docs/graph-shape.md is stale: run `npm run gen:docs`').toBe(withPropertyTables(doc, MODEL));
    for (const name of ['official', 'org', 'ownership', 'extractionHash', 'loadStamp', 'claimSize', 'claim_percent', 'occurrences', 'claim_asset', 'iso3', 'lat', 'lng']) {
      expect(doc).toContain(`| \`${name}\` |`);
    }
    expect(doc).toContain('| `ACQUIRED` | A acquired B | no | #2ca02c | `asset` (string)');
  });
});

describe('the model declares colours, and the derived lists keep their old values', () => {
  it('gives every label and relation type its own colour', () => {
    const colours = [...MODEL.labels.map((l) => l.colour), ...MODEL.relations.map((r) => r.colour), ...MODEL.documentRelations.map((r) => r.colour)];
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours.map((c) => c.toLowerCase())).size).toBe(colours.length);
  });

  it('legend lists every label and relation type that can be drawn', () => {
    const { types, relations } = legendEntries(MODEL);
    expect(types.map((t) => t.label)).toEqual([...ENTITY_LABELS, 'Story', 'Evidence']);
    expect(relations.map((r) => r.type)).toEqual([...FACT_TYPES, ...DOCUMENT_RELATIONS]);
    expect(nodeType(['Evidence'])).toBe('Evidence');
  });

  it('derives the lists the rest of the code reads', () => {
    expect(ENTITY_LABELS).toEqual(['Country', 'Official', 'Person', 'Company', 'Organization', 'Outlet', 'Place']);
    expect(NODE_LABELS).toEqual([...ENTITY_LABELS, 'Story', 'Evidence', 'SavedQuery']);
    expect(ID_PREFIX).toEqual({ Country: 'country', Official: 'official', Person: 'person', Company: 'company', Organization: 'org', Outlet: 'outlet', Place: 'place', Story: 'story', Evidence: 'ev', SavedQuery: 'query' });
    expect(DOCUMENT_RELATIONS).toEqual(['PUBLISHED_BY', 'MENTIONS', 'IN_STORY']);
    expect(RELATIONS.map((r) => [r.type, r.phrase, r.props, r.symmetric])).toEqual([
      ['TRADES_WITH', 'trades with', ['value', 'currency', 'year'], true],
      ['OWNS_STAKE', 'owns a stake in', ['percent'], false],
      ['ACQUIRED', 'acquired', ['asset'], false],
      ['SANCTIONS', 'sanctions', [], false],
      ['EXPORT_CONTROLS', 'controls exports of', ['item'], false],
      ['BUILT', 'built', [], false],
      ['LOCATED_IN', 'is located in', [], false],
      ['LEADS', 'leads', ['role'], false],
      ['MEETS', 'meets', [], true],
      ['ACCUSES', 'accuses', [], false],
      ['INVESTIGATES', 'investigates', [], false],
      ['HACKED', 'hacked', [], false],
      ['STATIONED_IN', 'is stationed in', [], false],
      ['EMPLOYED_BY', 'is employed by', ['role'], false],
      ['SUPPORTS', 'supports', ['aid'], false],
      ['THREATENS', 'threatens', [], false],
      ['INVESTS_IN', 'invests in', ['value', 'currency'], false],
      ['SUPPLIES', 'supplies', ['item'], false],
    ]);
    expect(relationSpec('OWNS_STAKE')?.phrase).toBe('owns a stake in');
  });
});

describe('FactType is a literal union', () => {
  it('a typo\'d type does not compile, fails the enum, and fails the load loudly', () => {
    const typo = { type: 'TRADES_WTIH', from: 'country:CHN', to: 'country:RUS', props: {}, evidence: { storyId: 'story:0', quote: 'q', start: 0, end: 1, extractor: 'x', extractorVersion: '0', confidence: 1 } };
    // @ts-expect-error 'TRADES_WTIH' is not a FactType
    const fact: Fact = typo;
    expect(FactTypeSchema.safeParse(fact.type).success).toBe(false);
    const story = { id: 'story:0', title: 't', body: 'q', outlet: null, published: null, url: null, pages: [], layout: 'json' };
    const extraction: Extraction = { storyId: story.id, entities: [], mentions: [], facts: [fact], outletId: null };
    expect(() => buildRows([story], [extraction])).toThrow(/"TRADES_WTIH" is not a relation type of the model/);
  });
});

describe('what the extractor stores matches the model', () => {
  let extractions: Extraction[] = [];
  beforeAll(async () => {
    const files = await listCorpusFiles(join(import.meta.dirname, '..', '..', 'seed', 'data'));
    extractions = (await readCorpus(files)).stories.map((s) => extractStory(s));
  });

  it('every entity prop and fact prop of the sample is a declared property of the right type', () => {
    let checked = 0;
    for (const x of extractions) {
      for (const e of x.entities) {
        entityPropsSchema(e.label).parse(e.props);
        checked++;
      }
      for (const f of x.facts) {
        relationPropsSchema(f.type).parse(f.props);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
