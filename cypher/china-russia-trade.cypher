// name: china-russia-trade
// description: Trade between two countries (the TRADES_WITH fact and its value), with every quote that reports it
// param a: string = "China"  first country: name, alias or id, any case
// param b: string = "Russia"  second country: name, alias or id, any case
MATCH (a:Country)
WHERE a.id = $a OR toLower(a.name) = toLower($a) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($a))
MATCH (b:Country)
WHERE b.id = $b OR toLower(b.name) = toLower($b) OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($b))
MATCH (a)-[t:TRADES_WITH]-(b)
OPTIONAL MATCH (ev:Evidence {relKey: t.key})-[:IN_STORY]->(s:Story)
RETURN a, t, b, ev.quote AS quote, ev.claim AS claim, s.title AS story, s.outlet AS outlet, s.published AS published, s.url AS url
ORDER BY published DESC
