/**
 * The details panel, evidence first: an edge shows every quote behind it in its story context;
 * a node shows its aliases, facts and stories; a story shows its text with the recognised entities
 * highlighted and clickable. All data is rendered as text.
 */
import { api, plain } from '../api/client.js';
import type { EntityDetail, FactDetail, FactEvidence, StoryDetail } from '../api/types.js';
import { fill, h, type Child } from '../dom.js';
import { relationSpec } from '../../../model/graph-model.js';
import { linkableUrl } from '../../../model/http-url.js';
import { edgeLabel, nodeType, nodeVisual, relationVisual } from '../graph/visuals.js';
import type { Inspect } from '../state.js';
import type { Actions } from './actions.js';
import { findMentions, quoteInContext, renderText } from './story-text.js';

/** " · source ↗" for a story URL that may be a link (absolute http/https), nothing otherwise. */
function sourceLink(url: string | null | undefined): Child[] {
  const href = linkableUrl(url);
  return href ? [' · ', h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, 'source ↗')] : [];
}

export interface ElementInfo {
  /** Data of the element on the canvas, when it is there (names of endpoints, props). */
  lookup(id: string): { name?: string; type?: string; source?: string; target?: string; props?: Record<string, unknown> } | null;
}

const SKIP_PROPS = new Set(['id', 'name', 'aliases', 'aliasText', 'title', 'body', 'key']);

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function propsTable(props: Record<string, unknown>): HTMLElement | null {
  const rows = Object.entries(props).filter(([k, v]) => !SKIP_PROPS.has(k) && v !== null && v !== undefined && v !== '');
  if (!rows.length) return null;
  return h('dl', { class: 'props' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, formatValue(v))]));
}

function typeChip(type: string): HTMLElement {
  const v = nodeVisual(type);
  return h('span', { class: 'chip', style: { background: v.colour } }, type);
}

function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), ...children);
}

function name(ref: unknown, info: ElementInfo): string {
  if (ref && typeof ref === 'object') {
    const r = ref as { id?: string; name?: string };
    return r.name ?? (r.id ? (info.lookup(r.id)?.name ?? r.id) : '?');
  }
  if (typeof ref === 'string') return info.lookup(ref)?.name ?? ref;
  return '?';
}

export class DetailsPanel {
  private seq = 0;
  private storyBodies = new Map<string, Promise<StoryDetail>>();

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: Actions,
    private readonly info: ElementInfo,
  ) {
    this.empty();
  }

  empty(): void {
    fill(
      this.root,
      h('div', { class: 'empty-state' }, h('h2', {}, 'Evidence'), h('p', {}, 'Click an edge to read every quote that supports it, a node for its facts and stories, or a story to read it with the entities it names highlighted.')),
    );
  }

  async show(target: Inspect | null): Promise<void> {
    const seq = ++this.seq;
    if (!target) return this.empty();
    fill(this.root, h('p', { class: 'loading' }, 'Loading…'));
    try {
      const content =
        target.kind === 'edge' ? await this.edge(target.id) : target.kind === 'story' ? await this.story(target.id) : await this.node(target.id);
      if (seq === this.seq) fill(this.root, content);
    } catch (error) {
      if (seq === this.seq) fill(this.root, h('div', { class: 'error-box', role: 'alert' }, plain(error)));
    }
  }

  private storyDetails(id: string): Promise<StoryDetail> {
    let p = this.storyBodies.get(id);
    if (!p) {
      p = api.story(id);
      p.catch(() => this.storyBodies.delete(id));
      this.storyBodies.set(id, p);
    }
    return p;
  }

  private async edge(id: string): Promise<HTMLElement> {
    const local = this.info.lookup(id);
    const type = String(local?.type ?? '');
    if (local && type && !relationSpec(type)) return this.documentEdge(id, local);
    const fact: FactDetail = await api.fact(id);
    const factType = fact.type ?? type;
    const spec = relationSpec(factType);
    const props = { ...(local?.props ?? {}), ...(fact.props ?? {}) };
    const quotes = fact.evidence ?? [];
    const total = fact.evidenceTotal ?? quotes.length;
    const outlets = new Set(quotes.map((q) => q.outletId ?? q.outlet).filter(Boolean));
    const outletText = quotes.length < total ? `${outlets.size}+ outlet${outlets.size === 1 ? '' : 's'}` : `${outlets.size} outlet${outlets.size === 1 ? '' : 's'}`;
    const wrap = h(
      'div',
      { class: 'details edge-details', dataset: { fact: id } },
      h('h2', {}, `${fact.source.name} ${spec?.phrase ?? factType} ${fact.target.name}`),
      h(
        'p',
        { class: 'meta' },
        h('span', { class: 'chip', style: { background: relationVisual(factType).colour } }, factType),
        ` ${total} quote${total === 1 ? '' : 's'} from ${outletText}`,
      ),
      propsTable(props),
    );
    const list = h('ol', { class: 'evidence-list' });
    wrap.appendChild(section('Evidence', quotes.length ? list : h('p', { class: 'muted' }, 'No quote is stored for this fact.')));
    for (const q of quotes) list.appendChild(this.quote(q));
    // A hub fact can have thousands of quotes: the server sends them a page at a time.
    if (fact.evidenceNextOffset !== null && fact.evidenceNextOffset !== undefined) list.after(this.moreQuotes(id, list, fact.evidenceNextOffset, total));
    return wrap;
  }

  /** A button that appends the next page of a fact's quotes to `list` and then moves on (or goes). */
  private moreQuotes(key: string, list: HTMLElement, offset: number, total: number): HTMLElement {
    let next: number | null = offset;
    const label = () => `Show more quotes (${list.children.length} of ${total})`;
    const button = h('button', {
      type: 'button',
      class: 'more-quotes',
      on: {
        click: async () => {
          if (next === null) return;
          button.setAttribute('disabled', '');
          try {
            const page = await api.fact(key, { offset: next });
            for (const q of page.evidence ?? []) list.appendChild(this.quote(q));
            next = page.evidenceNextOffset ?? null;
            if (next === null) button.remove();
            else button.textContent = label();
          } catch (error) {
            button.textContent = plain(error);
          } finally {
            button.removeAttribute('disabled');
          }
        },
      },
    }, label());
    return button;
  }

  private quote(q: FactEvidence): HTMLElement {
    const body = h('blockquote', { class: 'evidence-quote' }, h('mark', { class: 'quote' }, q.quote));
    const claim = q.claim && Object.keys(q.claim).length ? h('span', { class: 'claim' }, `states ${Object.entries(q.claim).map(([k, v]) => `${k} ${formatValue(v)}`).join(', ')}`) : null;
    const item = h(
      'li',
      { class: 'evidence' },
      body,
      h(
        'p',
        { class: 'meta' },
        h('strong', {}, q.outlet ?? 'Unknown outlet'),
        ' · ',
        q.published ?? 'undated',
        ' · ',
        h('button', { class: 'link', type: 'button', on: { click: () => this.actions.inspect('story', q.story.id) } }, q.story.title || 'the story'),
        ...sourceLink(q.url),
        (q.occurrences ?? 1) > 1 ? ` · stated ${q.occurrences} times in this story` : null,
        typeof q.confidence === 'number' ? ` · confidence ${Math.round(Number(q.confidence) * 100)}%` : null,
        claim ? ' · ' : null,
        claim,
      ),
    );
    // The quote within its story: the text either side, cut from the story body.
    if (typeof q.start === 'number' && typeof q.end === 'number') {
      const [start, end] = [q.start, q.end];
      this.storyDetails(q.story.id)
        .then((story) => {
          const [before, quoted, after] = quoteInContext(story.body, start, end);
          if (quoted) fill(body, before, h('mark', { class: 'quote' }, quoted), after);
        })
        .catch(() => undefined);
    }
    return item;
  }

  private async documentEdge(id: string, local: { type?: string; source?: string; target?: string; props?: Record<string, unknown> }): Promise<HTMLElement> {
    const { source, target } = local;
    const kind = local.type ?? id.split(':')[0];
    return h(
      'div',
      { class: 'details' },
      h('h2', {}, `${name(source, this.info)} ${relationVisual(String(local.type)).phrase} ${name(target, this.info)}`),
      h('p', { class: 'meta' }, String(kind)),
      propsTable(local.props ?? {}),
      source?.startsWith('story:') ? h('button', { type: 'button', on: { click: () => this.actions.inspect('story', source) } }, 'Read the story') : null,
    );
  }

  private async node(id: string): Promise<HTMLElement> {
    const local = this.info.lookup(id);
    if (local?.type === 'Story' || id.startsWith('story:')) return this.story(id);
    const e: EntityDetail = await api.entity(id);
    const type = e.label ?? nodeType(e.labels ?? [String(local?.type ?? '')]);
    const wrap = h(
      'div',
      { class: 'details node-details' },
      h('h2', {}, e.name ?? local?.name ?? id),
      h('p', { class: 'meta' }, typeChip(type), ' ', h('code', {}, e.id ?? id)),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', on: { click: () => this.actions.expand([id]) } }, 'Expand'),
        h('button', { type: 'button', title: 'Add the stories that mention it', on: { click: () => this.actions.expand([id], { stories: true }) } }, 'Stories'),
        h('button', { type: 'button', on: { click: () => this.actions.togglePin([id]) } }, 'Pin / unpin'),
        h('button', { type: 'button', on: { click: () => this.actions.hide([id]) } }, 'Hide'),
      ),
    );
    if (e.aliases?.length) wrap.appendChild(section('Also known as', h('p', {}, e.aliases.join(' · '))));
    const props = propsTable(e.props ?? {});
    if (props) wrap.appendChild(section('Properties', props));
    const degree = Object.entries(e.degree ?? {});
    if (degree.length) wrap.appendChild(section('Connections', h('p', {}, degree.map(([t, n]) => `${t} ${n}`).join(' · '))));
    const facts = e.facts ?? [];
    wrap.appendChild(
      section(
        `Facts (${facts.length}${e.factsTruncated ? '+' : ''})`,
        facts.length
          ? h(
              'ul',
              { class: 'fact-list' },
              ...facts.map((f) => {
                const phrase = relationSpec(f.type)?.phrase ?? f.type;
                const text = f.direction === 'out' ? `${e.name} ${phrase} ${f.other.name}` : `${f.other.name} ${phrase} ${e.name}`;
                const values = edgeLabel(f.type, f.props ?? {}).slice(f.type.length).trim();
                return h(
                  'li',
                  {},
                  h('button', { class: 'link', type: 'button', dataset: { fact: f.key }, on: { click: () => this.actions.inspect('edge', f.key) } }, text),
                  values ? ` (${values})` : null,
                  h('span', { class: 'muted' }, ` · ${f.storyCount} stor${f.storyCount === 1 ? 'y' : 'ies'}`),
                );
              }),
            )
          : h('p', { class: 'muted' }, 'No facts recorded.'),
      ),
    );
    const stories = e.stories ?? [];
    wrap.appendChild(
      section(
        `Stories mentioning it (${e.storiesTotal ?? stories.length})`,
        stories.length
          ? h(
              'ul',
              { class: 'story-list' },
              ...stories.map((s) =>
                h(
                  'li',
                  {},
                  h('button', { class: 'link', type: 'button', on: { click: () => this.actions.inspect('story', s.id) } }, s.title),
                  h('span', { class: 'muted' }, ` · ${s.outlet ?? 'unknown outlet'} · ${s.published ?? 'undated'}`),
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No stories.'),
      ),
    );
    return wrap;
  }

  private async story(id: string): Promise<HTMLElement> {
    const s = await this.storyDetails(id);
    const mentions = s.mentions ?? [];
    const aliases = await entityAliases(mentions.map((m) => m.id));
    const entities = mentions.map((m) => ({ id: m.id, type: m.label, names: [m.name, ...(aliases.get(m.id) ?? [])] }));
    const byId = new Map(mentions.map((m) => [m.id, m]));
    const quotes = (s.facts ?? []).flatMap((f) => f.evidence ?? []).filter((ev) => typeof ev.start === 'number' && typeof ev.end === 'number').map((ev) => ({ start: ev.start!, end: ev.end! }));
    const text = renderText(s.body ?? '', quotes, findMentions(s.body ?? '', entities), (entityId) => {
      const m = byId.get(entityId);
      if (!this.actions.focus(entityId)) this.actions.openEntity({ id: entityId, label: m?.label ?? 'Entity', name: m?.name ?? entityId });
      this.actions.inspect('node', entityId);
    });
    return h(
      'div',
      { class: 'details story-details', dataset: { story: id } },
      h('h2', { class: 'story-title' }, s.title),
      h(
        'p',
        { class: 'meta' },
        h('strong', {}, s.outlet ?? 'Unknown outlet'),
        ' · ',
        s.published ?? 'undated',
        ...sourceLink(s.url),
      ),
      mentions.length
        ? h('p', { class: 'legend-inline muted' }, `${s.mentionsTruncated ? `${s.mentionsTotal} entities recognised, the ${mentions.length} most mentioned` : `${mentions.length} entities recognised`} (underlined, click to open); quotes behind facts are `, h('mark', { class: 'quote' }, 'highlighted'), '.')
        : null,
      s.factsTruncated || (s.facts ?? []).some((f) => f.evidenceTruncated)
        ? h('p', { class: 'muted' }, `Showing the first ${(s.facts ?? []).length} of ${s.factsTotal} facts of this story and the first quotes of each; open a fact for all its quotes.`)
        : null,
      text,
    );
  }
}

/** Aliases of the entities a story mentions, so "Beijing" or "PRC" are highlighted too. */
async function entityAliases(ids: string[]): Promise<Map<string, string[]>> {
  if (!ids.length) return new Map();
  try {
    const r = await api.cypher('MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id, coalesce(e.aliases, []) AS aliases', { ids });
    return new Map(r.table.rows.map((row) => [String(row[0]), Array.isArray(row[1]) ? row[1].map(String) : []]));
  } catch {
    return new Map();
  }
}
