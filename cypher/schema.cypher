// The graph schema, applied idempotently at every start (IF NOT EXISTS).
// One uniqueness constraint on `id` per node label of the model; a full-text index for search.
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT official_id IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (n:Outlet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (n:Story) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT saved_query_id IF NOT EXISTS FOR (n:SavedQuery) REQUIRE n.id IS UNIQUE;
// Every entity also carries the :Entity label, so "any entity by id" is one index lookup.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
// Evidence points at the fact it supports by key.
CREATE INDEX evidence_rel_key IF NOT EXISTS FOR (n:Evidence) ON (n.relKey);
CREATE INDEX story_published IF NOT EXISTS FOR (n:Story) ON (n.published);
// Full-text search over entity names and aliases (aliasText: the aliases joined) and story titles.
CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:Country|Official|Person|Company|Organization|Outlet|Place|Story) ON EACH [n.name, n.aliasText, n.title];
