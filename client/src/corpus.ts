/**
 * Corpus facts the start page and the filters need (counts, outlets, date range), read once with
 * read-only Cypher through /api/cypher.
 */
import { api } from './api/client.js';
import type { Table } from './api/types.js';

export interface Corpus {
  stories: number;
  facts: number;
  first: string | null;
  last: string | null;
  byType: { type: string; count: number }[];
  outlets: { name: string; country: string | null; stories: number }[];
}

const rows = (t: Table) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])) as Record<string, unknown>);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

let pending: Promise<Corpus> | null = null;

export function corpus(): Promise<Corpus> {
  pending ??= load().catch((e) => {
    pending = null;
    throw e;
  });
  return pending;
}

async function load(): Promise<Corpus> {
  const [stories, types, outlets, facts] = await Promise.all([
    api.cypher('MATCH (s:Story) RETURN count(s) AS stories, toString(min(s.published)) AS first, toString(max(s.published)) AS last'),
    api.cypher("MATCH (e:Entity) UNWIND [l IN labels(e) WHERE l <> 'Entity'] AS type RETURN type, count(*) AS count ORDER BY count DESC"),
    api.cypher(
      'MATCH (o:Outlet) OPTIONAL MATCH (s:Story)-[:PUBLISHED_BY]->(o) RETURN o.name AS name, o.country AS country, count(s) AS stories ORDER BY stories DESC, name',
    ),
    api.cypher('MATCH ()-[r]->() WHERE r.key IS NOT NULL AND r.storyCount IS NOT NULL RETURN count(r) AS facts'),
  ]);
  const s = rows(stories.table)[0] ?? {};
  return {
    stories: Number(s.stories ?? 0),
    first: str(s.first),
    last: str(s.last),
    facts: Number(rows(facts.table)[0]?.facts ?? 0),
    byType: rows(types.table).map((r) => ({ type: String(r.type), count: Number(r.count) })),
    outlets: rows(outlets.table).map((r) => ({
      name: String(r.name),
      country: r.country === null || r.country === undefined ? null : String(r.country).replace(/^country:/, ''),
      stories: Number(r.stories ?? 0),
    })),
  };
}

/** The outlets and outlet countries behind each fact, for the outlet filters. */
export async function factSources(keys: string[]): Promise<Map<string, { outlets: Set<string>; countries: Set<string> }>> {
  const out = new Map<string, { outlets: Set<string>; countries: Set<string> }>();
  if (!keys.length) return out;
  const result = await api.cypher(
    `MATCH (ev:Evidence) WHERE ev.relKey IN $keys
     OPTIONAL MATCH (ev)-[:IN_STORY]->(:Story)-[:PUBLISHED_BY]->(o:Outlet)
     RETURN ev.relKey AS key, coalesce(o.name, ev.outlet) AS outlet, o.country AS country`,
    { keys },
  );
  for (const r of rows(result.table)) {
    const key = String(r.key);
    const entry = out.get(key) ?? { outlets: new Set<string>(), countries: new Set<string>() };
    if (r.outlet) entry.outlets.add(String(r.outlet));
    if (r.country) entry.countries.add(String(r.country).replace(/^country:/, '').toUpperCase());
    out.set(key, entry);
  }
  return out;
}
