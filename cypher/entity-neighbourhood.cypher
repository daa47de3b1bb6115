// name: entity-neighbourhood
// description: An entity and its facts with other entities, most reported first
// param id: string = "country:CHN"  entity id (see search)
// param limit: int = 100  at most this many facts
// The fact types are named so Neo4j reads only those relationships of a hub, not its stories' MENTIONS
// (entity-to-entity relationships are all facts, so the result is the same).
MATCH (n:Entity {id: $id})-[r:TRADES_WITH|OWNS_STAKE|ACQUIRED|SANCTIONS|EXPORT_CONTROLS|BUILT|LOCATED_IN|LEADS|MEETS|ACCUSES|INVESTIGATES|HACKED|STATIONED_IN|EMPLOYED_BY|SUPPORTS|THREATENS|INVESTS_IN|SUPPLIES]-(m:Entity)
RETURN n, r, m
ORDER BY coalesce(r.storyCount, 0) DESC
LIMIT $limit
