/**
 * The ingest baseline: the same rows the loader writes, written by plain `UNWIND … CREATE` into an
 * empty database (no MERGE, no support recomputation), one transaction per batch. Relationships
 * still find their endpoints by id through the same uniqueness indexes.
 */
import type { Database } from '../db/connect.js';
import type { LoadRows } from '../seed/load/rows.js';

const CREATE_STORIES = 'UNWIND $rows AS s CREATE (n:Story) SET n.id = s.id, n.title = s.title, n.name = s.title, n.body = s.body, n.outlet = s.outlet, n.url = s.url, n.pages = s.pages, n.layout = s.layout';
const CREATE_ENTITIES = 'UNWIND $rows AS e CREATE (n:Entity) SET n.id = e.id, n.name = e.name, n.aliases = e.aliases, n.confidence = e.confidence, n.source = e.source, n += e.props';
const CREATE_PUBLISHED = 'UNWIND $rows AS r MATCH (s:Story {id: r.story}) MATCH (o:Entity {id: r.outlet}) CREATE (s)-[:PUBLISHED_BY]->(o)';
const CREATE_MENTIONS = 'UNWIND $rows AS r MATCH (s:Story {id: r.story}) MATCH (e:Entity {id: r.entity}) CREATE (s)-[:MENTIONS {count: r.count, first: r.first}]->(e)';
const CREATE_EVIDENCE = 'UNWIND $rows AS r MATCH (s:Story {id: r.storyId}) CREATE (ev:Evidence {id: r.id, relKey: r.relKey, factType: r.factType, storyId: r.storyId, quote: r.quote, start: r.start, end: r.end, confidence: r.confidence, claim: r.claim}) SET ev += r.claimValues CREATE (ev)-[:IN_STORY]->(s)';
const CREATE_FACTS = 'UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) CREATE (a)-[:FACT {key: r.key}]->(b)';

/** Writes one batch; entities must be new (the caller deduplicates across batches). */
export async function baselineWrite(db: Database, rows: LoadRows, newEntities: Set<string>): Promise<void> {
  const entities = [...rows.entitiesByLabel.values()].flat().filter((e) => {
    if (newEntities.has(e.id)) return false;
    newEntities.add(e.id);
    return true;
  });
  const session = db.driver.session({ database: db.name });
  try {
    await session.executeWrite(async (tx) => {
      const run = async (cypher: string, list: unknown[]) => {
        if (list.length > 0) await tx.run(cypher, { rows: list });
      };
      await run(CREATE_STORIES, rows.stories);
      await run(CREATE_ENTITIES, entities);
      await run(CREATE_PUBLISHED, rows.publishedBy);
      await run(CREATE_MENTIONS, rows.mentions);
      await run(CREATE_EVIDENCE, rows.evidence);
      await run(CREATE_FACTS, [...rows.factsByType.values()].flat());
    });
  } finally {
    await session.close();
  }
}
