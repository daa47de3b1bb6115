// name: stories-by-outlet
// description: How many stories each outlet published, its newest, and a few titles
// param outlet: string = ""  only this outlet (name or id, any case); empty for all
MATCH (s:Story)-[:PUBLISHED_BY]->(o:Outlet)
WHERE $outlet = '' OR o.id = $outlet OR toLower(o.name) = toLower($outlet)
OPTIONAL MATCH (oc:Country {id: o.country})
WITH o, s, coalesce(oc.name, o.country) AS country
ORDER BY s.published DESC
RETURN o.name AS outlet, country, o.ownership AS ownership, count(s) AS stories, max(s.published) AS newest, collect(s.title)[0..5] AS titles
ORDER BY stories DESC, outlet
