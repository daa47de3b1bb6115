/**
 * Entity recognition for one story: catalogue matches (token trie, longest match wins) plus a general
 * recogniser for names that are not in the catalogue. The recogniser walks runs of capitalised tokens
 * once and classifies each run from its own words (head nouns: Ministry, Corp, University, Airport…),
 * the words around it (roles and titles before, speech verbs after, appositives ", a Chinese company")
 * and in-story coreference (a surname alone refers to the full name seen before).
 * Every list it uses is data in seed/catalog/lexicon.json.
 */
import type { Entity } from '../../model/types.js';
import type { EntityLabel } from '../../model/graph-model.js';
import { entityId, getCatalog, matchAt, mayStartMatch, type Catalog } from './catalog.js';
import { slugify, tokenize, type Sentence, type Token } from './text.js';

export type RoleClass = 'head' | 'gov' | 'corp' | 'other';

/** An entity occurrence: tokens [t0, t1). */
export interface Span {
  t0: number;
  t1: number;
  entity: Entity;
  /** How it was found: catalogue, recogniser, or a short form resolved inside the story. */
  how: 'gaz' | 'rec' | 'coref';
  /** A demonym / adjective (Chinese), not a name. */
  demonym: boolean;
  /** Replaced by a longer span found later (the longest match wins). */
  dead?: boolean;
}

/** "Russian President Vladimir Putin": person, role, the entity the role belongs to. */
export interface RoleLink {
  person: Entity;
  role: string;
  cls: RoleClass;
  target: Entity | null;
  sent: number;
}

export interface Recognition {
  spans: Span[];
  roleLinks: RoleLink[];
  /** Token index → span index (or -1). */
  at: Int32Array;
}

interface Lex {
  common: Set<string>;
  connectors: Set<string>;
  given: Set<string>;
  asian: Set<string>;
  speech: Set<string>;
  personNouns: Set<string>;
  titles: Set<string>;
  orgHead: Map<string, string>;
  companyHead: Set<string>;
  outletHead: Set<string>;
  placeHead: Map<string, string>;
  /** Word → what a name ending in it is (company heads first, then organisation, outlet, place heads). */
  head: Map<string, HeadKind>;
  /** Union of personNouns, companyCue, outletCue and orgCue (one lookup in appositives). */
  anyCue: Set<string>;
  companyCue: Set<string>;
  orgCue: Set<string>;
  outletCue: Set<string>;
  placeCue: Set<string>;
  locPrep: Set<string>;
}

interface HeadKind {
  readonly label: EntityLabel;
  readonly kind: string | null;
}
const COMPANY_HEAD: HeadKind = { label: 'Company', kind: null };
const OUTLET_HEAD: HeadKind = { label: 'Outlet', kind: null };
/** One shared (read-only) answer per label and kind, so a lookup allocates nothing. */
const headKinds = { Organization: new Map<string, HeadKind>(), Place: new Map<string, HeadKind>() };
function sharedHead(label: 'Organization' | 'Place', kind: string): HeadKind {
  const byKind = headKinds[label];
  let h = byKind.get(kind);
  if (!h) byKind.set(kind, (h = { label, kind }));
  return h;
}

let lexCache: Lex | null = null;
function lex(cat: Catalog): Lex {
  if (lexCache) return lexCache;
  const L = cat.lexicon;
  const orgHead = new Map<string, string>();
  for (const [kind, words] of Object.entries(L.orgHeads)) for (const w of words) orgHead.set(w, kind);
  const placeHead = new Map<string, string>();
  for (const [kind, words] of Object.entries(L.placeHeads)) for (const w of words) if (!w.includes(' ')) placeHead.set(w, kind);
  const head = new Map<string, HeadKind>();
  const addHead = (w: string, h: HeadKind): void => {
    if (!head.has(w)) head.set(w, h);
  };
  for (const w of L.companyHeads) addHead(w, COMPANY_HEAD);
  for (const [w, kind] of orgHead) addHead(w, sharedHead('Organization', kind));
  for (const w of L.outletHeads) if (!w.includes(' ')) addHead(w, OUTLET_HEAD);
  for (const [w, kind] of placeHead) addHead(w, sharedHead('Place', kind));
  const outletCue = L.outletCues.filter((w) => !w.includes(' '));
  lexCache = {
    head,
    anyCue: new Set([...L.personNouns, ...L.companyCues, ...outletCue, ...L.orgCues]),
    common: new Set(L.commonCapitalised),
    connectors: new Set(L.connectors),
    given: new Set(L.givenNames),
    asian: new Set(L.surnamePrefixesAsian),
    speech: new Set(L.speechVerbs),
    personNouns: new Set(L.personNouns),
    titles: new Set(L.titles),
    orgHead,
    companyHead: new Set(L.companyHeads),
    outletHead: new Set(L.outletHeads.filter((w) => !w.includes(' '))),
    placeHead,
    companyCue: new Set(L.companyCues),
    orgCue: new Set(L.orgCues),
    outletCue: new Set(outletCue),
    placeCue: new Set(L.placeCues),
    locPrep: new Set(L.locPrepositions),
  };
  return lexCache;
}

const ATOMIC: ReadonlySet<EntityLabel> = new Set(['Official', 'Person', 'Company', 'Organization', 'Outlet']);
const POLITICAL_HEADS = new Set(['president', 'premier', 'prime minister', 'chancellor', 'king', 'queen', 'emir', 'sultan', 'supreme leader', 'leader', 'general secretary', 'secretary-general', 'secretary general', 'mayor', 'governor', 'commander', 'chief executive']);

function isWord(t: Token | undefined): t is Token {
  return !!t && t.kind === 'w';
}

/** Story-level state while recognising. */
interface Ctx {
  cat: Catalog;
  L: Lex;
  toks: Token[];
  sents: Sentence[];
  spans: Span[];
  at: Int32Array;
  /** Words seen in lowercase somewhere in the story (so a capitalised one is probably sentence-initial). */
  lowerSeen: Set<string>;
  /** Entities created by the recogniser in this story, by id. */
  local: Map<string, Entity>;
  /** Short forms (surname, acronym) → entity, for this story. */
  shortForms: Map<string, Entity | null>;
  roleLinks: RoleLink[];
  /** People found in runs, resolved once every organisation in the story is known. */
  pending: PendingPerson[];
}

interface PendingPerson {
  nameStart: number;
  t1: number;
  t0: number;
  role: { role: string; cls: RoleClass } | null;
  before: { start: number; role: string; cls: RoleClass } | null;
  prefixEntity: Entity | null;
  name: string;
  given: boolean;
  sent: number;
}

function resolvePerson(c: Ctx, p: PendingPerson): void {
  const app = appositive(c, p.t1);
  let owner: Entity | null = null;
  if (p.role) owner = p.prefixEntity ? (p.prefixEntity.label === 'Place' ? countryOf(c, p.prefixEntity) : p.prefixEntity) : roleOwnerLeft(c, p.t0);
  else if (p.before) owner = roleOwnerLeft(c, p.before.start);
  const roleCtx = p.role ?? (p.before ? { role: p.before.role, cls: p.before.cls } : null) ?? (app && app.role ? { role: app.role, cls: app.cls } : null);
  if (!owner && app && app.target) owner = app.target;
  const cls = roleCtx?.cls ?? null;
  const roleText = roleCtx?.role ?? null;
  const govOwner = !!owner && (owner.label === 'Country' || (owner.label === 'Organization' && !NON_GOV_KINDS.has(String(owner.props.kind))));
  const official = !!roleText && (cls === 'gov' || (cls === 'head' && (POLITICAL_HEADS.has(roleText.toLowerCase()) || govOwner))) && (govOwner || !owner);
  const label: EntityLabel = official ? 'Official' : 'Person';
  const props: Entity['props'] = {};
  if (label === 'Official') {
    props.role = roleText;
    props.country = countryOf(c, owner ?? undefined)?.id ?? null;
  }
  const otherId = entityId(label === 'Official' ? 'Person' : 'Official', p.name);
  const existing = c.local.get(otherId) ?? c.cat.byId.get(otherId);
  const e = existing ?? makeEntity(c, label, p.name, props, roleText || p.given ? 0.8 : 0.65);
  addSpan(c, p.nameStart, p.t1, e, 'rec');
  if (roleText) c.roleLinks.push({ person: e, role: roleText, cls: cls ?? 'other', target: owner, sent: p.sent });
}

const NON_GOV_KINDS = new Set(['think tank', 'university', 'ngo', 'association']);

function addSpan(c: Ctx, t0: number, t1: number, entity: Entity, how: Span['how'], demonym = false): void {
  const idx = c.spans.length;
  for (let k = t0; k < t1; k++) {
    const old = c.at[k]!;
    if (old >= 0) c.spans[old]!.dead = true;
  }
  c.spans.push({ t0, t1, entity, how, demonym });
  for (let k = t0; k < t1; k++) c.at[k] = idx;
}

function spanAt(c: Ctx, i: number): Span | undefined {
  if (i < 0 || i >= c.toks.length) return undefined;
  const s = c.at[i]!;
  return s >= 0 ? c.spans[s] : undefined;
}

function countryOf(c: Ctx, e: Entity | undefined): Entity | null {
  if (!e) return null;
  if (e.label === 'Country') return e;
  const ref = e.props.country;
  if (typeof ref === 'string') return c.cat.byId.get(ref) ?? null;
  return null;
}

function makeEntity(c: Ctx, label: EntityLabel, name: string, props: Entity['props'], confidence: number): Entity {
  const id = entityId(label, name);
  const known = c.cat.byId.get(id);
  if (known) return known;
  const ex = c.local.get(id);
  if (ex) {
    for (const k in props) {
      const v = props[k];
      if (ex.props[k] == null && v != null) ex.props[k] = v;
    }
    return ex;
  }
  const e: Entity = { id, label, name, aliases: [], props, confidence, source: 'recognizer' };
  c.local.set(id, e);
  return e;
}

/** Phase 1: catalogue matches. */
function gazetteerPass(c: Ctx): void {
  const { toks } = c;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    if (t.kind !== 'w' && t.kind !== 'n') {
      i++;
      continue;
    }
    const m = mayStartMatch(c.cat, t) ? matchAt(c.cat, toks, i) : null;
    if (!m) {
      i++;
      continue;
    }
    if (m.alias.ambiguous) {
      const prev = toks[m.t0 - 1];
      const next = toks[m.t1];
      const glued = (x: Token | undefined, xi: number): boolean => isWord(x) && x.cap && x.sent === t.sent && !c.L.common.has(x.lower) && !matchAt(c.cat, toks, xi);
      if ((prev && prev.end === t.start - 1 && glued(prev, m.t0 - 1)) || (next && glued(next, m.t1))) {
        i = m.t1;
        continue;
      }
    }
    addSpan(c, m.t0, m.t1, m.entity, 'gaz', m.alias.demonym);
    i = m.t1;
  }
}

function nameLike(c: Ctx, t: Token, sentStart: boolean): boolean {
  if (!isWord(t) || !t.cap) return false;
  if (c.L.common.has(t.lower)) return false;
  if (sentStart && c.lowerSeen.has(t.lower)) return false;
  return true;
}

/** Typographic apostrophes folded to ASCII (no regex run when there is none). */
function foldApos(s: string): string {
  return s.indexOf('\u2019') >= 0 ? s.replace(/\u2019/g, "'") : s;
}

function roleText(c: Ctx, a: number, b: number): string {
  let out = '';
  for (let k = a; k < b; k++) {
    const t = c.toks[k]!;
    out += k > a && t.start > c.toks[k - 1]!.end ? ' ' + t.text : t.text;
  }
  return out;
}

/** Longest role phrase ending just before token index `end` (exclusive). */
function roleBefore(c: Ctx, end: number): { start: number; role: string; cls: RoleClass } | null {
  let best: { start: number; cls: RoleClass } | null = null;
  let node = c.cat.roleRev;
  const sent = end > 0 ? c.toks[end - 1]!.sent : -1;
  for (let j = end - 1; j >= 0; j--) {
    const t = c.toks[j]!;
    if (t.sent !== sent || (t.kind !== 'w' && t.text !== '-') || c.at[j]! >= 0) break;
    const nx = node.next.get(t.lower);
    if (!nx) break;
    node = nx;
    if (node.cls) best = { start: j, cls: node.cls };
  }
  return best ? { start: best.start, role: roleText(c, best.start, end), cls: best.cls } : null;
}

/** Longest role phrase starting at token i (inclusive) within [i, limit). */
function roleAt(c: Ctx, i: number, limit: number): { end: number; role: string; cls: RoleClass } | null {
  let best: { end: number; cls: RoleClass } | null = null;
  let node = c.cat.roleFwd;
  for (let j = i; j < limit; j++) {
    const t = c.toks[j]!;
    if (t.kind !== 'w' && t.text !== '-') break;
    const nx = node.next.get(t.lower);
    if (!nx) break;
    node = nx;
    if (node.cls) best = { end: j + 1, cls: node.cls };
  }
  return best ? { end: best.end, role: roleText(c, i, best.end), cls: best.cls } : null;
}

/** The entity a role belongs to, reading left from `start`: "Kaviari's managing director", "Russian President". */
function roleOwnerLeft(c: Ctx, start: number): Entity | null {
  let i = start - 1;
  const sent = c.toks[start]?.sent;
  // skip adjectives such as former, current, outgoing, top, senior
  let skipped = 0;
  while (i >= 0 && skipped < 3) {
    const t = c.toks[i]!;
    if (t.sent !== sent) return null;
    if (t.kind === 's') {
      i--;
      continue;
    }
    const sp = spanAt(c, i);
    if (sp) {
      const e = sp.entity;
      if (e.label === 'Country' || e.label === 'Organization' || e.label === 'Company' || e.label === 'Outlet') return e;
      if (e.label === 'Place') {
        const co = countryOf(c, e);
        if (co) return co;
        i = sp.t0 - 1;
        skipped++;
        continue;
      }
      return null;
    }
    if (t.kind === 'w' && !t.cap && ['former', 'current', 'outgoing', 'then', 'top', 'senior', 'new', 'acting', 'deputy', 'late', 'incoming'].includes(t.lower)) {
      i--;
      skipped++;
      continue;
    }
    if (t.kind === 'w' && t.cap && ['Former', 'Current', 'Outgoing', 'Acting', 'The'].includes(t.text)) {
      i--;
      skipped++;
      continue;
    }
    return null;
  }
  return null;
}

const APP_ABORT = new Set(['spoke', 'with', 'to', 'by', 'on', 'as', 'after', 'before', 'during', 'for', 'which', 'who', 'that', 'in', 'when', 'where', 'while', 'and', 'but', 'said', 'says', 'told', 'identified', 'named', 'is', 'was', 'has', 'had', 'will', 'would', 'who', 'whose']);
const APP_PREP = new Set(['of', 'at', 'for', 'from', 'with']);

/** Appositive after a name: ", the head of X" / ", X's top lobbyist" / ", CEO of X" / ", a Chinese vice foreign minister". */
function appositive(c: Ctx, after: number): { role: string; cls: RoleClass; target: Entity | null; cue: string | null } | null {
  const toks = c.toks;
  const comma = toks[after];
  if (!comma || comma.text !== ',') return null;
  const sent = comma.sent;
  let end = after + 1;
  while (end < toks.length && toks[end]!.sent === sent && toks[end]!.text !== ',' && toks[end]!.text !== ';' && toks[end]!.text !== '(' && end - after < 16) end++;
  // cue words anywhere in the segment decide what kind of thing the name is
  let cue: string | null = null;
  for (let j = after + 1; j < end; j++) {
    const w = toks[j]!;
    if (w.kind !== 'w' || w.cap || c.at[j]! >= 0) continue;
    if (c.L.anyCue.has(w.lower)) {
      cue = w.lower;
      break;
    }
  }
  let lead = 0;
  let possessed: Entity | null = null;
  let adjacent: Entity | null = null;
  for (let j = after + 1; j < end && lead < 7; j++) {
    const sp = spanAt(c, j);
    if (sp) {
      const e = sp.entity;
      if (e.label === 'Official' || e.label === 'Person') break;
      const isPoss = toks[sp.t1]?.kind === 's';
      if (e.label !== 'Place' || countryOf(c, e)) {
        if (isPoss) possessed = e.label === 'Place' ? countryOf(c, e) : e;
        else adjacent = e.label === 'Place' ? countryOf(c, e) : e;
      }
      j = sp.t1 - 1 + (isPoss ? 1 : 0);
      lead++;
      continue;
    }
    const t = toks[j]!;
    const r = roleAt(c, j, end);
    if (r) {
      const nextT = toks[r.end];
      const nextSp = spanAt(c, r.end);
      if ((nextSp && (nextSp.entity.label === 'Person' || nextSp.entity.label === 'Official')) || (nextT && nextT.kind === 'w' && nextT.cap && !nextSp)) return null;
      let target: Entity | null = null;
      let k = r.end;
      if (toks[k] && APP_PREP.has(toks[k]!.lower)) {
        k++;
        if (toks[k]?.lower === 'the') k++;
        const sp2 = spanAt(c, k);
        if (sp2 && ['Organization', 'Company', 'Outlet', 'Country'].includes(sp2.entity.label)) target = sp2.entity;
        else if (sp2 && sp2.entity.label === 'Place') target = countryOf(c, sp2.entity);
      }
      if (!target) target = possessed ?? (r.cls !== 'other' && adjacent && adjacent === spanAt(c, j - 1)?.entity ? adjacent : null);
      return { role: r.role, cls: r.cls, target, cue };
    }
    if (t.kind === 'w' && (APP_ABORT.has(t.lower) || (!t.cap && t.lower.endsWith('ed')))) break;
    lead++;
  }
  return cue ? { role: '', cls: 'other', target: null, cue } : null;
}

interface Run {
  t0: number;
  t1: number;
}

/** Phase 2: runs of capitalised tokens not claimed by an atomic catalogue entity. */
function findRuns(c: Ctx): Run[] {
  const { toks } = c;
  const runs: Run[] = [];
  for (let i = 0; i < toks.length; i++) {
    // a run starts at a capitalised word, or an ordinal before one ("1st Special Forces Group"), not claimed by an atomic entity
    const t0k = toks[i]!;
    if (t0k.kind === 'w') {
      if (!t0k.cap) continue;
    } else if (t0k.kind !== 'n' || !isOrdinal(t0k.text) || !isWord(toks[i + 1]) || !toks[i + 1]!.cap) continue;
    if (!isFree(c, i)) continue;
    const sent = t0k.sent;
    let j = i + 1;
    for (;;) {
      const t = toks[j];
      if (!t || t.sent !== sent) break;
      if (!isFree(c, j)) break;
      if (isWord(t) && t.cap) {
        j++;
        continue;
      }
      // Co. Ltd. and the like are capitalised already; hyphenated parts: Montuffar-Helou, Ching-te, al-Sharaa
      if (t.text === '-' || t.text === '–') {
        const nx = toks[j + 1];
        if (isWord(nx) && nx.start === t.end && t.start === toks[j - 1]!.end && isFree(c, j + 1) && (nx.cap || (nx.text.length <= 3 && c.at[j - 1]! < 0))) {
          j += 2;
          continue;
        }
        break;
      }
      if (t.text === '&' && isWord(toks[j + 1]) && toks[j + 1]!.cap && isFree(c, j + 1)) {
        j += 2;
        continue;
      }
      if (isWord(t) && c.L.connectors.has(t.lower) && !t.cap) {
        // connectors only between capitalised words: "Bank of Russia", "Academy of Social Sciences"
        let k = j + 1;
        if (toks[k]?.lower === 'the' && toks[k]!.kind === 'w') k++;
        const nx = toks[k];
        if (isWord(nx) && nx.cap && nx.sent === sent && isFree(c, k) && !c.L.common.has(nx.lower)) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    runs.push({ t0: i, t1: j });
    i = j - 1;
  }
  return runs;
}

/** Not claimed by an atomic (person-like or organisation) span. */
function isFree(c: Ctx, i: number): boolean {
  if (i < 0 || i >= c.toks.length) return true;
  const s = c.at[i]!;
  return s < 0 || !ATOMIC.has(c.spans[s]!.entity.label);
}

/** A digit followed by st/nd/rd/th at the end: 1st, 22nd, 3rd, 20th (as /\d(st|nd|rd|th)$/). */
function isOrdinal(text: string): boolean {
  const n = text.length;
  if (n < 3) return false;
  const d = text.charCodeAt(n - 3);
  if (d < 48 || d > 57) return false;
  const suf = text.slice(n - 2);
  return suf === 'st' || suf === 'nd' || suf === 'rd' || suf === 'th';
}

function headKind(c: Ctx, lower: string): HeadKind | null {
  return c.L.head.get(lower) ?? null;
}

const MILITARY = new Set(['army', 'navy', 'force', 'forces', 'guard', 'corps', 'battalion', 'brigade', 'regiment', 'marines']);

/** Classify one run (possibly split further) and register spans. */
function classifyRun(c: Ctx, run: Run): void {
  const { toks } = c;
  let { t0, t1 } = run;
  const sent = toks[t0]!.sent;
  const sentStart = c.sents[sent]!.t0;
  // drop leading common words ("The", "According", sentence-initial ordinary words)
  while (t0 < t1) {
    const t = toks[t0]!;
    const sp = spanAt(c, t0);
    if (sp) break;
    if (roleAt(c, t0, t1)) break;
    if (t.kind === 'w' && (c.L.common.has(t.lower) || (t0 === sentStart || toks[t0 - 1]?.text === '“' || toks[t0 - 1]?.text === '"' ? c.lowerSeen.has(t.lower) && !c.L.orgHead.has(t.lower) && !c.L.companyHead.has(t.lower) : false))) {
      t0++;
      continue;
    }
    break;
  }
  // trailing connectors / hyphens
  while (t1 > t0 && (toks[t1 - 1]!.kind !== 'w' || (c.L.connectors.has(toks[t1 - 1]!.lower) && !toks[t1 - 1]!.cap))) t1--;
  if (t1 <= t0) return;

  // Leading country/demonym/place spans are a prefix ("Russian President …", "Poland's Civil Aviation Authority").
  let prefixEntity: Entity | null = null;
  let nameStart = t0;
  while (nameStart < t1) {
    const sp = spanAt(c, nameStart);
    if (!sp) break;
    if (sp.t1 >= t1) break;
    prefixEntity = sp.entity;
    nameStart = sp.t1;
  }
  // role words at the front: "President", "Treasury Secretary", "Foreign Minister"
  let role: { role: string; cls: RoleClass } | null = null;
  let noPerson = false;
  {
    const r = roleAt(c, nameStart, t1);
    if (r && r.end >= t1) return; // only a role ("Vice President of Engineering")
    if (r && r.end < t1) {
      role = { role: r.role, cls: r.cls };
      nameStart = r.end;
      if (c.L.connectors.has(toks[nameStart]!.lower) && !toks[nameStart]!.cap) {
        // "CEO of Botswana Fiber Networks": the rest is the organisation, not a person
        role = null;
        while (nameStart < t1 && !toks[nameStart]!.cap) nameStart++;
        t0 = nameStart;
        prefixEntity = null;
        while (nameStart < t1) {
          const sp = spanAt(c, nameStart);
          if (!sp || sp.t1 >= t1) break;
          prefixEntity = sp.entity;
          nameStart = sp.t1;
        }
        if (nameStart >= t1) return;
        noPerson = true;
      }
    }
  }
  // title words: "Mr.", "Prince"
  let titled = false;
  if (!role && nameStart < t1 && c.L.titles.has(toks[nameStart]!.lower) && nameStart + 1 < t1) {
    titled = true;
    nameStart++;
  }
  const nTok = t1 - nameStart;
  if (nTok <= 0) return;
  const lastLower = toks[t1 - 1]!.lower;
  const firstLower = toks[nameStart]!.lower;
  const prevTok = toks[t0 - 1];
  const prev2 = toks[t0 - 2];
  const nextTok = toks[t1];
  const nextNext = toks[t1 + 1];
  // the appositive after the run, computed at most once (appositive() is pure)
  let appMemo: ReturnType<typeof appositive> | undefined;

  // 1. head noun decides: ministries, companies, outlets, places
  let head = headKind(c, lastLower);
  if (!head) {
    // "Ministry of Infrastructure", "Office of Foreign Assets Control": a head followed by of/for
    for (let k = nameStart; k < t1 - 1; k++) {
      const nx = toks[k + 1]!;
      if ((nx.lower === 'of' || nx.lower === 'for') && !nx.cap) {
        const h = headKind(c, toks[k]!.lower);
        if (h && h.label !== 'Place') head = h;
        break;
      }
    }
  }
  if (head && nTok >= 1 && nTok <= 8 && !(nTok === 1 && !prefixEntity && !anySpan(c, nameStart, t1))) {
    let label = head.label;
    let kind = head.kind;
    for (let k = nameStart; k < t1; k++) {
      if (MILITARY.has(toks[k]!.lower)) {
        label = 'Organization';
        kind = 'military';
        break;
      }
    }
    if (label === 'Company' && lastLower === 'group' && nTok <= 2 && !prefixEntity) return;
    // keep a country/place prefix that is part of the name ("Botswana Fiber Networks") unless possessive
    let start = nameStart;
    if (prefixEntity && toks[nameStart - 1]?.kind !== 's' && !role) start = t0;
    while (start < t1 && toks[start]!.kind === 's') start++;
    const name = foldApos(roleText(c, start, t1));
    const country = countryOf(c, prefixEntity ?? undefined) ?? countryInside(c, start, t1);
    const props: Entity['props'] = { country: country ? country.id : null };
    if (label === 'Organization' || label === 'Place') props.kind = kind;
    if (label === 'Outlet') props.ownership = 'unknown';
    const e = makeEntity(c, label, name, props, 0.75);
    addSpan(c, start, t1, e, 'rec');
    return;
  }
  if (anySpan(c, nameStart, t1)) return; // a country/place plus ordinary words: not a new entity

  // context before the run (lowercase role or cue words) and after it
  const before = roleBefore(c, t0) ?? (toks[t0 - 1]?.text === ',' && toks[t0 - 2]?.kind === 'w' ? roleBefore(c, t0 - 1) : null);
  const nextIsSpeech = !!nextTok && nextTok.sent === sent && c.L.speech.has(nextTok.lower) && !nextTok.cap;
  const whole = foldApos(roleText(c, nameStart, t1));

  // 2. people: roles, titles, speech verbs, given names, appositives
  const given = c.L.given.has(firstLower) || (c.L.asian.has(firstLower) && nTok >= 2 && nTok <= 3);
  const asianSecond = nTok === 2 && c.L.asian.has(lastLower) && !c.L.common.has(firstLower);
  const personNounBefore = !!prevTok && !prevTok.cap && c.L.personNouns.has(prevTok.lower);
  let allNameLike = true;
  for (let k = nameStart; k < t1; k++) {
    const t = toks[k]!;
    if (!((t.kind === 'w' && (t.cap || k > nameStart)) || t.text === '-')) {
      allNameLike = false;
      break;
    }
  }
  const shortOk = nTok <= 4 && allNameLike;
  let nonPersonCue = false;
  if (!(role || titled || before)) {
    const a = appMemo === undefined ? (appMemo = appositive(c, t1)) : appMemo;
    nonPersonCue = !!a && !a.role && !!a.cue && !c.L.personNouns.has(a.cue);
  }
  const personish =
    shortOk &&
    !noPerson &&
    !nonPersonCue &&
    (role !== null || titled || before !== null || personNounBefore || (given && nTok >= 2) || asianSecond || ((nTok >= 2 || given) && (nextIsSpeech || appPersonOf(c, appMemo === undefined ? (appMemo = appositive(c, t1)) : appMemo))));
  // a lone surname of someone already named in the story ("Weichert", "Andrew")
  if (nTok === 1 && !role) {
    const sf = c.shortForms.get(toks[nameStart]!.text);
    if (sf) {
      addSpan(c, nameStart, t1, sf, 'coref');
      return;
    }
  }
  if (personish) {
    c.pending.push({ nameStart, t1, t0, role, before, prefixEntity, name: whole.endsWith("'s") ? whole.slice(0, -2) : whole, given, sent });
    return;
  }

  // 3. companies / outlets / orgs / places named by the words around them
  const shortName = nTok <= 4 && allNameLike;
  const app = shortName ? (appMemo === undefined ? (appMemo = appositive(c, t1)) : appMemo) : null;
  if (shortName && (cueBefore(c, t0, sent, c.L.companyCue) || (app && app.cue && c.L.companyCue.has(app.cue) && !app.role) || isCopula(c, t1, c.L.companyCue))) {
    const e = makeEntity(c, 'Company', whole, { country: countryFromContext(c, t0, t1, app) }, 0.7);
    addSpan(c, nameStart, t1, e, 'rec');
    return;
  }
  if (shortName && (cueBefore(c, t0, sent, c.L.outletCue) || (app && app.cue && c.L.outletCue.has(app.cue)))) {
    const e = makeEntity(c, 'Outlet', whole, { country: countryFromContext(c, t0, t1, app), ownership: 'unknown' }, 0.7);
    addSpan(c, nameStart, t1, e, 'rec');
    return;
  }
  // "X-based", "city of X", "port city of X", "in X, Country"
  const based = nextTok?.text === '-' && nextNext?.lower === 'based' && nTok <= 3;
  const cityOf = prevTok?.lower === 'of' && prev2 && c.L.placeCue.has(prev2.lower);
  const inCountry = !!prevTok && c.L.locPrep.has(prevTok.lower) && !prevTok.cap && nextTok?.text === ',' && spanAt(c, t1 + 1)?.entity.label === 'Country';
  const countryCapital = prevTok?.lower === 'capital' && prev2?.kind === 's';
  const afterIn = !!prevTok && (prevTok.lower === 'in' || prevTok.lower === 'near') && !prevTok.cap && nTok <= 2 && !given && !c.shortForms.has(toks[nameStart]!.text) && nextTok?.kind !== 's';
  if (shortName && (based || cityOf || inCountry || countryCapital || afterIn)) {
    let country: string | null = null;
    if (inCountry) country = spanAt(c, t1 + 1)!.entity.id;
    else if (countryCapital) country = countryOf(c, spanAt(c, t0 - 3)?.entity)?.id ?? null;
    const e = makeEntity(c, 'Place', whole, { kind: 'city', country }, 0.65);
    addSpan(c, nameStart, t1, e, 'rec');
    return;
  }
}

/** A cue word (lowercase) among the three words before the run: "the company X", "a newspaper called X". */
function cueBefore(c: Ctx, t0: number, sent: number, set: Set<string>): boolean {
  const toks = c.toks;
  for (let k = t0 - 1; k >= Math.max(0, t0 - 3); k--) {
    const t = toks[k]!;
    if (t.sent !== sent) return false;
    if (set.has(t.lower) && !t.cap) return true;
    if (t.lower === 'named' || t.lower === 'called' || t.text === '“' || t.text === '"') continue;
    if (t.cap || t.kind !== 'w') return false;
  }
  return false;
}

/** The country of the first span inside [a, b) that has one. */
function countryInside(c: Ctx, a: number, b: number): Entity | null {
  for (let k = a; k < b; k++) {
    const sp = spanAt(c, k);
    if (sp) {
      const co = countryOf(c, sp.entity);
      if (co) return co;
    }
  }
  return null;
}

function appPersonOf(c: Ctx, app: ReturnType<typeof appositive>): boolean {
  return !!app && (app.role !== '' || (app.cue !== null && c.L.personNouns.has(app.cue)));
}

function anySpan(c: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (c.at[k]! >= 0) return true;
  return false;
}

/**
 * Names the recogniser found once ("brand Kaviari", "HieFo Optoelectronics") are names everywhere in the
 * story: later bare mentions ("Kaviari's managing director", "HieFo completed…") become spans too.
 */
function localNamesPass(c: Ctx): void {
  const { toks } = c;
  const reserved = new Uint8Array(toks.length);
  for (const p of c.pending) for (let k = p.nameStart; k < p.t1; k++) reserved[k] = 1;
  const names = new Map<string, Entity | null>();
  /** Lengths of the names: a candidate of another length is not looked up (nor built). */
  const lengths = new Set<number>();
  const put = (key: string, e: Entity): void => {
    const prev = names.get(key);
    lengths.add(key.length);
    if (prev === undefined) names.set(key, e);
    else if (prev && prev.id !== e.id) names.set(key, null);
  };
  for (const e of c.local.values()) {
    if (e.label === 'Person' || e.label === 'Official') continue;
    put(e.name, e);
    // first word of a company name when distinctive: "HieFo" for "HieFo Optoelectronics"
    const space = e.name.indexOf(' ');
    if (e.label === 'Company' && space > 2) {
      const first = e.name.slice(0, space);
      const lower = first.toLowerCase();
      if (!c.L.common.has(lower) && !c.lowerSeen.has(lower) && !matchAt(c.cat, tokenizeCached(first), 0)) put(first, e);
    }
  }
  if (names.size === 0) return;
  for (const r of findRuns(c)) {
    if (anySpan(c, r.t0, r.t1)) continue;
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
        const e = names.get(foldApos(roleText(c, a, b)));
        if (e) {
          addSpan(c, a, b, e, 'coref');
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

function isCopula(c: Ctx, after: number, cues: Set<string>): boolean {
  // "HieFo Optoelectronics is a photonic chip manufacturing company"
  const t = c.toks[after];
  if (!t || (t.lower !== 'is' && t.lower !== 'was')) return false;
  const a = c.toks[after + 1];
  if (!a || (a.lower !== 'a' && a.lower !== 'an' && a.lower !== 'the')) return false;
  for (let k = after + 2; k < Math.min(c.toks.length, after + 8); k++) {
    const w = c.toks[k]!;
    if (w.kind !== 'w' || w.sent !== t.sent) return false;
    if (cues.has(w.lower)) return true;
  }
  return false;
}

function countryFromContext(c: Ctx, t0: number, t1: number, app: ReturnType<typeof appositive>): string | null {
  // "the Chinese company Nuctech", "U.S. company Emcore", "Kilimall, China's … platform"
  for (let k = t0 - 1; k >= Math.max(0, t0 - 4); k--) {
    const sp = spanAt(c, k);
    if (sp) return countryOf(c, sp.entity)?.id ?? null;
    if (c.toks[k]!.sent !== c.toks[t0]!.sent) break;
  }
  if (app?.target) return countryOf(c, app.target)?.id ?? null;
  const after = c.toks[t1];
  if (after?.text === ',') {
    for (let k = t1 + 1; k < Math.min(c.toks.length, t1 + 6); k++) {
      const sp = spanAt(c, k);
      if (sp) return countryOf(c, sp.entity)?.id ?? null;
    }
  }
  return null;
}

/** Register short forms of people (surname, given-name-less forms) and parenthesised acronyms. */
function registerShortForms(c: Ctx): void {
  const { toks } = c;
  for (const sp of c.spans) {
    const e = sp.entity;
    if (e.label === 'Person' || e.label === 'Official') {
      for (let k = sp.t0; k < sp.t1; k++) {
        const t = toks[k]!;
        if (t.kind !== 'w' || !t.cap || t.text.length < 2 || c.L.common.has(t.lower) || c.L.titles.has(t.lower)) continue;
        const prev = c.shortForms.get(t.text);
        if (prev === undefined) c.shortForms.set(t.text, e);
        else if (prev && prev.id !== e.id) c.shortForms.set(t.text, null);
      }
    }
    // "Special Immigration Appeals Commission (SIAC)"
    const open = toks[sp.t1];
    const acr = toks[sp.t1 + 1];
    const close = toks[sp.t1 + 2];
    if (open?.text === '(' && acr && acr.upper && close?.text === ')' && !c.shortForms.has(acr.text)) c.shortForms.set(acr.text, e);
  }
}

/** Recognise the entities of one story's tokens. */
export function recognize(toks: Token[], sents: Sentence[]): Recognition {
  const cat = getCatalog();
  const L = lex(cat);
  const lowerSeen = new Set<string>();
  for (const t of toks) if (t.kind === 'w' && !t.cap) lowerSeen.add(t.lower);
  const c: Ctx = { cat, L, toks, sents, spans: [], at: new Int32Array(toks.length).fill(-1), lowerSeen, local: new Map(), shortForms: new Map(), roleLinks: [], pending: [] };
  gazetteerPass(c);
  // role links for catalogue people: "Russian President Vladimir Putin", "Chinese leader Xi Jinping"
  registerShortForms(c);
  const runs = findRuns(c);
  for (const r of runs) classifyRun(c, r);
  localNamesPass(c);
  for (const p of c.pending) resolvePerson(c, p);
  registerShortForms(c);
  // second pass: runs left unresolved may now be short forms seen elsewhere in the story (none: nothing to find)
  for (const r of c.shortForms.size > 0 ? findRuns(c) : []) {
    let allFree = true;
    for (let k = r.t0; k < r.t1; k++) if (c.at[k]! >= 0) allFree = false;
    if (!allFree) continue;
    for (let k = r.t0; k < r.t1; k++) {
      const t = toks[k]!;
      const sf = t.kind === 'w' ? c.shortForms.get(t.text) : undefined;
      if (sf) addSpan(c, k, k + 1, sf, 'coref');
    }
  }
  // roles around catalogue people
  for (const sp of c.spans) {
    if (sp.how !== 'gaz' || (sp.entity.label !== 'Official' && sp.entity.label !== 'Person')) continue;
    const rb = roleBefore(c, sp.t0) ?? (c.toks[sp.t0 - 1]?.text === ',' ? roleBefore(c, sp.t0 - 1) : null);
    let owner: Entity | null = null;
    let role: { role: string; cls: RoleClass } | null = null;
    if (rb) {
      role = rb;
      owner = roleOwnerLeft(c, rb.start);
    } else {
      // capitalised role right before ("President Joe Biden") is part of an earlier run only when free
      const app = appositive(c, sp.t1);
      if (app && app.role) {
        role = app;
        owner = app.target;
      }
    }
    if (role) c.roleLinks.push({ person: sp.entity, role: role.role, cls: role.cls, target: owner, sent: toks[sp.t0]!.sent });
  }
  c.spans = c.spans.filter((s) => !s.dead);
  // (stable sort; usually the spans are in order already)
  let sorted = true;
  for (let k = 1; k < c.spans.length && sorted; k++) if (c.spans[k - 1]!.t0 > c.spans[k]!.t0) sorted = false;
  if (!sorted) c.spans.sort((a, b) => a.t0 - b.t0);
  c.at.fill(-1);
  c.spans.forEach((s, idx) => {
    for (let k = s.t0; k < s.t1; k++) c.at[k] = idx;
  });
  return { spans: c.spans, roleLinks: c.roleLinks, at: c.at };
}

export { slugify };
