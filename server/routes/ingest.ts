/**
 * POST /api/stories: ingest one story (JSON `{title, body, outlet?, published?, url?}`) or one page
 * of text (`Content-Type: text/plain`, any layout the seeder reads). Runs the same pipeline as
 * `npm run seed` and answers with what was created or merged. A write endpoint: token-protected.
 */
import express, { Router } from 'express';
import type { AppDeps } from '../app.js';
import { requireToken } from '../auth.js';
import { BadRequestError, fromNeo4jError } from '../../db/errors.js';
import { parseInput } from '../validate.js';
import { StoryInputSchema } from '../../model/types.js';
import type { IngestResponse } from '../../model/api.js';
import { loadStories, parsePage, storyFromInput } from '../../seed/index.js';

export const INGEST_TEXT_LIMIT = '2mb';
/** Only for the wording of a timeout error; the loader sets its own transaction timeouts. */
const INGEST_TIMEOUT_MS = 300_000;

export function ingestRouter(deps: AppDeps): Router {
  const router = Router();
  router.post('/api/stories', requireToken(deps.config), express.text({ type: 'text/plain', limit: INGEST_TEXT_LIMIT }), async (req, res) => {
    const stories =
      typeof req.body === 'string'
        ? parsePage('api-upload.txt', req.body)
        : [storyFromInput(parseInput(StoryInputSchema, req.body, 'story'), 'api')].filter((s) => s !== null);
    if (stories.length === 0) throw new BadRequestError('No story found in the request: send {title, body} as JSON, or a page of text with a title line and a body.');
    let result: Awaited<ReturnType<typeof loadStories>>;
    try {
      result = await loadStories(deps.db, stories, { keepDetails: true });
    } catch (error) {
      // The pipeline is shared with the seeding CLI and throws driver errors as they are: name them
      // here (database down → 503 database_unavailable, never a 500 with driver text). A story is
      // one batch, one write transaction, so a failed ingest leaves nothing half written.
      throw fromNeo4jError(error, INGEST_TIMEOUT_MS);
    } finally {
      // Even a failed load may have committed some batches: cached saved-query results are stale either way.
      deps.resultCache?.invalidate();
    }
    const body: IngestResponse = { stories: result.loaded, facts: result.facts, evidence: result.evidence, problems: result.problems };
    res.status(201).json(body);
  });
  return router;
}
