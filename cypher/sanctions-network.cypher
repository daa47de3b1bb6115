// name: sanctions-network
// description: Who sanctions whom and who controls exports of what
// param entity: string = ""  only sanctions involving this entity (name, alias or id); empty for all
// param limit: int = 300  at most this many facts
// Read through the relationship-type index (both types hold facts between entities only), not by
// expanding every entity in turn.
MATCH ()-[s:SANCTIONS|EXPORT_CONTROLS]->()
WITH s, startNode(s) AS a, endNode(s) AS b
WHERE $entity = ''
   OR any(x IN [a, b] WHERE x.id = $entity OR toLower(x.name) = toLower($entity) OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($entity)))
WITH a, s, b
ORDER BY coalesce(s.storyCount, 0) DESC
LIMIT $limit
RETURN a, s, b
