// name: shortest-connection
// description: The shortest chains of facts (up to 6 hops) between two entities
// param a: string = "COSCO"  first entity: name, alias or id, any case
// param b: string = "Peru"  second entity: name, alias or id, any case
MATCH (x:Entity)
WHERE x.id = $a OR toLower(x.name) = toLower($a) OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($a))
MATCH (y:Entity)
WHERE y.id = $b OR toLower(y.name) = toLower($b) OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower($b))
WITH x, y
WHERE x <> y
MATCH p = allShortestPaths((x)-[:TRADES_WITH|OWNS_STAKE|ACQUIRED|SANCTIONS|EXPORT_CONTROLS|BUILT|LOCATED_IN|LEADS|MEETS|ACCUSES|INVESTIGATES|HACKED|STATIONED_IN|EMPLOYED_BY|SUPPORTS|THREATENS|INVESTS_IN|SUPPLIES*..6]-(y))
RETURN p
LIMIT 50
