/**
 * Loads stories with everything extracted from them into Neo4j.
 *
 * - `write(stories, extractions)` writes one batch in ONE write transaction: either the whole batch
 *   lands or none of it does, so no story is ever half-written. It returns as soon as the batch is
 *   handed to Neo4j, so the caller extracts the next batch while this one is written (one core
 *   extracts while the database works on the other); a failed write surfaces on the next call.
 * - `finish()` then recomputes the support of every fact the run touched (counts, dates, best
 *   claim) from all its evidence, once per fact instead of once per batch.
 *
 * A loader remembers the entities it has written (after their transaction committed), so a hub
 * such as China is sent once per run, not once per batch. A story whose extraction is unchanged
 * since it was last loaded is not rewritten at all, which makes re-runs cheap.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/connect.js';
import { withWriteSession, writeWith, type WriteOptions } from '../../db/write.js';
import type { Extraction, Story } from '../../model/types.js';
import type { EntityLabel } from '../../model/graph-model.js';
import { buildRows, entitySignature, type EntityRow, type LoadRows } from './rows.js';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  CLEAR_STORY_EXTRACTION, CREATE_EVIDENCE, CREATE_MENTIONS, CREATE_PUBLISHED_BY, FINALIZE_FACTS, MERGE_ENTITIES, MERGE_FACTS, MERGE_STORIES,
} from './statements.js';

const StoryStatus = z.object({ id: z.string(), created: z.boolean(), unchanged: z.boolean() });

export interface BatchCounts {
  stories: number;
  facts: number;
  evidence: number;
}

interface FactRef {
  type: string;
  key: string;
  from: string;
  to: string;
}

const TX: WriteOptions = { feature: 'seed', timeoutMs: 300_000 };
/** Facts recomputed per transaction in finish(). */
const FINALIZE_CHUNK = 2_000;

/** Plain code-unit order of ids and keys (not locale order): the same in every seeder. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Called with each statement's name and duration, for benchmarks (bench/load-profile.ts). */
export type StatementTimer = (statement: string, ms: number) => void;

/**
 * Transactions finish() runs side by side: they set properties on disjoint facts, so they never
 * wait for each other, and each keeps one Neo4j thread (one core) busy. Batches, by contrast, are
 * written one at a time: two at once deadlock on the relationship groups of hubs such as China.
 */
const FINALIZE_WORKERS = 2;

export class GraphLoader {
  private readonly written = new Map<string, string>();
  private readonly touched = new Map<string, FactRef>();
  /** Facts this loader has committed: later batches need not MERGE them again. */
  private readonly createdFacts = new Set<string>();
  /** The batch Neo4j is writing now; at most one at a time. */
  private inFlight: Promise<void> = Promise.resolve();

  /**
   * `finalizeEachBatch`: recompute the support of a batch's facts inside the batch's own transaction,
   * so the story and its facts' counts land together or not at all. For small loads (an API upload),
   * where a database lost between the batch and a separate finish() must not leave a stored story
   * whose facts were never counted (a re-send would be skipped as unchanged). Bulk seeding keeps the
   * single finish() pass: hub facts have thousands of quotes.
   */
  constructor(
    private readonly db: Database,
    private readonly timer?: StatementTimer,
    private readonly options: { finalizeEachBatch?: boolean } = {},
  ) {}

  private async run(tx: ManagedTransaction, name: string, cypher: string, params: Record<string, unknown>) {
    const t = performance.now();
    const result = await tx.run(cypher, params);
    this.timer?.(name, performance.now() - t);
    return result;
  }

  private async runRows(tx: ManagedTransaction, name: string, cypher: string, rows: unknown[]): Promise<void> {
    if (rows.length > 0) await this.run(tx, name, cypher, { rows });
  }

  /**
   * Sends a statement without waiting for the previous one's result: Neo4j runs a transaction's
   * statements in order, so the driver can pipeline them and save a round trip per statement.
   * With a timer (profiling), statements run one by one so each gets its own time.
   */
  private send(tx: ManagedTransaction, pending: Promise<unknown>[], name: string, cypher: string, rows: unknown[]): void {
    if (rows.length === 0) return;
    const sent = this.timer
      ? (pending.at(-1) ?? Promise.resolve()).then(() => this.run(tx, name, cypher, { rows }))
      : Promise.resolve(tx.run(cypher, { rows }));
    // Awaited later with the others (Promise.all); until then a failure must not count as unhandled.
    sent.catch(() => {});
    pending.push(sent);
  }

  async write(stories: Story[], extractions: Extraction[]): Promise<BatchCounts> {
    const rows = buildRows(stories, extractions);
    const fresh = new Map<EntityLabel, EntityRow[]>();
    const signatures = new Map<string, string>();
    for (const [label, entityRows] of rows.entitiesByLabel) {
      const changed = entityRows.filter((row) => {
        const signature = entitySignature(row);
        if (this.written.get(row.id) === signature) return false;
        signatures.set(row.id, signature);
        return true;
      });
      // In id order (facts in key order below), so concurrent seeders take locks in the same order.
      fresh.set(label, changed.sort((a, b) => byText(a.id, b.id)));
    }
    await this.inFlight;
    this.inFlight = this.commit(rows, fresh, signatures);
    // Handled here so an early failure is not reported as unhandled; it still rejects when awaited.
    this.inFlight.catch(() => {});
    let facts = 0;
    for (const [type, factRows] of rows.factsByType) {
      facts += factRows.length;
      if (!this.options.finalizeEachBatch) for (const row of factRows) this.touched.set(row.key, { type, ...row });
    }
    return { stories: rows.stories.length, facts, evidence: rows.evidence.length };
  }

  private async commit(rows: LoadRows, entities: Map<EntityLabel, EntityRow[]>, signatures: Map<string, string>): Promise<void> {
    const stamp = randomUUID();
    const started = performance.now();
    // Collected inside the transaction function, which the driver may retry: reset on each attempt.
    let committedFacts: string[] = [];
    await writeWith(this.db, TX, async (tx) => {
      committedFacts = [];
      const pending: Promise<unknown>[] = [];
      const merged = this.run(tx, 'stories', MERGE_STORIES, { rows: rows.stories, stamp });
      merged.catch(() => {});
      pending.push(merged);
      for (const [label, entityRows] of entities) this.send(tx, pending, 'entities', MERGE_ENTITIES.get(label)!, entityRows);
      const statuses = (await merged).records.map((r) => StoryStatus.parse(r.toObject()));
      // Unchanged stories (a re-run, or another loader got there first) are done already.
      const rewrite = new Set(statuses.filter((s) => s.created || !s.unchanged).map((s) => s.id));
      const stale = statuses.filter((s) => !s.created && !s.unchanged).map((s) => s.id);
      if (stale.length > 0) await this.run(tx, 'clear', CLEAR_STORY_EXTRACTION, { ids: stale });
      const evidence = rows.evidence.filter((r) => rewrite.has(r.storyId));
      this.send(tx, pending, 'published-by', CREATE_PUBLISHED_BY, rows.publishedBy.filter((r) => rewrite.has(r.story)));
      this.send(tx, pending, 'mentions', CREATE_MENTIONS, rows.mentions.filter((r) => rewrite.has(r.story)));
      this.send(tx, pending, 'evidence', CREATE_EVIDENCE, evidence);
      const facts = new Map<string, Map<string, { key: string; from: string; to: string }>>();
      for (const ev of evidence) {
        if (this.createdFacts.has(ev.relKey)) continue;
        const ofType = facts.get(ev.factType) ?? new Map();
        ofType.set(ev.relKey, { key: ev.relKey, from: ev.from, to: ev.to });
        facts.set(ev.factType, ofType);
      }
      for (const [type, factRows] of facts) {
        const sorted = [...factRows.values()].sort((a, b) => byText(a.key, b.key));
        this.send(tx, pending, 'facts', MERGE_FACTS.get(type)!, sorted);
        for (const row of sorted) committedFacts.push(row.key);
      }
      await Promise.all(pending);
      if (this.options.finalizeEachBatch) {
        for (const [type, factRows] of rows.factsByType) await this.runRows(tx, 'finalize', FINALIZE_FACTS.get(type)!, factRows);
      }
    });
    this.timer?.('whole transaction', performance.now() - started);
    // Only now, after the commit, do these count as written.
    for (const [id, signature] of signatures) this.written.set(id, signature);
    for (const key of committedFacts) this.createdFacts.add(key);
  }

  /** Waits until the batch in flight is written; throws if it failed. */
  async flush(): Promise<void> {
    await this.inFlight;
  }

  /** Recomputes every fact touched since the last finish(); returns how many. */
  async finish(): Promise<number> {
    await this.flush();
    const chunks: Array<{ type: string; rows: Array<{ key: string; from: string; to: string }> }> = [];
    const byType = new Map<string, FactRef[]>();
    for (const ref of this.touched.values()) {
      const refs = byType.get(ref.type) ?? [];
      refs.push(ref);
      byType.set(ref.type, refs);
    }
    for (const [type, refs] of byType) {
      for (let i = 0; i < refs.length; i += FINALIZE_CHUNK) {
        chunks.push({ type, rows: refs.slice(i, i + FINALIZE_CHUNK).map(({ key, from, to }) => ({ key, from, to })) });
      }
    }
    const worker = () =>
      withWriteSession(this.db, async (write) => {
        try {
          for (let chunk = chunks.pop(); chunk; chunk = chunks.pop()) {
            const { type, rows } = chunk;
            await write(TX, (tx) => this.runRows(tx, 'finalize', FINALIZE_FACTS.get(type)!, rows));
          }
        } catch (error) {
          chunks.length = 0; // the other workers stop after their current chunk
          throw error;
        }
      });
    await Promise.all(Array.from({ length: FINALIZE_WORKERS }, worker));
    const count = this.touched.size;
    this.touched.clear();
    return count;
  }
}
