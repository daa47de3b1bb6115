/**
 * The API under benchmark in a process of its own, so it does not share an event loop with the load
 * generator (autocannon) or with the driver baseline. Started by bench/queries.ts over IPC:
 *   node --import tsx bench/api-process.ts     (env: NEO4J_URI and any NEWSGRAPH_* setting)
 * It serves the API and a bare node:http endpoint on free ports and sends `{api, bare}` (their URLs).
 * Every Cypher statement the API runs is recorded; the message `take` answers with those recorded
 * since the previous `take` (see serializeRecorded).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDriver, type Database } from '../db/connect.js';
import { recordingDatabase, serializeRecorded, type RecordedQuery } from './recording-db.js';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const config = loadConfig();
if (!config.NEO4J_URI || !process.send) throw new Error('bench/api-process.ts is started by bench/queries.ts (NEO4J_URI and an IPC channel).');
const driver = createDriver(config.NEO4J_URI, config.NEO4J_USER, config.NEO4J_PASSWORD);
const db: Database = { driver, name: config.NEO4J_DATABASE, uri: config.NEO4J_URI, close: () => driver.close() };
const recorded: RecordedQuery[] = [];
const app = createApp({ db: recordingDatabase(db, recorded), config, log: () => {} });
const bare = http.createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"ok":true}');
});
const urls = { api: await listen(http.createServer(app)), bare: await listen(bare) };
process.on('message', (message) => {
  if (message === 'take') {
    process.send!(serializeRecorded(recorded.splice(0)));
  }
});
process.on('disconnect', () => {
  void driver.close().finally(() => process.exit(0));
});
process.send(urls);
