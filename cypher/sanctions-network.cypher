// name: sanctions-network
// description: Who sanctions whom and who controls exports of what
// param entity: string = ""  only sanctions involving this entity (name, alias or id); empty for all
// param limit: int = 300  at most this many facts
MATCH (a:Entity)-[s:SANCTIONS|EXPORT_CONTROLS]->(b:Entity)
WHERE $entity = ''
   OR any(x IN [a, b] WHERE x.id = $entity OR toLower(x.name) = toLower($entity) OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($entity)))
RETURN a, s, b
ORDER BY coalesce(s.storyCount, 0) DESC
LIMIT $limit
