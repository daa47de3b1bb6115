// name: stories-by-outlet
// description: How many stories each outlet published, its newest, and a few titles
// param outlet: string = ""  only this outlet (name or id, any case); empty for all
MATCH (o:Outlet)
WHERE $outlet = '' OR o.id = $outlet OR toLower(o.name) = toLower($outlet)
// Per outlet: the count and newest date over its stories, and only the five newest titles (collecting
// every title to keep five read them all).
CALL (o) {
  MATCH (s:Story)-[:PUBLISHED_BY]->(o)
  RETURN count(s) AS stories, max(s.published) AS newest
}
WITH o, stories, newest
WHERE stories > 0
CALL (o) {
  MATCH (s:Story)-[:PUBLISHED_BY]->(o)
  WITH s
  ORDER BY s.published IS NULL, s.published DESC
  LIMIT 5
  RETURN collect(s.title) AS titles
}
OPTIONAL MATCH (oc:Country {id: o.country})
RETURN o.name AS outlet, coalesce(oc.name, o.country) AS country, o.ownership AS ownership, stories, newest, titles
ORDER BY stories DESC, outlet
