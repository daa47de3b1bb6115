/**
 * A stand-in for an app in the lifecycle stress test: starts the bundled Neo4j on the given store
 * folder and port, prints "READY <jvm pid>", and runs until it is killed.
 *   node --import tsx tests/stress/bundled-neo4j-child.ts <dataDir> <boltPort>
 */
import { startBundledNeo4j } from '../../db/bundled-neo4j.js';

const [dataDir, port] = process.argv.slice(2);
const neo4j = await startBundledNeo4j({ dataDir: dataDir!, boltPort: Number(port), heap: '512m', pageCache: '128m', log: () => {} });
console.log(`READY ${neo4j.pid()}`);
setInterval(() => {}, 60_000);
