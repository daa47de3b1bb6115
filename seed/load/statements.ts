/**
 * The load statements: parameterised UNWIND … MERGE, one per row kind. Labels and relationship
 * types cannot be parameters in Cypher 5, so the per-label and per-type statements are generated
 * from the model's fixed lists (model/schema/, read through model/graph-model.ts) — never from input.
 */
import { ENTITY_LABELS, FACT_TYPES, RELATIONS, type EntityLabel, type FactType, type RelationSpec } from '../../model/graph-model.js';
import { claimProperty } from '../../model/schema/derive.js';

/**
 * MERGEs each story and says whether its extraction must be written: `write` is true when this
 * transaction created the story (its `loadStamp` is ours) or when it was extracted differently
 * before (another extraction hash). The MERGE holds the story's constraint lock until commit, so
 * of two concurrent loaders exactly one writes a new story's mentions and evidence.
 */
export const MERGE_STORIES = `
UNWIND $rows AS s
MERGE (n:Story {id: s.id})
ON CREATE SET n.loadStamp = $stamp
WITH n, s, n.loadStamp = $stamp AS created, coalesce(n.extractionHash = s.extractionHash, false) AS unchanged
SET n.title = s.title, n.name = s.title, n.body = s.body, n.outlet = s.outlet,
    n.published = CASE WHEN s.published IS NULL THEN null ELSE date(s.published) END,
    n.url = s.url, n.layout = s.layout, n.extractionHash = s.extractionHash,
    n.pages = reduce(acc = coalesce(n.pages, []), p IN s.pages | CASE WHEN p IN acc THEN acc ELSE acc + p END)
RETURN s.id AS id, created, unchanged`;

/** Removes what an earlier, different extraction of these stories wrote, before it is written anew. */
export const CLEAR_STORY_EXTRACTION = `
UNWIND $ids AS id
MATCH (s:Story {id: id})
OPTIONAL MATCH (s)-[r:MENTIONS|PUBLISHED_BY]->()
DELETE r
WITH DISTINCT s
OPTIONAL MATCH (ev:Evidence)-[:IN_STORY]->(s)
DETACH DELETE ev`;

/**
 * New entities get everything at once; known ones only what is new (props, higher confidence,
 * aliases not seen before), so hubs such as China are not rewritten — nor re-indexed — per batch.
 */
function mergeEntities(label: EntityLabel): string {
  return `
UNWIND $rows AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n:${label}, n.name = e.name, n.source = e.source, n.confidence = e.confidence,
              n.aliases = e.aliases, n.aliasText = e.aliasText
SET n += e.props
WITH n, e, [a IN e.aliases WHERE NOT a IN n.aliases] AS added
SET n.confidence = CASE WHEN e.confidence > n.confidence THEN e.confidence ELSE n.confidence END
WITH n, added WHERE size(added) > 0
SET n.aliases = n.aliases + added
SET n.aliasText = reduce(text = '', a IN n.aliases | CASE WHEN text = '' THEN a ELSE text + ' | ' + a END)`;
}
export const MERGE_ENTITIES: ReadonlyMap<EntityLabel, string> = new Map(ENTITY_LABELS.map((label) => [label, mergeEntities(label)]));

// Mentions, outlet links and evidence belong to one story and are written only when the story
// is (re)written, so plain CREATE is enough: MERGE_STORIES decides, under the story's lock.
export const CREATE_PUBLISHED_BY = `
UNWIND $rows AS r
MATCH (s:Story {id: r.story})
MATCH (o:Entity {id: r.outlet})
CREATE (s)-[:PUBLISHED_BY]->(o)`;

export const CREATE_MENTIONS = `
UNWIND $rows AS r
MATCH (s:Story {id: r.story})
MATCH (e:Entity {id: r.entity})
CREATE (s)-[:MENTIONS {count: r.count, first: r.first}]->(e)`;

export const CREATE_EVIDENCE = `
UNWIND $rows AS r
MATCH (s:Story {id: r.storyId})
CREATE (ev:Evidence {id: r.id, relKey: r.relKey, factType: r.factType, storyId: r.storyId, quote: r.quote,
                     start: r.start, end: r.end, occurrences: toInteger(r.occurrences), confidence: r.confidence, extractor: r.extractor,
                     extractorVersion: r.extractorVersion, claim: r.claim, outlet: r.outlet,
                     published: CASE WHEN r.published IS NULL THEN null ELSE date(r.published) END,
                     claimSize: size(keys(r.claimValues))})
SET ev += r.claimValues
CREATE (ev)-[:IN_STORY]->(s)`;

/** MERGEs each fact between its endpoints; its support is filled in by FINALIZE_FACTS. */
function mergeFacts(type: FactType): string {
  return `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[:${type} {key: r.key}]->(b)`;
}
export const MERGE_FACTS: ReadonlyMap<string, string> = new Map(FACT_TYPES.map((type) => [type, mergeFacts(type)]));

/**
 * Recomputes facts from ALL their evidence: how many stories and outlets support each, when it was
 * first and last reported, and the values of its best-supported claim (most values stated, then
 * highest confidence, then latest year, then latest story). Every claim stays on its Evidence node,
 * so conflicting values remain visible side by side. Run once per fact after its evidence is
 * written (at the end of a seeding run, not per batch: hub facts have thousands of quotes).
 */
function finalizeFacts(spec: RelationSpec): string {
  const claimValues = spec.props.map((prop) => `f.${prop} = best.${claimProperty(prop)}`);
  return `
UNWIND $rows AS r
MATCH ()-[f:${spec.type} {key: r.key}]->()
CALL {
  WITH r
  MATCH (ev:Evidence {relKey: r.key})
  WITH ev ORDER BY ev.claimSize DESC, ev.confidence DESC, coalesce(ev.claim_year, 0) DESC,
                   coalesce(toString(ev.published), '') DESC, ev.id
  RETURN count(DISTINCT ev.storyId) AS stories, count(DISTINCT ev.outlet) AS outlets,
         min(ev.published) AS first, max(ev.published) AS last, collect(ev)[0] AS best
}
SET f.storyCount = stories, f.outletCount = outlets, f.firstReported = first, f.lastReported = last${claimValues.map((c) => `,\n    ${c}`).join('')}`;
}
export const FINALIZE_FACTS: ReadonlyMap<string, string> = new Map(RELATIONS.map((spec) => [spec.type, finalizeFacts(spec)]));

/**
 * Removes the seeded graph (analysts' saved queries stay), in chunks, in an implicit transaction:
 * relationships first, then nodes, so no single chunk has to DETACH a hub's hundred thousand
 * relationships at once (that overflows the transaction memory pool on large graphs).
 */
export const RESET_GRAPH: readonly string[] = [
  `MATCH (n)-[r]->() WHERE n:Entity OR n:Story OR n:Evidence
   CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (n) WHERE n:Entity OR n:Story OR n:Evidence
   CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
];
