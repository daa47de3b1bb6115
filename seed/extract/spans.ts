/**
 * Entity mentions in a document: adding one (a longer mention replaces the ones it covers), reading
 * the mention at a token, and the entities the recogniser creates for the story.
 */
import type { Entity } from '../../model/types.js';
import type { EntityLabel } from '../../model/graph-model.js';
import { entityId } from './catalog.js';
import type { Doc, Span } from './document.js';
import type { Token } from './text.js';

/** Labels whose mention is one name (a run of capitals inside it is not another entity). */
export const ATOMIC: ReadonlySet<EntityLabel> = new Set(['Official', 'Person', 'Company', 'Organization', 'Outlet']);
export function isWord(t: Token | undefined): t is Token {
  return !!t && t.kind === 'w';
}

export function addSpan(doc: Doc, t0: number, t1: number, entity: Entity, how: Span['how'], demonym = false): void {
  const idx = doc.mentions.length;
  for (let k = t0; k < t1; k++) {
    const old = doc.at[k]!;
    if (old >= 0) doc.mentions[old]!.dead = true;
  }
  doc.mentions.push({ t0, t1, entity, how, demonym });
  for (let k = t0; k < t1; k++) doc.at[k] = idx;
}

export function spanAt(doc: Doc, i: number): Span | undefined {
  if (i < 0 || i >= doc.tokens.length) return undefined;
  const s = doc.at[i]!;
  return s >= 0 ? doc.mentions[s] : undefined;
}

export function countryOf(doc: Doc, e: Entity | undefined): Entity | null {
  if (!e) return null;
  if (e.label === 'Country') return e;
  const ref = e.props.country;
  if (typeof ref === 'string') return doc.catalog.byId.get(ref) ?? null;
  return null;
}

export function makeEntity(doc: Doc, label: EntityLabel, name: string, props: Entity['props'], confidence: number): Entity {
  const id = entityId(label, name);
  const known = doc.catalog.byId.get(id);
  if (known) return known;
  const ex = doc.recognised.get(id);
  if (ex) {
    for (const k in props) {
      const v = props[k];
      if (ex.props[k] == null && v != null) ex.props[k] = v;
    }
    return ex;
  }
  const e: Entity = { id, label, name, aliases: [], props, confidence, source: 'recognizer' };
  doc.recognised.set(id, e);
  return e;
}

export function anySpan(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (doc.at[k]! >= 0) return true;
  return false;
}

/** Not claimed by an atomic (person-like or organisation) span. */
export function isFree(doc: Doc, i: number): boolean {
  if (i < 0 || i >= doc.tokens.length) return true;
  const s = doc.at[i]!;
  return s < 0 || !ATOMIC.has(doc.mentions[s]!.entity.label);
}

/** Typographic apostrophes folded to ASCII (no regex run when there is none). */
export function foldApos(s: string): string {
  return s.indexOf('\u2019') >= 0 ? s.replace(/\u2019/g, "'") : s;
}

/** The text of tokens [a, b) with single spaces where the body has any. */
export function roleText(doc: Doc, a: number, b: number): string {
  let out = '';
  for (let k = a; k < b; k++) {
    const t = doc.tokens[k]!;
    out += k > a && t.start > doc.tokens[k - 1]!.end ? ' ' + t.text : t.text;
  }
  return out;
}

