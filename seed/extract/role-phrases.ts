/**
 * Role phrases around names (lexicon roles, read with the role tries): the role before a name, a role
 * starting at a token, the entity a role belongs to, and appositives (", the head of X").
 */
import type { Entity } from '../../model/types.js';
import type { Doc, RoleClass } from './document.js';
import { countryOf, roleText, spanAt } from './spans.js';

/** Longest role phrase ending just before token index `end` (exclusive). */
export function roleBefore(doc: Doc, end: number): { start: number; role: string; cls: RoleClass } | null {
  let best: { start: number; cls: RoleClass } | null = null;
  let node = doc.catalog.roleRev;
  const sent = end > 0 ? doc.tokens[end - 1]!.sent : -1;
  for (let j = end - 1; j >= 0; j--) {
    const t = doc.tokens[j]!;
    if (t.sent !== sent || (t.kind !== 'w' && t.text !== '-') || doc.at[j]! >= 0) break;
    const nx = node.next.get(t.lower);
    if (!nx) break;
    node = nx;
    if (node.value) best = { start: j, cls: node.value };
  }
  return best ? { start: best.start, role: roleText(doc, best.start, end), cls: best.cls } : null;
}

/** Longest role phrase starting at token i (inclusive) within [i, limit). */
export function roleAt(doc: Doc, i: number, limit: number): { end: number; role: string; cls: RoleClass } | null {
  let best: { end: number; cls: RoleClass } | null = null;
  let node = doc.catalog.roleFwd;
  for (let j = i; j < limit; j++) {
    const t = doc.tokens[j]!;
    if (t.kind !== 'w' && t.text !== '-') break;
    const nx = node.next.get(t.lower);
    if (!nx) break;
    node = nx;
    if (node.value) best = { end: j + 1, cls: node.value };
  }
  return best ? { end: best.end, role: roleText(doc, i, best.end), cls: best.cls } : null;
}

/** The entity a role belongs to, reading left from `start`: "<company>'s managing director", "Russian President". */
export function roleOwnerLeft(doc: Doc, start: number): Entity | null {
  let i = start - 1;
  const sent = doc.tokens[start]?.sent;
  // skip adjectives such as former, current, outgoing, top, senior
  let skipped = 0;
  while (i >= 0 && skipped < 3) {
    const t = doc.tokens[i]!;
    if (t.sent !== sent) return null;
    if (t.kind === 's') {
      i--;
      continue;
    }
    const sp = spanAt(doc, i);
    if (sp) {
      const e = sp.entity;
      if (e.label === 'Country' || e.label === 'Organization' || e.label === 'Company' || e.label === 'Outlet') return e;
      if (e.label === 'Place') {
        const co = countryOf(doc, e);
        if (co) return co;
        i = sp.t0 - 1;
        skipped++;
        continue;
      }
      return null;
    }
    if (t.kind === 'w' && !t.cap && doc.lex.roleModifiers.has(t.lower)) {
      i--;
      skipped++;
      continue;
    }
    if (t.kind === 'w' && t.cap && doc.lex.roleModifiersCapitalised.has(t.text)) {
      i--;
      skipped++;
      continue;
    }
    return null;
  }
  return null;
}

/** Appositive after a name: ", the head of X" / ", X's top lobbyist" / ", CEO of X" / ", a Chinese vice foreign minister". */
export function appositive(doc: Doc, after: number): { role: string; cls: RoleClass; target: Entity | null; cue: string | null } | null {
  const toks = doc.tokens;
  const comma = toks[after];
  if (!comma || comma.text !== ',') return null;
  const sent = comma.sent;
  let end = after + 1;
  while (end < toks.length && toks[end]!.sent === sent && toks[end]!.text !== ',' && toks[end]!.text !== ';' && toks[end]!.text !== '(' && end - after < 16) end++;
  // cue words anywhere in the segment decide what kind of thing the name is
  let cue: string | null = null;
  for (let j = after + 1; j < end; j++) {
    const w = toks[j]!;
    if (w.kind !== 'w' || w.cap || doc.at[j]! >= 0) continue;
    if (doc.lex.anyCue.has(w.lower)) {
      cue = w.lower;
      break;
    }
  }
  let lead = 0;
  let possessed: Entity | null = null;
  let adjacent: Entity | null = null;
  for (let j = after + 1; j < end && lead < 7; j++) {
    const sp = spanAt(doc, j);
    if (sp) {
      const e = sp.entity;
      if (e.label === 'Official' || e.label === 'Person') break;
      const isPoss = toks[sp.t1]?.kind === 's';
      if (e.label !== 'Place' || countryOf(doc, e)) {
        if (isPoss) possessed = e.label === 'Place' ? countryOf(doc, e) : e;
        else adjacent = e.label === 'Place' ? countryOf(doc, e) : e;
      }
      j = sp.t1 - 1 + (isPoss ? 1 : 0);
      lead++;
      continue;
    }
    const t = toks[j]!;
    const r = roleAt(doc, j, end);
    if (r) {
      const nextT = toks[r.end];
      const nextSp = spanAt(doc, r.end);
      if ((nextSp && (nextSp.entity.label === 'Person' || nextSp.entity.label === 'Official')) || (nextT && nextT.kind === 'w' && nextT.cap && !nextSp)) return null;
      let target: Entity | null = null;
      let k = r.end;
      if (toks[k] && doc.lex.appositivePrepositions.has(toks[k]!.lower)) {
        k++;
        if (toks[k]?.lower === 'the') k++;
        const sp2 = spanAt(doc, k);
        if (sp2 && ['Organization', 'Company', 'Outlet', 'Country'].includes(sp2.entity.label)) target = sp2.entity;
        else if (sp2 && sp2.entity.label === 'Place') target = countryOf(doc, sp2.entity);
      }
      if (!target) target = possessed ?? (r.cls !== 'other' && adjacent && adjacent === spanAt(doc, j - 1)?.entity ? adjacent : null);
      return { role: r.role, cls: r.cls, target, cue };
    }
    if (t.kind === 'w' && (doc.lex.appositiveStops.has(t.lower) || (!t.cap && t.lower.endsWith('ed')))) break;
    lead++;
  }
  return cue ? { role: '', cls: 'other', target: null, cue } : null;
}

export function appPersonOf(doc: Doc, app: ReturnType<typeof appositive>): boolean {
  return !!app && (app.role !== '' || (app.cue !== null && doc.lex.personNouns.has(app.cue)));
}

