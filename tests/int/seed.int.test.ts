/**
 * The whole seeding pipeline on the sample corpus, against real Neo4j, with each extractor: rules
 * alone, and nlp on the test run's real CoreNLP server (tests/setup/global-neo4j.ts).
 */
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../db/schema.js';
import { resetGraph } from '../../seed/load/reset.js';
import { seedCorpus, SAMPLE_DIR, type SeedSummary } from '../../seed/pipeline.js';
import { testDatabase, testNlpUri } from './helpers.js';
import { AnnotationCache } from '../../nlp/cache.js';
import { createNlpClient, type NlpClient } from '../../nlp/client.js';
import { corenlpProperties } from '../../nlp/properties.js';
import { nlpExtractor, rulesExtractor, type Extractor, type ExtractorName } from '../../seed/extract/extractors.js';

const db = testDatabase();

/** A fact between two entities named by name or alias, with its evidence quotes. */
async function fact(type: string, from: string, to: string | null) {
  const { records } = await db.driver.executeQuery(
    `MATCH (a:Entity)-[f]->(b:Entity)
     WHERE type(f) = $type AND (a.name = $from OR $from IN a.aliases) AND ($to IS NULL OR b.name = $to OR $to IN b.aliases)
     OPTIONAL MATCH (ev:Evidence {relKey: f.key})-[:IN_STORY]->(s:Story)
     RETURN properties(f) AS props, b.name AS target, collect(ev.quote) AS quotes, collect(s.title) AS stories`,
    { type, from, to },
  );
  return records.map((r) => r.toObject() as { props: Record<string, unknown>; target: string; quotes: string[]; stories: string[] });
}

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe.each<ExtractorName>(['rules', 'nlp'])('seeding the sample corpus with the %s extractor', (name) => {
  let first: SeedSummary;
  let client: NlpClient | undefined;
  let extractor: Extractor;

  beforeAll(async () => {
    await applySchema(db);
    if (name === 'nlp') {
      const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-nlp-cache-'));
      client = createNlpClient({ uri: testNlpUri(), concurrency: 2, cache: new AnnotationCache(cacheDir, corenlpProperties().hash) });
      extractor = nlpExtractor(client);
    } else extractor = rulesExtractor;
    first = await seedCorpus(db, { reset: true, extractor });
  }, 600_000);

  it('loads 31 distinct stories from the 4 pages, repeated stories once with both pages', async () => {
    expect(first.problems).toEqual([]);
    expect(first.files).toBe(4);
    expect(first.counts.nodes.Story).toBe(31);
    const { records } = await db.driver.executeQuery('MATCH (s:Story) WHERE size(s.pages) = 2 RETURN count(s) AS repeated');
    expect(records[0]!.get('repeated')).toBe(5);
  });

  it('links stories to outlets and entities', async () => {
    // The takeaways and newswire pages name no outlet; every story that has one is linked to it.
    const { records } = await db.driver.executeQuery(
      'MATCH (s:Story) RETURN count(s.outlet) AS withOutlet, count { MATCH (s) WHERE s.outlet IS NOT NULL AND NOT (s)-[:PUBLISHED_BY]->(:Outlet) } AS unlinked',
    );
    expect(records[0]!.get('unlinked')).toBe(0);
    expect(first.counts.relationships.PUBLISHED_BY).toBe(records[0]!.get('withOutlet'));
    expect(first.counts.relationships.PUBLISHED_BY).toBeGreaterThanOrEqual(14);
    expect(first.counts.relationships.MENTIONS).toBeGreaterThan(100);
    expect(first.counts.nodes.Country).toBeGreaterThan(20);
  });

  it('has China–Russia trade with the 2024 value and its sentence', async () => {
    const [trade, ...rest] = [...(await fact('TRADES_WITH', 'China', 'Russia')), ...(await fact('TRADES_WITH', 'Russia', 'China'))];
    expect(rest).toHaveLength(0);
    expect(trade!.props).toMatchObject({ value: 244.8e9, currency: 'USD', year: 2024 });
    expect(trade!.quotes.some((q) => q.includes('244.8 billion dollars in 2024'))).toBe(true);
  });

  it('has COSCO owning 60% of Chancay port, which is in Peru', async () => {
    const [stake] = await fact('OWNS_STAKE', 'COSCO', null);
    expect(stake?.props.percent).toBe(60);
    expect(stake?.target).toMatch(/Chancay/);
    expect(stake?.quotes.some((q) => q.includes('60 percent stake'))).toBe(true);
    const located = await fact('LOCATED_IN', stake!.target, 'Peru');
    expect(located).toHaveLength(1);
  });

  it('has China Southern Power Grid acquiring Peru’s electricity distribution', async () => {
    const acquired = await fact('ACQUIRED', 'China Southern Power Grid', null);
    expect(acquired.length).toBeGreaterThan(0);
    expect(acquired.flatMap((a) => a.quotes).some((q) => q.includes('electricity distribution'))).toBe(true);
  });

  it('has China’s export controls on silver', async () => {
    const controls = await fact('EXPORT_CONTROLS', 'China', null);
    expect(controls.some((c) => String(c.props.item).toLowerCase().includes('silver'))).toBe(true);
  });

  it('has Xi Jinping leading China', async () => {
    const leads = await fact('LEADS', 'Xi Jinping', 'China');
    expect(leads).toHaveLength(1);
    expect(leads[0]!.quotes.length).toBeGreaterThan(0);
  });

  it('gives every piece of evidence exact offsets into its story', async () => {
    const { records } = await db.driver.executeQuery(
      'MATCH (ev:Evidence)-[:IN_STORY]->(s:Story) RETURN ev.quote AS quote, substring(s.body, ev.start, ev.end - ev.start) AS slice',
    );
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) expect(r.get('slice')).toBe(r.get('quote'));
  });

  it('changes no counts when run a second time', async () => {
    const requestsBefore = client?.requests ?? 0;
    const second = await seedCorpus(db, { extractor });
    expect(second.counts).toEqual(first.counts);
    // Unchanged stories come from the annotation cache: not one request to CoreNLP.
    if (client) {
      expect(requestsBefore).toBeGreaterThan(0);
      expect(client.requests).toBe(requestsBefore);
    }
  });

  it('records which extractor produced the evidence', async () => {
    const { records } = await db.driver.executeQuery('MATCH (ev:Evidence) RETURN collect(DISTINCT ev.extractor) AS extractors');
    expect(records[0]!.get('extractors')).toEqual([`newsgraph-${name}`]);
  });
});

describe('seeding bad input', () => {
  it('reports each bad file by name, skips it, and loads the rest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bad-'));
    copyFileSync(path.join(SAMPLE_DIR, '003_00ca51bd3cdac06e.txt'), path.join(dir, 'good.txt'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 story\n\nA body in Latin-1 with caf\xe9.', 'latin1'));
    writeFileSync(path.join(dir, 'truncated.json'), '[{"title": "A story", "body": "It was cut off');
    await resetGraph(db);
    const summary = await seedCorpus(db, { dir });
    const failed = summary.problems.map((p) => path.basename(p.file)).sort();
    expect(failed).toEqual(['binary.txt', 'empty.txt', 'latin1.txt', 'truncated.json']);
    for (const problem of summary.problems) expect(problem.message.length).toBeGreaterThan(10);
    expect(summary.counts.nodes.Story).toBeGreaterThan(5);
  });
});
