/**
 * A stand-in for an app in the CoreNLP lifecycle stress test: starts the bundled CoreNLP on the given
 * port, prints "READY <jvm pid>", and runs until it is killed.
 *   node --import tsx tests/stress/bundled-corenlp-child.ts <port>
 */
import { startBundledCoreNlp } from '../../nlp/bundled-corenlp.js';

const [port] = process.argv.slice(2);
const nlp = await startBundledCoreNlp({ port: Number(port), log: () => {} });
console.log(`READY ${nlp.pid()}`);
setInterval(() => {}, 60_000);
