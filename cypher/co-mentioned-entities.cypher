// name: co-mentioned-entities
// description: Entities most often mentioned in the same stories as a given entity
// param entity: string = "China"  entity name, alias or id, any case
// param limit: int = 25  at most this many entities
MATCH (e:Entity)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity) OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($entity))
MATCH (e)<-[:MENTIONS]-(s:Story)-[:MENTIONS]->(other:Entity)
WHERE other <> e
RETURN other.id AS id, other.name AS name, [l IN labels(other) WHERE l <> 'Entity'][0] AS label, count(DISTINCT s) AS stories
ORDER BY stories DESC, name
LIMIT $limit
