// name: entity-neighbourhood
// description: An entity and its facts with other entities, most reported first
// param id: string = "country:CHN"  entity id (see search)
// param limit: int = 100  at most this many facts
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN n, r, m
ORDER BY coalesce(r.storyCount, 0) DESC
LIMIT $limit
