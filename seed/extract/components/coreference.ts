/**
 * Coreference inside one story, three components:
 *   "short-forms"          the parts of a person's name (surname, given name) and a parenthesised acronym
 *                          after a name ("Appeals Commission (AC)") become short forms of that entity;
 *   "local-names"          a name the recogniser found once is a name everywhere in the story, and a
 *                          distinctive first word of a company name is a short form of it;
 *   "short-form-mentions"  capitalised words left unclaimed that are a short form become mentions.
 */
import { matchAt } from '../catalog.js';
import type { Component, Doc } from '../document.js';
import type { Entity } from '../../../model/types.js';
import { findRuns } from '../runs.js';
import { addSpan, anySpan, foldApos, roleText } from '../spans.js';
import { tokenize, type Token } from '../text.js';

export const shortForms: Component = {
  name: 'short-forms',
  run(doc) {
    registerShortForms(doc);
  },
};

export const localNames: Component = {
  name: 'local-names',
  run(doc) {
    localNamesPass(doc);
  },
};

export const shortFormMentions: Component = {
  name: 'short-form-mentions',
  run(doc) {
    registerShortForms(doc);
    // runs left unresolved may now be short forms seen elsewhere in the story (none: nothing to find)
    const toks = doc.tokens;
    for (const r of doc.shortForms.size > 0 ? findRuns(doc) : []) {
      let allFree = true;
      for (let k = r.t0; k < r.t1; k++) if (doc.at[k]! >= 0) allFree = false;
      if (!allFree) continue;
      for (let k = r.t0; k < r.t1; k++) {
        const t = toks[k]!;
        const sf = t.kind === 'w' ? doc.shortForms.get(t.text) : undefined;
        if (sf) addSpan(doc, k, k + 1, sf, 'coref');
      }
    }
  },
};

/** Register short forms of people (surname, given-name-less forms) and parenthesised acronyms. */
function registerShortForms(doc: Doc): void {
  const toks = doc.tokens;
  for (const sp of doc.mentions) {
    const e = sp.entity;
    if (e.label === 'Person' || e.label === 'Official') {
      for (let k = sp.t0; k < sp.t1; k++) {
        const t = toks[k]!;
        if (t.kind !== 'w' || !t.cap || t.text.length < 2 || doc.lex.common.has(t.lower) || doc.lex.titles.has(t.lower)) continue;
        const prev = doc.shortForms.get(t.text);
        if (prev === undefined) doc.shortForms.set(t.text, e);
        else if (prev && prev.id !== e.id) doc.shortForms.set(t.text, null);
      }
    }
    // "<Name of a body> (ACRONYM)"
    const open = toks[sp.t1];
    const acr = toks[sp.t1 + 1];
    const close = toks[sp.t1 + 2];
    if (open?.text === '(' && acr && acr.upper && close?.text === ')' && !doc.shortForms.has(acr.text)) doc.shortForms.set(acr.text, e);
  }
}

/**
 * Names the recogniser found once ("the brand X", "X Technologies") are names everywhere in the story:
 * later bare mentions ("X's managing director", "X completed…") become mentions too.
 */
function localNamesPass(doc: Doc): void {
  const toks = doc.tokens;
  const reserved = new Uint8Array(toks.length);
  for (const p of doc.pendingPeople) for (let k = p.nameStart; k < p.t1; k++) reserved[k] = 1;
  const names = new Map<string, Entity | null>();
  /** Lengths of the names: a candidate of another length is not looked up (nor built). */
  const lengths = new Set<number>();
  const put = (key: string, e: Entity): void => {
    const prev = names.get(key);
    lengths.add(key.length);
    if (prev === undefined) names.set(key, e);
    else if (prev && prev.id !== e.id) names.set(key, null);
  };
  // first word of a company name when distinctive: "Acme" for "Acme Photonics"
  const putFirstWord = (e: Entity): void => {
    const space = e.name.indexOf(' ');
    if (e.label !== 'Company' || space <= 2) return;
    const first = e.name.slice(0, space);
    const lower = first.toLowerCase();
    if (!doc.lex.common.has(lower) && !doc.lowerSeen.has(lower) && !matchAt(doc.catalog, tokenizeCached(first), 0)) put(first, e);
  };
  for (const e of doc.recognised.values()) {
    if (e.label === 'Person' || e.label === 'Official') continue;
    put(e.name, e);
    putFirstWord(e);
  }
  // the same short form of a catalogue company the story names in full ("Zijin" after "Zijin Mining")
  for (const sp of doc.mentions) if (sp.how === 'gaz' && !sp.dead && sp.t1 - sp.t0 > 1) putFirstWord(sp.entity);
  if (names.size === 0) return;
  for (const r of findRuns(doc)) {
    if (anySpan(doc, r.t0, r.t1)) continue;
    // longest prefix of the run that is a known local name
    for (let a = r.t0; a < r.t1; a++) {
      if (reserved[a]) continue;
      // length of roleText(a, b) for b = r.t1, shrunk as b moves left (folding ’ keeps the length)
      let len = 0;
      for (let k = a; k < r.t1; k++) len += toks[k]!.text.length + (k > a && toks[k]!.start > toks[k - 1]!.end ? 1 : 0);
      for (let b = r.t1; b > a; b--) {
        if (b < r.t1) {
          const dropped = toks[b]!;
          len -= dropped.text.length + (dropped.start > toks[b - 1]!.end ? 1 : 0);
        }
        if (reserved[b - 1] || !lengths.has(len)) continue;
        const e = names.get(foldApos(roleText(doc, a, b)));
        if (e) {
          addSpan(doc, a, b, e, 'coref');
          a = b - 1;
          break;
        }
      }
    }
  }
}

const tokCache = new Map<string, Token[]>();
function tokenizeCached(s: string): Token[] {
  let t = tokCache.get(s);
  if (!t) {
    t = tokenize(s);
    if (tokCache.size < 50_000) tokCache.set(s, t);
  }
  return t;
}

