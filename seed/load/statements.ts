/**
 * The load statements: parameterised UNWIND … MERGE, one per row kind. Labels and relationship
 * types cannot be parameters in Cypher 5, so the per-label and per-type statements are generated
 * from the model's fixed lists (model/graph-model.ts) — never from input.
 */
import { ENTITY_LABELS, FACT_TYPES, RELATIONS, type EntityLabel, type RelationSpec } from '../../model/graph-model.js';

export const MERGE_STORIES = `
UNWIND $rows AS s
MERGE (n:Story {id: s.id})
SET n.title = s.title, n.name = s.title, n.body = s.body, n.outlet = s.outlet,
    n.published = CASE WHEN s.published IS NULL THEN null ELSE date(s.published) END,
    n.url = s.url, n.layout = s.layout,
    n.pages = reduce(acc = coalesce(n.pages, []), p IN s.pages | CASE WHEN p IN acc THEN acc ELSE acc + p END)`;

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

export const MERGE_PUBLISHED_BY = `
UNWIND $rows AS r
MATCH (s:Story {id: r.story})
MATCH (o:Entity {id: r.outlet})
MERGE (s)-[:PUBLISHED_BY]->(o)`;

export const MERGE_MENTIONS = `
UNWIND $rows AS r
MATCH (s:Story {id: r.story})
MATCH (e:Entity {id: r.entity})
MERGE (s)-[m:MENTIONS]->(e)
SET m.count = r.count, m.first = r.first`;

export const MERGE_EVIDENCE = `
UNWIND $rows AS r
MATCH (s:Story {id: r.storyId})
MERGE (ev:Evidence {id: r.id})
SET ev.relKey = r.relKey, ev.factType = r.factType, ev.storyId = r.storyId, ev.quote = r.quote,
    ev.start = r.start, ev.end = r.end, ev.confidence = r.confidence, ev.extractor = r.extractor,
    ev.extractorVersion = r.extractorVersion, ev.claim = r.claim, ev.outlet = r.outlet,
    ev.published = CASE WHEN r.published IS NULL THEN null ELSE date(r.published) END,
    ev.claimSize = size(keys(r.claimValues))
SET ev += r.claimValues
MERGE (ev)-[:IN_STORY]->(s)`;

/** MERGEs each fact between its endpoints; its support is filled in by FINALIZE_FACTS. */
function mergeFacts(type: string): string {
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
  const claimValues = spec.props.map((prop) => `f.${prop} = best.claim_${prop}`);
  return `
UNWIND $rows AS r
MATCH (:Entity {id: r.from})-[f:${spec.type} {key: r.key}]->(:Entity {id: r.to})
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

/** Removes the seeded graph in chunks (analysts' saved queries stay). Runs in an implicit transaction. */
export const RESET_GRAPH = `
MATCH (n) WHERE n:Entity OR n:Story OR n:Evidence
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;
