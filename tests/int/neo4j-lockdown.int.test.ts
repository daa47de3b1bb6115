/**
 * The bundled Neo4j is locked down: Cypher cannot read local files or fetch URLs, only the
 * procedures the app uses exist, logins need the password kept (0600) in the store folder, and
 * the JVM's environment holds nothing of the app's but what Java needs.
 */
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySchema } from '../../db/schema.js';
import { testDatabase } from './helpers.js';

const db = testDatabase();
const bundled = !process.env.NEO4J_TEST_URI;

async function failureOf(cypher: string): Promise<{ code: string; message: string } | undefined> {
  try {
    await db.driver.executeQuery(cypher, {}, { database: db.name });
    return undefined;
  } catch (error) {
    const e = error as { code?: string; message: string };
    return { code: e.code ?? '', message: e.message };
  }
}

beforeAll(async () => {
  await applySchema(db);
});
afterAll(() => db.close());

describe.runIf(bundled)('the bundled Neo4j lockdown', () => {
  it('refuses LOAD CSV from a file URL', async () => {
    const failure = await failureOf("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1");
    expect(failure?.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
    expect(failure?.message).toMatch(/allow_csv_import_from_file_urls/);
  });

  it('refuses LOAD CSV from any network address, loopback included (no request is made)', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests += 1;
      res.end('a,b\n1,2\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // The same server answers a request made from here, so a refusal below is the database's.
      expect(await (await fetch(`http://127.0.0.1:${port}/probe`)).text()).toContain('a,b');
      expect(requests).toBe(1);
      const failure = await failureOf(`LOAD CSV FROM 'http://127.0.0.1:${port}/data.csv' AS row RETURN row`);
      expect(failure?.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
      expect(failure?.message).toMatch(/blocked/);
      expect(requests).toBe(1);
    } finally {
      server.close();
    }
  });

  it('has no procedure outside the allowlist, built-in ones included', async () => {
    for (const call of ['CALL dbms.listConfig()', 'CALL db.clearQueryCaches()', "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", 'CALL dbms.killQueries([])', 'CALL db.createLabel("Intruder")']) {
      expect((await failureOf(call))?.code, call).toBe('Neo.ClientError.Procedure.ProcedureNotFound');
    }
  });

  it('keeps every procedure the app, the seeder and analysts use', async () => {
    const procedures = [
      'CALL dbms.components() YIELD versions RETURN versions',
      'CALL db.awaitIndexes(10)',
      'CALL db.labels() YIELD label RETURN label',
      'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
      'CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey',
      'CALL db.schema.visualization()',
      'CALL db.schema.nodeTypeProperties()',
      'CALL db.schema.relTypeProperties()',
      "CALL db.index.fulltext.queryNodes('search_names', 'china') YIELD node RETURN node LIMIT 1",
    ];
    for (const call of procedures) expect(await failureOf(call), call).toBeUndefined();
  });

  it('refuses logins without the password, with a wrong one and with the default one', async () => {
    for (const password of ['', 'wrong-password', 'neo4j']) {
      const intruder = testDatabase({ password });
      try {
        await expect(intruder.driver.verifyConnectivity()).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
      } finally {
        await intruder.close();
      }
    }
    // Three failures lock the account for a few seconds (brute-force protection); wait until the
    // real password works again so the files after this one are not locked out.
    const deadline = Date.now() + 15_000;
    for (;;) {
      // A new driver each time: a pooled connection would not log in again.
      const fresh = testDatabase();
      try {
        await fresh.driver.verifyConnectivity();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        await fresh.close();
      }
    }
  });

  it('keeps the generated password in the store folder, readable by its owner only', () => {
    const file = path.join(inject('neo4jDataDir'), 'neo4j-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, 'utf8').trim();
    expect(stored).toBe(inject('neo4jPassword'));
    expect(stored.length).toBeGreaterThanOrEqual(24);
  });

  it('runs the JVM with a minimal environment and no secret on its command line', () => {
    const pid = inject('neo4jPid');
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    const names = environ.map((entry) => entry.slice(0, entry.indexOf('=')));
    expect(names).toContain('PATH');
    for (const name of names) expect(name).toMatch(/^(PATH|HOME|LANG|LC_[A-Z_]+|JAVA_HOME|TMPDIR)$/);
    // This process's environment has far more (vitest's own variables at least): none reached the JVM.
    expect(Object.keys(process.env).some((name) => !names.includes(name))).toBe(true);
    expect(environ.join('\n')).not.toContain(inject('neo4jPassword'));
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(inject('neo4jPassword'));
  });
});
