/**
 * The load statements: parameterised UNWIND … MERGE, one per row kind. Labels and relationship
 * types cannot be parameters in Cypher 5, so the per-label and per-type statements are generated
 * from the model's fixed lists (model/graph-model.ts) — never from input.
 */
import { ENTITY_LABELS, RELATIONS, type EntityLabel, type RelationSpec } from '../../model/graph-model.js';

export const MERGE_STORIES = `
UNWIND $rows AS s
MERGE (n:Story {id: s.id})
SET n.title = s.title, n.name = s.title, n.body = s.body, n.outlet = s.outlet,
    n.published = CASE WHEN s.published IS NULL THEN null ELSE date(s.published) END,
    n.url = s.url, n.layout = s.layout,
    n.pages = reduce(acc = coalesce(n.pages, []), p IN s.pages | CASE WHEN p IN acc THEN acc ELSE acc + p END)`;

function mergeEntities(label: EntityLabel): string {
  return `
UNWIND $rows AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.confidence = e.confidence, n.source = e.source
SET n:${label}
SET n += e.props,
    n.confidence = CASE WHEN e.confidence > n.confidence THEN e.confidence ELSE n.confidence END,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN e.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
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

/**
 * MERGEs the fact, then recomputes it from ALL its evidence, so re-runs and later stories keep it
 * true: how many stories and outlets support it, when it was first and last reported, and the
 * values of its best-supported claim (most values stated, then highest confidence, then latest
 * year, then latest story). Every claim stays on its Evidence node, so conflicting values remain
 * visible side by side.
 */
function mergeFacts(spec: RelationSpec): string {
  const claimValues = spec.props.map((prop) => `f.${prop} = best.claim_${prop}`);
  return `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[f:${spec.type} {key: r.key}]->(b)
WITH f, r
CALL {
  WITH r
  MATCH (ev:Evidence {relKey: r.key})
  WITH ev ORDER BY ev.claimSize DESC, ev.confidence DESC, coalesce(ev.claim_year, 0) DESC,
                   coalesce(toString(ev.published), '') DESC, ev.id
  RETURN count(DISTINCT ev.storyId) AS stories, count(DISTINCT ev.outlet) AS outlets,
         min(ev.published) AS first, max(ev.published) AS last, collect(ev)[0] AS best
}
SET f.storyCount = stories, f.outletCount = outlets, f.firstReported = first, f.lastReported = last${claimValues.map((c) => `,
    ${c}`).join('')}`;
}
export const MERGE_FACTS: ReadonlyMap<string, string> = new Map(RELATIONS.map((spec) => [spec.type, mergeFacts(spec)]));

/** Removes the seeded graph in chunks (analysts' saved queries stay). Runs in an implicit transaction. */
export const RESET_GRAPH = `
MATCH (n) WHERE n:Entity OR n:Story OR n:Evidence
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;
