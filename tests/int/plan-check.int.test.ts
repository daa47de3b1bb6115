/**
 * The EXPLAIN check on its own, against the real test Neo4j, with the text pre-check skipped. Each
 * write, admin, SHOW/TERMINATE, LOAD CSV and escape attempt is refused by the plan alone; every
 * shipped query and the kinds of reads analysts write pass it. The test Neo4j is the bundled one,
 * locked down: a procedure it has removed cannot even be planned, and that refusal (the server's
 * ProcedureNotFound) is accepted in place of the plan check's; every other attempt must be refused
 * by the plan, which is what an external server without the lockdown relies on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWith } from '../../db/read.js';
import { AppError, ForbiddenQueryError } from '../../db/errors.js';
import { explainAndCheck } from '../../server/queries/plan-check.js';
import { loadQueryFiles } from '../../server/queries/saved.js';
import { BYPASS_ATTEMPTS, WRITE_ATTEMPTS } from '../fixtures/write-attempts.js';
import { seedSample } from './api-fixture.js';
import { testDatabase } from './helpers.js';

const db = testDatabase();
beforeAll(() => seedSample(db));
afterAll(() => db.close());

const explain = (query: string) => readWith(db, { timeoutMs: 5_000, feature: 'test.plan-check' }, (tx) => explainAndCheck(tx, query, {}));

describe('the plan check alone', () => {
  it.each(WRITE_ATTEMPTS.map((q) => [q]))('refuses %j', async (query) => {
    const error = await explain(query).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'the plan check let it through').toBeInstanceOf(AppError);
    expect((error as AppError).status).toBeGreaterThanOrEqual(400);
    expect((error as AppError).status).toBeLessThan(500);
  });

  it.each(BYPASS_ATTEMPTS().filter((q) => !/^(?:RETURN '|cypher {3})/.test(q)).map((q) => [q]))('refuses %j because of its plan, not a syntax error', async (query) => {
    const error = await explain(query).then(
      () => undefined,
      (e: unknown) => e,
    );
    const removedByLockdown = error instanceof AppError && JSON.stringify(error.details ?? null).includes('ProcedureNotFound');
    if (!removedByLockdown) expect(error).toBeInstanceOf(ForbiddenQueryError);
  });

  it.each(loadQueryFiles().map((q) => [q.name, q.cypher]))('passes the shipped query %s', async (_name, cypher) => {
    await expect(explain(cypher)).resolves.toBeUndefined();
  });

  it.each([
    'MATCH (n:Country) RETURN n.name ORDER BY n.name LIMIT 5',
    'MATCH (a:Country {id: "country:CHN"})-[r]-(b) RETURN type(r), count(*) AS n ORDER BY n DESC',
    'MATCH p = shortestPath((a:Country {id: "country:CHN"})-[*..4]-(b:Country {id: "country:RUS"})) RETURN p',
    'MATCH p = allShortestPaths((a:Entity {id: "country:CHN"})-[:TRADES_WITH*..3]-(b:Entity)) RETURN p LIMIT 3',
    'MATCH (n:Entity) WHERE EXISTS { (n)<-[:MENTIONS]-(:Story) } RETURN n LIMIT 3',
    'MATCH (n:Entity) RETURN n.name, COUNT { (n)<-[:MENTIONS]-() } AS stories, [(n)-[r]-(m) | type(r)][0..3] AS types LIMIT 3',
    'OPTIONAL MATCH (n:Nothing) RETURN n',
    'MATCH (n:Country) RETURN n.name AS x UNION MATCH (n:Outlet) RETURN n.name AS x',
    'MATCH (n:Country) CALL (n) { MATCH (n)<-[:MENTIONS]-(s) RETURN count(s) AS c } RETURN n.name, c ORDER BY c DESC LIMIT 3',
    'CALL db.labels() YIELD label RETURN label',
    'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
    "CALL db.index.fulltext.queryNodes('search_names', 'china') YIELD node, score RETURN node, score LIMIT 3",
    'UNWIND range(1, 10) AS x WITH x WHERE x % 2 = 0 RETURN collect(DISTINCT x) AS xs, CASE WHEN size(collect(x)) > 2 THEN "many" ELSE "few" END AS how',
    'MATCH (a:Entity)-[:TRADES_WITH*1..2]-(b:Entity) WHERE a.id = $id RETURN DISTINCT b LIMIT 10',
    'MATCH (s:Story) WHERE s.title CONTAINS "China" RETURN s.title SKIP 1 LIMIT 2',
    'CYPHER runtime=slotted MATCH (n:Country) RETURN count(n)',
    'MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n',
  ])('passes the read %j', async (query) => {
    await expect(explain(query)).resolves.toBeUndefined();
  });
});
