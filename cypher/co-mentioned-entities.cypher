// name: co-mentioned-entities
// description: Entities most often mentioned in the same stories as a given entity
// param entity: string = "China"  entity name, alias or id, any case
// param limit: int = 25  at most this many entities
MATCH (e:Entity)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity) OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($entity))
MATCH (e)<-[:MENTIONS]-(s:Story)
// From each of the entity's stories to its other entities: the planner otherwise hash-joins with
// every MENTIONS of the graph. MENTIONS always ends at an entity (no label test needed), and a
// story mentions an entity at most once (the loader merges MENTIONS), so counting rows counts
// stories; grouping by the node reads names for the top only.
CALL (e, s) {
  MATCH (s)-[:MENTIONS]->(other)
  WHERE other <> e
  RETURN other
}
WITH other, count(*) AS stories
ORDER BY stories DESC, other.name
LIMIT $limit
RETURN other.id AS id, other.name AS name, [l IN labels(other) WHERE l <> 'Entity'][0] AS label, stories
