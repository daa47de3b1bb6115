/**
 * Component "dep-relations": typed facts read off the dependency parse (doc.dependencies, enhanced++).
 * A pattern of seed/catalog/dependency-patterns.json names trigger lemmas and the slot paths giving its
 * ends: active and passive voice (nsubj/obj, nsubj:pass/obl:agent), support verbs ("holds a stake in":
 * ^obj/nsubj), nominal forms ("X's stake in Y", "the acquisition of Y by X"), relative clauses and
 * conjunctions (enhanced++ gives the arcs), appositives. An end is an entity mention at the token, a
 * reference resolved by component "references", an appositive name, or the entity a part noun belongs to
 * ("subsidiaries of X"). Negated, denied and hedged triggers assert nothing. Then LOCATED_IN read off
 * the parse (relations/dep-located.ts); the entities at a token come from relations/dep-entities.ts.
 */
import type { Entity, Fact } from '../../../model/types.js';
import type { DepPattern } from '../data/validate-dep-patterns.js';
import type { Component } from '../document.js';
import { CAPITALS } from '../relations/capitals.js';
import { entitiesAt, mentionAt, type Ctx } from '../relations/dep-entities.js';
import { depGraph, follow, getDepPatterns, kids, lemmaOf, type Reached } from '../relations/dep-graph.js';
import { locatedIn, portsOfCities } from '../relations/dep-located.js';
import { emitFact } from '../relations/facts.js';
import { WORLD } from './relations.js';

/** Relations followed up from a trigger when looking for a governor that denies or hedges it. */
const CLAUSE_UP = ['xcomp', 'ccomp', 'obj', 'advcl', 'acl', 'csubj', 'dep', 'compound'];
/** Relations by which a trigger is part of its governor's predication, so a negated governor negates it. */
const CORE_UP = new Set(['obj', 'xcomp', 'dep', 'compound']);
/** How many governors up a denial or hedge may sit. */
const MAX_UP = 3;

function posFits(pos: string | undefined, want: DepPattern['pos']): boolean {
  if (!pos) return false;
  if (want === 'any') return true;
  if (want === 'verb') return pos.startsWith('VB') || pos === 'JJ';
  if (want === 'noun') return pos.startsWith('NN') && !pos.startsWith('NNP');
  return pos.startsWith('JJ');
}

function holds(c: Ctx, t: number, conds: readonly { path: string; lemmas: string[] }[] | undefined, all: boolean): boolean {
  if (!conds || conds.length === 0) return all;
  // lemmas ["*"]: any token on the path
  const test = (cond: { path: string; lemmas: string[] }) => follow(c.g, t, cond.path).some((r) => cond.lemmas.includes('*') || cond.lemmas.includes(lemmaOf(c.doc, r.tok)) || cond.lemmas.includes(c.doc.tokens[r.tok]!.lower));
  return all ? conds.every(test) : conds.some(test);
}

function negated(c: Ctx, t: number): boolean {
  for (const a of c.g.children[t]!) {
    if ((a.rel === 'advmod' || a.rel === 'det' || a.rel === 'neg' || a.rel.startsWith('cc:preconj')) && c.neg.has(c.doc.tokens[a.tok]!.lower)) return true;
  }
  return false;
}

/** Hedges on one token: a hedging lemma, a modal auxiliary, a hedging modifier or subordinator. */
function hedgedAt(c: Ctx, t: number, self: boolean): boolean {
  if (!self && c.hedge.has(lemmaOf(c.doc, t))) return true;
  for (const a of c.g.children[t]!) {
    if ((a.rel === 'aux' || a.rel === 'amod' || a.rel === 'mark') && c.hedge.has(lemmaOf(c.doc, a.tok))) return true;
  }
  return false;
}

/** Whether the trigger at `t` asserts nothing: negated, under a denier, or hedged (unless the pattern allows it). */
function cancelled(c: Ctx, t: number, allowHedged: boolean): boolean {
  if (negated(c, t)) return true;
  if (!allowHedged && hedgedAt(c, t, true)) return true;
  // the trigger as the subject of a failing or hedged predicate: "the acquisition was blocked", "the sale may …"
  for (const a of c.g.heads[t]!) {
    if (!a.rel.startsWith('nsubj')) continue;
    if (c.deny.has(lemmaOf(c.doc, a.tok)) || negated(c, a.tok)) return true;
    if (!allowHedged && hedgedAt(c, a.tok, false)) return true;
  }
  let frontier = [t];
  for (let up = 0; up < MAX_UP && frontier.length; up++) {
    const next: number[] = [];
    for (const f of frontier) {
      for (const a of c.g.heads[f]!) {
        // a relative clause is its own assertion ("Landbridge, which is owned by X, denied …")
        if (a.rel === 'acl:relcl') continue;
        if (!CLAUSE_UP.some((r) => a.rel === r || a.rel.startsWith(r + ':')) && !a.rel.startsWith('nmod') && !a.rel.startsWith('obl')) continue;
        const h = a.tok;
        if (c.deny.has(lemmaOf(c.doc, h))) return true;
        // "did not complete the acquisition", "no sanctions were imposed": a negated governor of the clause
        if (CORE_UP.has(a.rel) && negated(c, h)) return true;
        if (!allowHedged && hedgedAt(c, h, false)) return true;
        next.push(h);
      }
    }
    frontier = next;
  }
  return false;
}

/**
 * What a trigger asserts: everything, nothing (negated, denied, hedged), or — for a noun hedged from
 * above — only its possessor ("X agreed to sell its 90 percent stake in Y": X holds the stake now).
 */
function asserts(c: Ctx, p: DepPattern, t: number): 'all' | 'possessive' | 'none' {
  if (!cancelled(c, t, p.allowHedged)) return 'all';
  const local = negated(c, t) || (!p.allowHedged && hedgedAt(c, t, true));
  const noun = c.doc.tokens[t]!.pos?.startsWith('NN') ?? false;
  return !local && noun && kids(c.g, t, 'nmod:poss').length ? 'possessive' : 'none';
}

/** A number spelled in tokens ending before `end` ("24.9", "seventy-seven", "fifty one"). */
function numberBefore(c: Ctx, end: number): number | null {
  const toks = c.doc.tokens;
  const t = toks[end - 1];
  if (!t) return null;
  if (t.kind === 'n') {
    const v = Number(t.text.replace(/,/g, ''));
    return Number.isFinite(v) ? v : null;
  }
  let sum = 0;
  let any = false;
  for (let k = end - 1; k >= 0 && end - k <= 4; k--) {
    const w = toks[k]!;
    if (w.text === '-') continue;
    const v = c.W.numberWords[w.lower];
    if (v === undefined) break;
    sum += v;
    any = true;
  }
  return any ? sum : null;
}

/** The percentage next to the trigger in the parse ("a 24.9% stake", "holds 77 percent of"), or 100 for "wholly owned". */
function percentNear(c: Ctx, t: number, toTok: number): number | null {
  const { g, doc } = c;
  const around = new Set<number>([t]);
  for (const a of g.children[t]!) {
    around.add(a.tok);
    for (const b of g.children[a.tok]!) around.add(b.tok);
  }
  for (const a of g.heads[t]!) {
    around.add(a.tok);
    for (const b of g.children[a.tok]!) around.add(b.tok);
  }
  let best: { v: number; d: number } | null = null;
  for (const k of around) {
    const tok = doc.tokens[k]!;
    if (!c.pct.has(tok.lower) || (toTok >= 0 && k === toTok)) continue;
    const v = numberBefore(c, k);
    if (v !== null && v > 0 && v <= 100 && (!best || Math.abs(k - t) < best.d)) best = { v, d: Math.abs(k - t) };
  }
  if (best) return best.v;
  // "wholly owned", "wholly-owned", "owns it outright"
  for (let k = t - 1; k >= Math.max(0, t - 4); k--) {
    const w = doc.tokens[k]!;
    if (c.wholly.has(w.lower)) return 100;
    // "wholly-owned", "a wholly owned subsidiary"
    if (w.text !== '-' && w.lower !== 'owned') break;
  }
  for (const a of g.children[t]!) if (a.rel.startsWith('advmod') && c.wholly.has(doc.tokens[a.tok]!.lower)) return 100;
  return null;
}

/** The text of a noun phrase headed by `h`: its compound and adjective modifiers and itself ("steelmaking coal business"). */
function phrase(c: Ctx, h: number): string {
  let a = h;
  for (const x of c.g.children[h]!) if ((x.rel === 'compound' || x.rel === 'amod' || x.rel === 'nummod') && x.tok < a && h - x.tok <= 5 && !mentionAt(c.doc, x.tok)) a = x.tok;
  return c.doc.text.slice(c.doc.tokens[a]!.start, c.doc.tokens[h]!.end);
}

function ends(c: Ctx, t: number, paths: readonly string[], labels: readonly string[]): Array<{ e: Entity; r: Reached }> {
  const out: Array<{ e: Entity; r: Reached }> = [];
  for (const p of paths) {
    for (const r of follow(c.g, t, p)) {
      const demonymOk = r.rel === 'amod' || r.rel === 'compound' || r.rel === 'nmod:poss';
      for (let e of entitiesAt(c, r.tok, demonymOk)) {
        // a capital as an actor is its country's government ("Washington added …", "Pyongyang's support for Moscow")
        if (e.label === 'Place' && !labels.includes('Place') && labels.includes('Country') && CAPITALS.has(e.id) && typeof e.props.country === 'string') {
          const country = c.doc.catalog.byId.get(e.props.country);
          if (!country) continue;
          e = country;
        }
        if (labels.includes(e.label) && !out.some((o) => o.e.id === e.id)) out.push({ e, r });
      }
    }
  }
  return out;
}

function runPattern(c: Ctx, p: DepPattern, t: number, lemma: string): void {
  const { doc, g } = c;
  const particle = p.particle?.[lemma];
  if (particle && !g.children[t]!.some((a) => (a.rel === 'compound:prt' && doc.tokens[a.tok]!.lower === particle) || a.rel === `obl:${particle}`)) return;
  if (!holds(c, t, p.requires, true) || !holds(c, t, p.requiresFor?.[lemma], true)) return;
  if (holds(c, t, p.unless, false) && p.unless?.length) return;
  const mode = asserts(c, p, t);
  if (mode === 'none') return;
  let froms = ends(c, t, p.from, p.fromLabels);
  if (mode === 'possessive') froms = froms.filter((f) => f.r.via === t && f.r.rel === 'nmod:poss');
  let tos = ends(c, t, p.to, p.toLabels);
  const si = doc.tokens[t]!.sent;
  const remainder = kids(g, t, 'obj').some((o) => c.W.remainderNouns.includes(lemmaOf(doc, o)));
  if (froms.length && tos.length === 0 && p.elliptical && (remainder || percentNear(c, t, -1) !== null)) {
    // "X owns 20 percent and Y the remaining 3 percent", "Y held the rest": the target of the type's previous fact nearby
    const prev = [...doc.facts].reverse().find((f) => f.type === p.type);
    const prevSent = prev ? doc.tokens.findIndex((tk) => tk.start === prev.evidence.start) : -1;
    if (prev && prevSent >= 0 && si - doc.tokens[prevSent]!.sent <= 1) {
      const e = doc.mentions.find((sp) => sp.entity.id === prev.to)?.entity ?? doc.extra.get(prev.to);
      if (e) tos = [{ e, r: { tok: -1, via: -1, rel: '' } }];
    }
  }
  if (froms.length && tos.length === 0 && p.defaultTarget === WORLD.id) {
    // "China will require export permits for graphite": no destination stated, the world
    doc.extra.set(WORLD.id, WORLD);
    tos = [{ e: WORLD, r: { tok: -1, via: -1, rel: '' } }];
  }
  if (froms.length === 0 || tos.length === 0) return;
  for (const to of tos) {
    const props: Fact['props'] = {};
    for (const f of p.props) {
      if (f === 'percent') {
        const v = percentNear(c, t, to.r.tok);
        if (v !== null) props.percent = v;
      } else if (f === 'money') {
        const m = doc.values?.money(si);
        if (m) {
          props.value = m.value;
          props.currency = m.currency;
        }
      } else if (f === 'year') {
        const y = doc.values?.year(si);
        if (y != null) props.year = y;
      } else if (f === 'item') {
        let o = kids(g, t, 'obj')[0] ?? kids(g, t, 'nsubj:pass')[0] ?? kids(g, t, 'nmod:of')[0] ?? kids(g, t, 'nmod:on')[0] ?? kids(g, t, 'nmod:for')[0];
        // "require export permits for graphite": the item attached to the verb of a noun trigger
        if (o === undefined) for (const a of g.heads[t]!) if (a.rel === 'obj') o ??= kids(g, a.tok, 'obl:for')[0] ?? kids(g, a.tok, 'obl:on')[0];
        // "90 percent of Iran's oil exports", "shipments of gallium": the item is what these are of
        for (let hop = 0; hop < 2 && o !== undefined && c.W.itemContainers.includes(lemmaOf(doc, o)); hop++) o = kids(g, o, 'nmod:of')[0] ?? (hop === 0 ? o : undefined);
        if (o !== undefined && !mentionAt(doc, o)) props.item = phrase(c, o);
      } else if (f === 'asset') {
        // "the acquisition of Teck's coal business": the noun the owner was reached through
        // or the part noun that stood for the owner ("bought Huawei's chip unit")
        const noun = to.r.rel === 'nmod:poss' ? to.r.via : to.r.tok;
        if (noun >= 0 && noun !== t && !mentionAt(doc, noun) && !doc.references?.has(noun) && doc.tokens[noun]!.pos?.startsWith('NN')) props.asset = phrase(c, noun);
      } else if (f === 'aid') {
        if (doc.tokens[t]!.pos?.startsWith('NN')) props.aid = phrase(c, t);
      }
    }
    for (const from of froms) {
      if (from.e.id === to.e.id) continue;
      // the same fact from the rule triggers: the parse's values fill what the rules left out
      const s = doc.sentences[si]!;
      const same = doc.facts.find((f) => f.type === p.type && f.evidence.start === s.start && ((f.from === from.e.id && f.to === to.e.id) || (f.from === to.e.id && f.to === from.e.id)));
      if (same) {
        for (const [k, v] of Object.entries(props)) if (same.props[k] == null) same.props[k] = v;
        continue;
      }
      emitFact(doc, p.type, from.e, to.e, { ...props }, si, p.confidence);
    }
  }
}

export const depRelations: Component = {
  name: 'dep-relations',
  run(doc) {
    if (!doc.dependencies) return;
    const P = getDepPatterns();
    const W = P.words;
    const c: Ctx = {
      doc,
      g: depGraph(doc),
      W,
      neg: new Set(W.negators),
      deny: new Set(W.deniers),
      hedge: new Set(W.hedges),
      parts: new Set(W.partNouns),
      pct: new Set(W.percentNouns),
      wholly: new Set(W.wholly),
    };
    const byLemma = new Map<string, DepPattern[]>();
    for (const p of P.patterns) for (const tr of p.triggers) byLemma.set(tr, [...(byLemma.get(tr) ?? []), p]);
    // per sentence and type: whether the sentence has a trigger of the type, and whether one asserts
    const triggered = new Set<string>();
    const asserted = new Set<string>();
    for (let t = 0; t < doc.tokens.length; t++) {
      if (mentionAt(doc, t)) continue;
      const lemma = lemmaOf(doc, t);
      const ps = byLemma.get(lemma) ?? byLemma.get(doc.tokens[t]!.lower);
      if (!ps) continue;
      for (const p of ps) {
        if (!posFits(doc.tokens[t]!.pos, p.pos)) continue;
        const key = `${doc.tokens[t]!.sent}|${p.type}`;
        triggered.add(key);
        if (asserts(c, p, t) !== 'none') asserted.add(key);
        runPattern(c, p, t, p.triggers.includes(lemma) ? lemma : doc.tokens[t]!.lower);
      }
    }
    // rule facts (relation-patterns.json) whose every trigger in the sentence the parse reads as denied,
    // negated or hedged assert nothing either ("Huawei denied owning a stake in …", "has no stake in …")
    doc.facts = doc.facts.filter((f) => {
      const si = doc.tokens.findIndex((tk) => tk.start === f.evidence.start);
      const key = `${si >= 0 ? doc.tokens[si]!.sent : -1}|${f.type}`;
      return !triggered.has(key) || asserted.has(key);
    });
    doc.factOccurrences = null;
    locatedIn(c);
    portsOfCities(c);
  },
};
