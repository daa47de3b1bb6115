/**
 * Component "relations": typed facts from sentences. Per sentence, the LOCATED_IN shapes
 * (relations/place-syntax.ts), then the trigger phrases of seed/catalog/relation-patterns.json, found
 * with one trigger-trie walk; the mentions around a trigger, their labels and their order decide the
 * endpoints, and the pattern's value finders (component "values") the properties.
 */
import type { Entity, Fact } from '../../../model/types.js';
import { entityRanking, type Component, type Doc, type Span } from '../document.js';
import { left, ok, rightAll, type Trigger } from '../relations/arguments.js';
import { emitFact } from '../relations/facts.js';
import { getPatterns } from '../relations/patterns.js';
import { placeSyntax } from '../relations/place-syntax.js';
import type { TrieNode } from '../trie.js';

/** The place a fact without a stated target points at ("export controls" with no country named). */
export const WORLD: Entity = {
  id: 'place:world',
  label: 'Place',
  name: 'World',
  aliases: ['global', 'all destinations'],
  props: { kind: 'region', country: null },
  confidence: 1,
  source: 'catalog',
};

export const relations: Component = relationsWithout(new Set());

/**
 * The component with the trigger patterns of `types` left out: the NLP pipeline reads those types off
 * the dependency parse instead (component "dep-relations", dependency-patterns.json `replacesRules`).
 */
export function relationsWithout(types: ReadonlySet<string>): Component {
  return {
  name: 'relations',
  run(doc) {
    const bySent: Span[][] = doc.sentences.map(() => []);
    for (const sp of doc.mentions) bySent[doc.tokens[sp.t0]!.sent]!.push(sp);
    let ranked: string[] | null = null;
    const ranking = (): string[] => (ranked ??= entityRanking(doc));
    for (let si = 0; si < doc.sentences.length; si++) {
      const spans = bySent[si]!;
      placeSyntax(doc, si, spans);
      triggerFacts(doc, si, spans, ranking, types);
    }
  },
  };
}

/** The pattern's values for a fact whose target is `toSpan`, into `props`; returns the confidence factor. */
function addValues(doc: Doc, si: number, h: Trigger, toSpan: Span | null, props: Fact['props'], factor: number): number {
  const values = doc.values!;
  for (const pr of h.p.props) {
    if (pr === 'money') {
      const m = values.money(si);
      if (m) {
        props.value = m.value;
        props.currency = m.currency;
        // a converted amount ("1.75 trillion yuan ($237 billion)") is less certain than a stated one
        if (m.converted) factor = 0.9;
      }
    } else if (pr === 'year') {
      const y = values.year(si);
      if (y !== null) props.year = y;
    } else if (pr === 'percent') {
      const v = values.percent(si, h.a);
      if (v !== null) props.percent = v;
    } else if (pr === 'item') {
      props.item = values.item(si, h.a, h.b);
    } else if (pr === 'asset' && toSpan) {
      const asset = values.asset(si, toSpan.t1);
      if (asset) props.asset = asset;
    }
  }
  return factor;
}

function triggerFacts(doc: Doc, si: number, spans: Span[], ranking: () => string[], skip: ReadonlySet<string>): void {
  const P = getPatterns();
  const toks = doc.tokens;
  const s = doc.sentences[si]!;
  for (let i = s.t0; i < s.t1; i++) {
    // a trigger inside an entity name ("Trade Representative", "Defense Production Act") does not count
    if (doc.at[i]! >= 0) continue;
    let node = P.root.next.get(toks[i]!.lower);
    if (!node) continue;
    let j = i + 1;
    let hitEnd = node.value ? j : -1;
    let hitPats = node.value;
    while (j < s.t1) {
      const nx: TrieNode<number[]> | undefined = node.next.get(toks[j]!.lower);
      if (!nx) break;
      node = nx;
      j++;
      if (node.value) {
        hitEnd = j;
        hitPats = node.value;
      }
    }
    if (hitEnd < 0 || !hitPats) continue;
    const a = i;
    const b = hitEnd;
    const passiveNoAgent = doc.lex.beForms.has(toks[a - 1]?.lower ?? '') && toks[b]?.lower !== 'by';
    for (const pi of hitPats) {
      const p = P.patterns[pi]!;
      if (skip.has(p.type)) continue;
      if (toks[b] && P.blockers[pi]!.has(toks[b]!.lower)) continue;
      if (p.mode === 'active' && passiveNoAgent && toks[a]!.lower.endsWith('ed')) continue;
      if (p.notFollowedBy) {
        let cancel = false;
        for (let k = b; k < Math.min(s.t1, b + 6); k++) if (p.notFollowedBy.includes(toks[k]!.lower)) cancel = true;
        if (cancel) continue;
      }
      if (p.modalBlockers) {
        let modal = false;
        for (let k = Math.max(s.t0, a - 6); k < a; k++) if (p.modalBlockers.includes(toks[k]!.lower)) modal = true;
        if (modal) continue;
      }
      resolveTrigger(doc, si, { toks, spans, a, b, p, lex: doc.lex }, ranking);
    }
  }
}

/** Endpoints and values of one trigger occurrence for one pattern → facts. */
function resolveTrigger(doc: Doc, si: number, h: Trigger, ranking: () => string[]): void {
  const { toks, spans, a, b, p } = h;
  const s = doc.sentences[si]!;
  // values accumulate over the targets of one trigger, as does the confidence factor
  const props: Fact['props'] = {};
  let factor = 1;
  if (p.mode === 'pair') {
    const cands = spans.filter((sp) => ok(p, sp, p.from) && Math.min(Math.abs(sp.t0 - b), Math.abs(a - sp.t1)) <= p.window);
    const uniq: Span[] = [];
    for (const sp of cands) if (!uniq.some((u) => u.entity.id === sp.entity.id)) uniq.push(sp);
    let x: Span | undefined;
    let y: Span | undefined;
    const between = toks[b]?.lower === 'between';
    const before = uniq.filter((u) => u.t1 <= a);
    const after = uniq.filter((u) => u.t0 >= b);
    if (between && after.length >= 2) [x, y] = [after[0], after[1]];
    else if (before.length && after.length) [x, y] = [before[0], after[0]];
    else if (before.length >= 2) [x, y] = [before[before.length - 2], before[before.length - 1]];
    else if (after.length >= 2) [x, y] = [after[0], after[1]];
    else if (uniq.length === 1 && p.bilateral && s.t1 - s.t0 > 0) {
      // "bilateral trade": the partner is the other country the story is about
      const text = toks.slice(s.t0, s.t1).map((t) => t.lower).join(' ');
      if (p.bilateral.some((w) => text.includes(w))) {
        const only = uniq[0]!;
        const partnerId = ranking().find((id) => id !== only.entity.id && id.startsWith('country:'));
        const partner = partnerId ? doc.mentions.find((sp) => sp.entity.id === partnerId) : undefined;
        if (partner) [x, y] = [only, partner];
      }
    }
    if (x && y && x.entity.id !== y.entity.id) {
      factor = addValues(doc, si, h, y, props, factor);
      emitFact(doc, p.type, x.entity, y.entity, { ...props }, si, p.confidence * factor);
    }
    return;
  }
  if (p.mode === 'active') {
    const from = left(h, p.from);
    const tos = rightAll(h, p.to);
    if (!from) return;
    if (tos.length === 0) {
      if (p.defaultTarget === WORLD.id) {
        factor = addValues(doc, si, h, null, props, factor);
        doc.extra.set(WORLD.id, WORLD);
        emitFact(doc, p.type, from.entity, WORLD, { ...props }, si, p.confidence * 0.9 * factor);
      }
      return;
    }
    for (const t of tos) {
      factor = addValues(doc, si, h, t, props, factor);
      emitFact(doc, p.type, from.entity, t.entity, { ...props }, si, p.confidence * factor);
    }
    return;
  }
  const to = left(h, p.to);
  const froms = rightAll(h, p.from);
  if (!to || froms.length === 0) return;
  for (const f of froms) {
    factor = addValues(doc, si, h, to, props, factor);
    emitFact(doc, p.type, f.entity, to.entity, { ...props }, si, p.confidence * factor);
  }
}
