/** `npm start`: the production entry point. Serves the built client (client/dist) and the API on one port. */
import { runUntilSignalled } from './lifecycle.js';

await runUntilSignalled();
