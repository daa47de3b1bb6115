/**
 * `npm start`: the production entry point. Serves the built client (client/dist) and the API on one
 * port. The UI is built while the database and CoreNLP start (both JVMs mostly wait on loading), so
 * the build adds nothing to the time until the app answers.
 */
import { build } from 'vite';
import { runUntilSignalled } from './lifecycle.js';

const uiBuilt = build({ logLevel: 'warn' }).then(() => undefined);
// awaited by startApp before the app is created; a failed build is reported there
uiBuilt.catch(() => {});
await runUntilSignalled({ whileStarting: uiBuilt });
