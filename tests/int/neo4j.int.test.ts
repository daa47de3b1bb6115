import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../db/schema.js';
import { testDatabase } from './helpers.js';

const db = testDatabase();

beforeAll(async () => {
  await applySchema(db);
});
afterAll(async () => {
  await db.driver.executeQuery('MATCH (n:BoltRoundTrip) DETACH DELETE n', {}, { database: db.name });
  await db.close();
});

describe('the test Neo4j over Bolt', () => {
  it('is a real Neo4j 5 server', async () => {
    const info = await db.driver.getServerInfo();
    expect(info.agent).toMatch(/^Neo4j\/5\./);
    expect(String(info.protocolVersion)).toMatch(/^[5-9]\./);
  });

  it('writes a node through Bolt and reads it back', async () => {
    const marker = `round-trip-${Date.now()}-${Math.random()}`;
    await db.driver.executeQuery('CREATE (:BoltRoundTrip {marker: $marker, at: datetime()})', { marker }, { database: db.name });
    const { records } = await db.driver.executeQuery(
      'MATCH (n:BoltRoundTrip {marker: $marker}) RETURN n.marker AS marker, n.at IS NOT NULL AS stamped',
      { marker },
      { database: db.name, routing: 'READ' },
    );
    expect(records.map((r) => r.toObject())).toEqual([{ marker, stamped: true }]);
  });

  it('has applied the schema idempotently', async () => {
    const second = await applySchema(db);
    expect(second).toBeGreaterThan(10);
    const { records } = await db.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {}, { database: db.name });
    const names = records[0]!.get('names') as string[];
    for (const label of ['country_id', 'story_id', 'evidence_id', 'company_id']) expect(names).toContain(label);
    const indexes = await db.driver.executeQuery("SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state", {}, { database: db.name });
    expect(indexes.records.map((r) => r.toObject())).toContainEqual({ name: 'search_names', state: 'ONLINE' });
  });
});
