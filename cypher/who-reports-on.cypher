// name: who-reports-on
// description: Outlets that covered an entity, grouped by the outlet's country
// param entity: string = "COSCO"  entity name, alias or id, any case
MATCH (e:Entity)
WHERE e.id = $entity OR toLower(e.name) = toLower($entity) OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($entity))
MATCH (s:Story)-[:MENTIONS]->(e)
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(o:Outlet)
OPTIONAL MATCH (oc:Country {id: o.country})
WITH e, coalesce(oc.name, o.country, 'unknown') AS outletCountry, coalesce(o.name, s.outlet, 'unknown') AS outlet, count(DISTINCT s) AS stories
ORDER BY stories DESC
RETURN e.name AS entity, outletCountry, sum(stories) AS stories, collect({outlet: outlet, stories: stories}) AS outlets
ORDER BY stories DESC, outletCountry
