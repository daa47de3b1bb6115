// name: officials-by-country
// description: Officials of a country and what they lead, work for or are stationed in
// param country: string = "China"  country name, alias or id, any case
// param limit: int = 100  at most this many officials, by name
MATCH (c:Country)
WHERE c.id = $country OR toLower(c.name) = toLower($country) OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($country))
// The officials of the country by either rule, each branch on its own access path: the country
// property (indexed), or a LEADS/EMPLOYED_BY fact read from the country's side. An OR with a
// pattern predicate made Neo4j test the pattern for every official of every country.
CALL (c) {
  MATCH (o:Official {country: c.id})
  RETURN o
  UNION
  MATCH (o:Official)-[:LEADS|EMPLOYED_BY]->(c)
  RETURN o
}
WITH c, o
ORDER BY o.name
LIMIT $limit
// One row per official with their relations in a list, not one row per relation. The far ends are
// named here; as graph nodes they are fetched once each by the API (not once per relation).
OPTIONAL MATCH (o)-[r:LEADS|EMPLOYED_BY|STATIONED_IN]->(x:Entity)
RETURN c, o, collect(r) AS relations, collect(x.name) AS targets
ORDER BY o.name
