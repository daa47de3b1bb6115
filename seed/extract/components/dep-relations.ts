/**
 * Component "dep-relations": typed facts read off the dependency parse (doc.dependencies, enhanced++).
 * A pattern of seed/catalog/dependency-patterns.json names trigger lemmas and the slot paths giving its
 * ends: active and passive voice (nsubj/obj, nsubj:pass/obl:agent), support verbs ("holds a stake in":
 * ^obj/nsubj), nominal forms ("X's stake in Y", "the acquisition of Y by X"), relative clauses and
 * conjunctions (enhanced++ gives the arcs), appositives. An end is an entity mention at the token, a
 * reference resolved by component "references", an appositive name, or the entity a part noun belongs to
 * ("subsidiaries of X"). Negated, denied and hedged triggers assert nothing. Then LOCATED_IN read off
 * the parse: "Ellabell, Georgia", "the German port of Hamburg", "X, a city in Y", "the Chinese company X".
 */
import type { Entity, Fact } from '../../../model/types.js';
import type { DepPattern } from '../data/validate-dep-patterns.js';
import type { Component, Doc, Span } from '../document.js';
import { CAPITALS } from '../relations/capitals.js';
import { depGraph, follow, getDepPatterns, kids, lemmaOf, type DepGraph, type Reached } from '../relations/dep-graph.js';
import { emitFact } from '../relations/facts.js';
import { WORLD } from './relations.js';
import { referenceTokens } from './references.js';

/** Pronouns that may stand for a list of entities. */
const PLURAL = new Set(['they', 'their', 'them']);

/** Relations followed up from a trigger when looking for a governor that denies or hedges it. */
const CLAUSE_UP = ['xcomp', 'ccomp', 'obj', 'advcl', 'acl', 'csubj', 'dep', 'compound'];
/** Relations by which a trigger is part of its governor's predication, so a negated governor negates it. */
const CORE_UP = new Set(['obj', 'xcomp', 'dep', 'compound']);
/** How many governors up a denial or hedge may sit. */
const MAX_UP = 3;

interface Ctx {
  doc: Doc;
  g: DepGraph;
  W: ReturnType<typeof getDepPatterns>['words'];
  neg: Set<string>;
  deny: Set<string>;
  hedge: Set<string>;
  parts: Set<string>;
  pct: Set<string>;
  wholly: Set<string>;
}

function mentionAt(doc: Doc, t: number): Span | undefined {
  const k = doc.at[t]!;
  const m = k >= 0 ? doc.mentions[k] : undefined;
  return m && !m.dead ? m : undefined;
}

/** Entities standing at token `t`: its name, a resolved reference, an appositive name, the owner of a part noun, conjuncts. */
function entitiesAt(c: Ctx, t: number, allowDemonym: boolean, depth = 0): Entity[] {
  const { doc, g } = c;
  const out: Entity[] = [];
  const add = (e: Entity | undefined) => {
    if (e && !out.some((x) => x.id === e.id)) out.push(e);
  };
  const m = mentionAt(doc, t);
  if (m) {
    if (!m.demonym || allowDemonym) add(m.entity);
  } else {
    add(doc.references?.get(t));
    // a plural pronoun stands for the whole list its antecedent heads ("Britain, France and Germany … they")
    const at = referenceTokens(doc).get(t);
    if (at !== undefined && PLURAL.has(doc.tokens[t]!.lower)) for (const k of kids(g, at, 'conj:*')) for (const e of entitiesAt(c, k, false, depth + 1)) add(e);
    if (out.length === 0) {
      // "Nexperia, the chipmaker that …" (the noun is an appositive of a name), "the billionaire Ye Cheng"
      for (const a of g.heads[t]!) {
        if (a.rel !== 'appos') continue;
        const am = mentionAt(doc, a.tok);
        if (am && !am.demonym) add(am.entity);
      }
      for (const a of g.children[t]!) {
        if (a.rel !== 'appos' && a.rel !== 'dep') continue;
        const am = mentionAt(doc, a.tok);
        // a title noun right before the name ("the billionaire Ye Cheng"), not any loose attachment
        if (am && !am.demonym && (a.rel === 'appos' || (am.t0 === t + 1 && doc.tokens[t]!.pos?.startsWith('NN')))) add(am.entity);
      }
    }
    // "the Kursk region", "the port of Hamburg": the place a place noun names
    if (out.length === 0 && c.W.placeNouns.includes(lemmaOf(doc, t))) {
      for (const k of [...kids(g, t, 'compound'), ...kids(g, t, 'nmod:of')]) {
        const km = mentionAt(doc, k);
        if (km && !km.demonym && km.entity.label === 'Place') add(km.entity);
      }
    }
    // "U.S. officials", "the Chinese delegation": people acting for a country stand for it
    if (out.length === 0 && c.W.actorNouns.includes(lemmaOf(doc, t))) {
      for (const k of [...kids(g, t, 'amod'), ...kids(g, t, 'compound'), ...kids(g, t, 'nmod:poss')]) {
        const km = mentionAt(doc, k);
        if (km && km.entity.label === 'Country') add(km.entity);
      }
    }
    if (out.length === 0 && depth === 0 && c.parts.has(lemmaOf(doc, t))) {
      for (const k of [...kids(g, t, 'nmod:of'), ...kids(g, t, 'nmod:poss')]) for (const e of entitiesAt(c, k, false, depth + 1)) add(e);
    }
  }
  if (depth === 0) for (const k of kids(g, t, 'conj:*')) for (const e of entitiesAt(c, k, allowDemonym, depth + 1)) add(e);
  return out;
}

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

/** Whether token `t` is one item of a list (a conjunct, or followed by a comma and another name). */
function inList(c: Ctx, t: number): boolean {
  if (kids(c.g, t, 'conj:*').length || c.g.heads[t]!.some((a) => a.rel.startsWith('conj'))) return true;
  const m = mentionAt(c.doc, t);
  const end = m ? m.t1 : t + 1;
  const next = c.doc.tokens[end];
  return !!next && next.text === ',' && !!mentionAt(c.doc, end + 1) && !mentionAt(c.doc, end + 1)!.demonym && c.doc.tokens[end + 1 + (mentionAt(c.doc, end + 1)!.t1 - end - 1)]?.text === ',';
}

/** The place at token `k`: its name, or the name a place noun carries ("Lualaba province", "the region of Kursk"). */
function placeAt(c: Ctx, k: number): Entity[] {
  const m = mentionAt(c.doc, k);
  if (m) return !m.demonym && (m.entity.label === 'Place' || m.entity.label === 'Country') ? [m.entity] : [];
  if (!c.W.placeNouns.includes(lemmaOf(c.doc, k))) return [];
  const out: Entity[] = [];
  for (const x of [...kids(c.g, k, 'compound'), ...kids(c.g, k, 'nmod:of')]) {
    const xm = mentionAt(c.doc, x);
    if (xm && !xm.demonym && (xm.entity.label === 'Place' || xm.entity.label === 'Country')) out.push(xm.entity);
  }
  return out;
}

/** A port named after its city ("Port of Darwin", "Darwin port") is in that city when the story names the city. */
function portsOfCities(c: Ctx): void {
  const { doc } = c;
  const byName = new Map<string, Entity>();
  for (const m of doc.mentions) if (!m.dead && m.entity.label === 'Place') byName.set(m.entity.name.toLowerCase(), m.entity);
  const done = new Set<string>();
  for (const m of doc.mentions) {
    const e = m.entity;
    if (m.dead || m.demonym || e.label !== 'Place' || done.has(e.id)) continue;
    done.add(e.id);
    const port = /^(?:port|harbou?r) of (.+)$/i.exec(e.name) ?? /^(.+) (?:port|harbou?r)$/i.exec(e.name);
    const city = port ? byName.get(port[1]!.toLowerCase()) : undefined;
    if (city && city.id !== e.id) emitFact(doc, 'LOCATED_IN', e, city, {}, doc.tokens[m.t0]!.sent, 0.7);
  }
}

/** LOCATED_IN from the parse: "Ellabell, Georgia", "X in Y", "the German port of Hamburg", "X, a city in Y", "the Chinese company X", "X-based". */
function locatedIn(c: Ctx): void {
  const { doc, g } = c;
  const places = new Set(c.W.placeNouns);
  const isLoc = (e: Entity) => e.label === 'Place' || e.label === 'Country';
  const emit = (x: Entity, y: Entity, t: number, conf: number) => {
    if (x.id !== y.id && !(x.label === 'Country')) emitFact(doc, 'LOCATED_IN', x, y, {}, doc.tokens[t]!.sent, conf);
  };
  for (let t = 0; t < doc.tokens.length; t++) {
    const m = mentionAt(doc, t);
    const tok = doc.tokens[t]!;
    if (m && t === m.t1 - 1 && !m.demonym) {
      const e = m.entity;
      // "Ellabell, Georgia" (appos), "Debrecen in eastern Hungary", "near Kolwezi in Lualaba province"
      // (not a list of places, "Guiyang, Zhengzhou and …", nor a hyphenated route or a dateline)
      if (e.label === 'Place' && !inList(c, t)) {
        const gap = doc.tokens[m.t1]?.lower;
        for (const k of [...kids(g, t, 'appos'), ...kids(g, t, 'nmod:in')]) {
          if ((gap !== ',' && gap !== 'in') || inList(c, k)) continue;
          for (const y of placeAt(c, k)) emit(e, y, t, 0.75);
        }
      }
      // "Syrah Resources, an Australian miner", "Unitronics, an Israeli company"
      if (e.label === 'Company' || e.label === 'Organization') {
        for (const a of kids(g, t, 'appos')) {
          if (mentionAt(doc, a)) continue;
          for (const k of kids(g, a, 'amod')) {
            const km = mentionAt(doc, k);
            if (km && km.demonym && km.entity.label === 'Country') emit(e, km.entity, t, 0.7);
          }
        }
      }
      // "China's Wingtech" (a nationality adjective alone, "German brand Porsche", is not a location)
      // (a country's agency is its own, not located: "South Korea's National Intelligence Service")
      if (e.label === 'Company') {
        for (const k of [...kids(g, t, 'nmod:poss'), ...kids(g, t, 'compound')]) {
          const km = mentionAt(doc, k);
          if (km && km.entity.label === 'Country' && (km.demonym || g.children[t]!.some((a) => a.tok === k && a.rel === 'nmod:poss'))) emit(e, km.entity, t, 0.7);
        }
      }
    }
    const lemma = lemmaOf(doc, t);
    // a place noun: "the German port of Hamburg", "X, a city in Y", "X, the capital of Y"
    if (!m && places.has(lemma)) {
      const named: Entity[] = [];
      for (const k of kids(g, t, 'nmod:of')) {
        const km = mentionAt(doc, k);
        if (km && !km.demonym && km.entity.label === 'Place') named.push(km.entity);
      }
      const apposed: Entity[] = [];
      for (const a of g.heads[t]!) {
        if (a.rel !== 'appos') continue;
        const km = mentionAt(doc, a.tok);
        if (km && !km.demonym && km.entity.label !== 'Country') apposed.push(km.entity);
      }
      named.push(...apposed);
      const where: Entity[] = [];
      for (const k of [...kids(g, t, 'amod'), ...kids(g, t, 'nmod:poss'), ...kids(g, t, 'nmod:in'), ...kids(g, t, 'compound')]) {
        const km = mentionAt(doc, k);
        if (km && isLoc(km.entity) && (km.entity.label === 'Country' || !km.demonym)) where.push(km.entity);
      }
      if (lemma === 'capital' && named.length === 0) continue;
      for (const x of named) for (const y of where) emit(x, y, t, 0.7);
      // "X, the capital of Y": of-complement is the container when the head is an appositive of X
      if (apposed.length && where.length === 0 && (lemma === 'capital' || lemma === 'city' || lemma === 'region')) {
        for (const k of kids(g, t, 'nmod:of')) {
          const km = mentionAt(doc, k);
          if (km && isLoc(km.entity)) for (const x of apposed) if (x.id !== km.entity.id) emit(x, km.entity, t, 0.7);
        }
      }
    }
    // a place description resolved to a place, with a nationality: "the Malaysian capital"
    const ref = doc.references?.get(t);
    if (ref && ref.label === 'Place') {
      for (const k of kids(g, t, 'amod')) {
        const km = mentionAt(doc, k);
        if (km && km.demonym && km.entity.label === 'Country') emit(ref, km.entity, t, 0.65);
      }
    }
    // "the Dubai-based exchange", "Geneva-based MSC": the place before "-based", the phrase "based" modifies
    if (tok.lower === 'based' && doc.tokens[t - 1]?.text === '-') {
      const pm = mentionAt(doc, t - 2);
      if (pm && isLoc(pm.entity) && (pm.entity.label === 'Place' || !pm.demonym)) {
        for (const a of g.heads[t]!) {
          if (a.rel !== 'amod' && a.rel !== 'compound') continue;
          for (const e of entitiesAt(c, a.tok, false)) if (e.label === 'Company' || e.label === 'Organization' || e.label === 'Outlet') emit(e, pm.entity, t, 0.7);
          for (const h of g.heads[a.tok]!) {
            if (h.rel !== 'appos') continue;
            for (const e of entitiesAt(c, h.tok, false)) if (e.label === 'Company' || e.label === 'Organization' || e.label === 'Outlet') emit(e, pm.entity, t, 0.7);
          }
        }
      }
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
