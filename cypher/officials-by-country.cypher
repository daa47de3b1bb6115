// name: officials-by-country
// description: Officials of a country and what they lead, work for or are stationed in
// param country: string = "China"  country name, alias or id, any case
MATCH (c:Country)
WHERE c.id = $country OR toLower(c.name) = toLower($country) OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($country))
MATCH (o:Official)
WHERE o.country = c.id OR (o)-[:LEADS|EMPLOYED_BY]->(c)
OPTIONAL MATCH (o)-[r:LEADS|EMPLOYED_BY|STATIONED_IN]->(x:Entity)
RETURN c, o, r, x
ORDER BY o.name
