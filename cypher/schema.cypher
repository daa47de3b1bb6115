// The graph schema, applied idempotently at every start (IF NOT EXISTS).
// GENERATED from model/schema/ by `npm run gen:schema`: edit the model, not this file.
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
// Properties the model marks `indexed` (Evidence points at the fact it supports by key).
CREATE INDEX story_published IF NOT EXISTS FOR (n:Story) ON (n.published);
CREATE INDEX evidence_rel_key IF NOT EXISTS FOR (n:Evidence) ON (n.relKey);
// Full-text search over entity names and aliases (aliasText: the aliases joined) and story titles.
CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:Country|Official|Person|Company|Organization|Outlet|Place|Story) ON EACH [n.name, n.aliasText, n.title];
// A fact by its key (GET /api/facts/:key, a story's facts): one relationship index per fact type.
CREATE INDEX fact_key_trades_with IF NOT EXISTS FOR ()-[r:TRADES_WITH]-() ON (r.key);
CREATE INDEX fact_key_owns_stake IF NOT EXISTS FOR ()-[r:OWNS_STAKE]-() ON (r.key);
CREATE INDEX fact_key_acquired IF NOT EXISTS FOR ()-[r:ACQUIRED]-() ON (r.key);
CREATE INDEX fact_key_sanctions IF NOT EXISTS FOR ()-[r:SANCTIONS]-() ON (r.key);
CREATE INDEX fact_key_export_controls IF NOT EXISTS FOR ()-[r:EXPORT_CONTROLS]-() ON (r.key);
CREATE INDEX fact_key_built IF NOT EXISTS FOR ()-[r:BUILT]-() ON (r.key);
CREATE INDEX fact_key_located_in IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.key);
CREATE INDEX fact_key_leads IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.key);
CREATE INDEX fact_key_meets IF NOT EXISTS FOR ()-[r:MEETS]-() ON (r.key);
CREATE INDEX fact_key_accuses IF NOT EXISTS FOR ()-[r:ACCUSES]-() ON (r.key);
CREATE INDEX fact_key_investigates IF NOT EXISTS FOR ()-[r:INVESTIGATES]-() ON (r.key);
CREATE INDEX fact_key_hacked IF NOT EXISTS FOR ()-[r:HACKED]-() ON (r.key);
CREATE INDEX fact_key_stationed_in IF NOT EXISTS FOR ()-[r:STATIONED_IN]-() ON (r.key);
CREATE INDEX fact_key_employed_by IF NOT EXISTS FOR ()-[r:EMPLOYED_BY]-() ON (r.key);
CREATE INDEX fact_key_supports IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.key);
CREATE INDEX fact_key_threatens IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.key);
CREATE INDEX fact_key_invests_in IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.key);
CREATE INDEX fact_key_supplies IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.key);
