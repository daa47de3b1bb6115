/**
 * A Markdown brief listing the entities and every fact with its newest evidence quotes (at most
 * BRIEF_QUOTES_PER_FACT each, then "… and N more quotes") and links. The one format that needs the
 * evidence, so it declares it.
 */
import type { Graph } from '../../../model/api.js';
import { relationSpec } from '../../../model/graph-model.js';
import { cellText, mainLabel, nodeName } from '../graph-text.js';
import type { BriefEvidence, ExportWriter } from '../writer.js';

/**
 * Quotes per fact in a brief. A brief is read by people: past a handful of quotes more add length,
 * not insight, and a hub fact can have tens of thousands; the rest is counted, not listed.
 */
export const BRIEF_QUOTES_PER_FACT = 10;

export interface BriefOptions {
  /** All quotes of each fact (by key), when more exist than were given. */
  totals?: ReadonlyMap<string, number>;
  quotesPerFact?: number;
}

const mdText = (text: string) => text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
const mdLink = (title: string, url: string | null) =>
  url && /^https?:\/\/[^\s<>]+$/i.test(url) ? `[${mdText(title)}](<${url.replace(/[<>]/g, encodeURIComponent)}>)` : mdText(title);

export function toMarkdown(
  graph: Graph,
  evidence: ReadonlyMap<string, BriefEvidence[]>,
  generatedAt = new Date(),
  { totals, quotesPerFact = BRIEF_QUOTES_PER_FACT }: BriefOptions = {},
): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const label = (id: string) => mdText(byId.get(id) ? nodeName(byId.get(id)!) : id);
  const facts = graph.edges.filter((e) => relationSpec(e.type));
  const others = graph.edges.filter((e) => !relationSpec(e.type));
  const out: string[] = [
    '# newsgraph brief',
    '',
    `Generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${graph.nodes.length} nodes · ${facts.length} facts` +
      (others.length > 0 ? ` · ${others.length} other relationships` : '') +
      (graph.truncated ? ' · **the selection was cut by a limit**' : ''),
    '',
    '## Entities',
    '',
  ];
  const entities = graph.nodes.filter((n) => !n.labels.includes('Story'));
  for (const n of [...entities].sort((a, b) => mainLabel(a).localeCompare(mainLabel(b)) || nodeName(a).localeCompare(nodeName(b)))) {
    const aliases = Array.isArray(n.props.aliases) && n.props.aliases.length > 0 ? ` — also ${n.props.aliases.map((a) => mdText(String(a))).join(', ')}` : '';
    out.push(`- **${mdText(nodeName(n))}** (${mainLabel(n)}, \`${n.id.replace(/`/g, "'")}\`)${aliases}`);
  }
  if (entities.length === 0) out.push('_None._');
  out.push('', '## Relationships', '');
  if (facts.length === 0) out.push('_No facts in this selection._', '');
  for (const e of facts) {
    const spec = relationSpec(e.type)!;
    out.push(`### ${label(e.source)} ${spec.phrase} ${label(e.target)}`, '');
    const values = spec.props.filter((p) => e.props[p] !== undefined && e.props[p] !== null).map((p) => `${p} ${mdText(cellText(e.props[p]))}`);
    const reported = [
      `\`${e.type}\``,
      ...values,
      e.props.storyCount !== undefined ? `${cellText(e.props.storyCount)} stories` : null,
      e.props.outletCount !== undefined ? `${cellText(e.props.outletCount)} outlets` : null,
      e.props.firstReported ? `first reported ${cellText(e.props.firstReported)}` : null,
      e.props.lastReported ? `last ${cellText(e.props.lastReported)}` : null,
    ].filter((x): x is string => x !== null);
    out.push(reported.join(' · '), '');
    const quotes = evidence.get(e.id) ?? [];
    if (quotes.length === 0) out.push('_No quotes recorded._', '');
    const shown = quotes.slice(0, quotesPerFact);
    for (const q of shown) {
      out.push(`> ${mdText(q.quote)}`);
      const source = [mdLink(q.story.title, q.url), q.outlet ? mdText(q.outlet) : null, q.published].filter(Boolean).join(', ');
      const claim = q.claim && Object.keys(q.claim).length > 0 ? ` — states ${mdText(JSON.stringify(q.claim))}` : '';
      const repeated = (q.occurrences ?? 1) > 1 ? ` (stated ${q.occurrences} times in this story)` : '';
      out.push(`>`, `> — ${source}${claim}${repeated}`, '');
    }
    const more = Math.max(totals?.get(e.id) ?? quotes.length, quotes.length) - shown.length;
    if (more > 0) out.push(`_… and ${more} more quote${more === 1 ? '' : 's'}._`, '');
  }
  if (others.length > 0) {
    const counts = new Map<string, number>();
    for (const e of others) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    out.push('## Other relationships', '', ...[...counts].map(([t, c]) => `- ${t}: ${c}`), '');
  }
  const stories = graph.nodes.filter((n) => n.labels.includes('Story'));
  if (stories.length > 0) {
    out.push('## Stories', '');
    for (const s of stories) out.push(`- ${mdLink(nodeName(s), typeof s.props.url === 'string' ? s.props.url : null)}${s.props.published ? ` (${cellText(s.props.published)})` : ''}`);
    out.push('');
  }
  return out.join('\n');
}


export const markdown: ExportWriter = {
  needs: { evidence: { quotesPerFact: BRIEF_QUOTES_PER_FACT } },
  write: (graph, context) => {
    const { quotes, totals } = context.evidence();
    return toMarkdown(graph, quotes, context.generatedAt, { totals });
  },
};
