// name: stories-by-outlet
// description: How many stories each outlet published, its newest, and a few titles
// param outlet: string = ""  only this outlet (name or id, any case); empty for all
MATCH (s:Story)-[:PUBLISHED_BY]->(o:Outlet)
WHERE $outlet = '' OR o.id = $outlet OR toLower(o.name) = toLower($outlet)
WITH o, s
ORDER BY s.published DESC
RETURN o.name AS outlet, o.country AS country, o.ownership AS ownership, count(s) AS stories, max(s.published) AS newest, collect(s.title)[0..5] AS titles
ORDER BY stories DESC, outlet
