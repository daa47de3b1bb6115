/**
 * LOCATED_IN read off the dependency parse: "Ellabell, Georgia", "X in Y", "the German port of Hamburg",
 * "X, a city in Y", "China's Wingtech", "Syrah Resources, an Australian miner", "the Dubai-based
 * exchange"; a port named after a city the story names is in that city.
 */
import type { Entity } from '../../../model/types.js';
import { kids, lemmaOf } from './dep-graph.js';
import { entitiesAt, mentionAt, type Ctx } from './dep-entities.js';
import { emitFact } from './facts.js';

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
export function portsOfCities(c: Ctx): void {
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
export function locatedIn(c: Ctx): void {
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

