/**
 * 503 while the bundled Neo4j is being restarted after an unexpected exit: the same code as any
 * unavailable database, plus `details.restarting` so clients (and the health check) can tell a
 * restart in progress from a database that is simply gone.
 */
import { AppError } from './errors.js';

export class DatabaseRestartingError extends AppError {
  constructor() {
    super(
      503,
      'database_unavailable',
      'The bundled graph database stopped unexpectedly and is restarting. Try again in a moment.',
      { restarting: true },
    );
  }
}
