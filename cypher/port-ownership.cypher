// name: port-ownership
// description: Who holds stakes in which ports, and in which countries the ports lie
// param country: string = ""  only ports in this country (name, alias or id); empty for every country
// param limit: int = 200  at most this many stakes
MATCH (owner:Entity)-[stake:OWNS_STAKE]->(port:Place)
WHERE toLower(port.kind) = 'port'
OPTIONAL MATCH (port)-[located:LOCATED_IN]->(c:Country)
WITH owner, stake, port, located, c
WHERE $country = ''
   OR (c IS NOT NULL AND (c.id = $country OR toLower(c.name) = toLower($country) OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($country))))
RETURN owner, stake, port, located, c
ORDER BY coalesce(stake.storyCount, 0) DESC, owner.name
LIMIT $limit
