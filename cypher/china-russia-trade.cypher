// name: china-russia-trade
// description: Trade between two countries (the TRADES_WITH fact and its value), with the newest quotes that report it
// param a: string = "China"  first country: name, alias or id, any case
// param b: string = "Russia"  second country: name, alias or id, any case
// param limit: int = 50  at most this many quotes, newest first (the fact's storyCount says how many there are)
MATCH (a:Country)
WHERE a.id = $a OR toLower(a.name) = toLower($a) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($a))
MATCH (b:Country)
WHERE b.id = $b OR toLower(b.name) = toLower($b) OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($b))
MATCH (a)-[t:TRADES_WITH]-(b)
// One row per fact, its quotes in a list: a hub pair has thousands of quotes, and one row per quote
// repeated both countries and the fact in every row. Evidence carries its story's publication date,
// so the newest quotes are chosen before any story is read.
CALL (t) {
  OPTIONAL MATCH (ev:Evidence {relKey: t.key})
  WITH ev
  ORDER BY ev.published IS NULL, ev.published DESC
  LIMIT $limit
  OPTIONAL MATCH (ev)-[:IN_STORY]->(s:Story)
  RETURN collect(CASE WHEN ev IS NOT NULL THEN {quote: ev.quote, claim: ev.claim, story: s.title, outlet: s.outlet, published: s.published, url: s.url} END) AS quotes
}
RETURN a, t, b, quotes
