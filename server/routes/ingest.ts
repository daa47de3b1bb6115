/**
 * POST /api/stories: ingest one story (JSON `{title, body, outlet?, published?, url?}`) or one page
 * of text (`Content-Type: text/plain`, any layout the seeder reads). Runs the same pipeline as
 * `npm run seed`, with the extractor NEWSGRAPH_EXTRACTOR names, and answers with what was created or
 * merged. With the nlp extractor the whole upload is annotated before anything is written: CoreNLP
 * down is 503 nlp_unavailable and nothing stored. A write endpoint: token-protected.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { json, writeErrors } from '../openapi.js';
import { requireToken } from '../auth.js';
import { BadRequestError, fromNeo4jError } from '../../db/errors.js';
import { parseInput } from '../validate.js';
import { StoryInputSchema } from '../../model/types.js';
import { ErrorBodySchema, IngestResponseSchema, type IngestResponse } from '../../model/api.js';
import { extractorFor, loadStories, parsePage, storyFromInput } from '../../seed/index.js';
import { NlpUnavailableError } from '../../nlp/errors.js';

export const INGEST_TEXT_LIMIT = '2mb';
/** Only for the wording of a timeout error; the loader sets its own transaction timeouts. */
const INGEST_TIMEOUT_MS = 300_000;

const doc = {
  summary: 'Ingest one story (JSON) or one page of text (text/plain, any layout the seeder reads) through the seeding pipeline',
  request: {
    body: {
      content: {
        'application/json': { schema: StoryInputSchema },
        'text/plain': { schema: z.string().meta({ description: 'A page: title line, then the body (at most 2 MB)' }) },
      },
    },
  },
  responses: {
    201: json(IngestResponseSchema, 'What was created or merged'),
    ...writeErrors,
    503: json(ErrorBodySchema, 'The database (`database_unavailable`) or the NLP server (`nlp_unavailable`: nothing was written) is not reachable'),
  },
};

export function ingestRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const route = {
    method: 'post',
    path: '/api/stories',
    ...doc,
    tokenGuard: requireToken(deps.config),
    before: [express.text({ type: 'text/plain', limit: INGEST_TEXT_LIMIT })],
  } as const;
  defineRoute(router, registry, route, async (req, res) => {
    const stories =
      typeof req.body === 'string'
        ? parsePage('api-upload.txt', req.body)
        : [storyFromInput(parseInput(StoryInputSchema, req.body, 'story'), 'api')].filter((s) => s !== null);
    if (stories.length === 0) throw new BadRequestError('No story found in the request: send {title, body} as JSON, or a page of text with a title line and a body.');
    // The nlp extractor with no CoreNLP client (none started, none configured) is CoreNLP down.
    if (deps.config.NEWSGRAPH_EXTRACTOR === 'nlp' && !deps.nlp) throw new NlpUnavailableError();
    const extractor = extractorFor(deps.config.NEWSGRAPH_EXTRACTOR, deps.nlp);
    let result: Awaited<ReturnType<typeof loadStories>>;
    try {
      // The whole upload is annotated before the first write: CoreNLP down (503 nlp_unavailable) writes nothing.
      result = await loadStories(deps.db, stories, { keepDetails: true, extractor, extractFirst: true });
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
