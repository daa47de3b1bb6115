/**
 * The catalogue: countries from world-countries plus the curated JSON files in seed/catalog/, compiled
 * once (lazily) into a token trie gazetteer. Lookups walk lowercased tokens, so matching is linear in
 * the text and independent of the number of entries.
 */
import worldCountriesData, { type Country as WorldCountry } from 'world-countries';
import type { Entity } from '../../model/types.js';
import { ID_PREFIX, type EntityLabel } from '../../model/graph-model.js';
import { loadCatalogFile } from './data/read.js';
import { catalogEntries, countryAliasesFile, lexiconFile, placesFile, type CatalogEntry, type Lexicon } from './data/schemas.js';
import { outletDictionary } from './data/outlets.js';
import { slugify, tokenize, type Token } from './text.js';
import { trieInsert, trieNode, type TrieNode } from './trie.js';

const worldCountries = worldCountriesData as unknown as WorldCountry[];

export type { Lexicon } from './data/schemas.js';
export type RoleClass = 'head' | 'gov' | 'corp' | 'other';

/** One surface form of an entity, tokenised. */
export interface Alias {
  entity: number;
  tokens: { text: string; cap: boolean; upper: boolean }[];
  /** Surface must match exactly (US, Chad). */
  exact: boolean;
  /** Only counts when not glued to a neighbouring capitalised word (Jordan, Georgia). */
  ambiguous: boolean;
  /** A demonym / adjective form (Chinese, American). */
  demonym: boolean;
}

/** A role-phrase trie node: the class of the role phrase ending here. */
export type RoleNode = TrieNode<RoleClass>;

export interface GazMatch {
  t0: number;
  t1: number;
  alias: Alias;
  entity: Entity;
}

export interface Catalog {
  entities: Entity[];
  byId: Map<string, Entity>;
  aliases: Alias[];
  /** Alias indexes by their lowercased tokens. */
  root: TrieNode<number[]>;
  /**
   * First words (lowercased) of the few aliases whose first token is neither capitalised nor all caps
   * ("the Kremlin", "von der Leyen"). A lowercase token that is not one of them cannot start a match.
   */
  lowerStarts: Set<string>;
  lexicon: Lexicon;
  /** ISO alpha-3 → country entity. */
  countryByIso3: Map<string, Entity>;
  /** Role phrases (lowercase, space-joined) → class. */
  roleClass: Map<string, RoleClass>;
  maxRoleLen: number;
  /** Role phrases as token tries, read forwards and backwards (no string building while scanning). */
  roleFwd: RoleNode;
  roleRev: RoleNode;
}

/** Memo of ids per label and surface: the same names recur across stories, and slugify is costly. */
const idMemo = new Map<EntityLabel, Map<string, string>>();
const ID_MEMO_MAX = 100_000;

export function entityId(label: EntityLabel, name: string): string {
  let memo = idMemo.get(label);
  if (!memo) idMemo.set(label, (memo = new Map()));
  let id = memo.get(name);
  if (id === undefined) {
    id = `${ID_PREFIX[label]}:${slugify(name)}`;
    if (memo.size >= ID_MEMO_MAX) memo.clear();
    memo.set(name, id);
  }
  return id;
}

function buildCatalog(): Catalog {
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  const aliases: Alias[] = [];
  const root = trieNode<number[]>();
  const lowerStarts = new Set<string>();
  const countryFile = loadCatalogFile('country-aliases.json', countryAliasesFile);
  const lexicon: Lexicon = loadCatalogFile('lexicon.json', lexiconFile);
  const exactSet = new Set(countryFile.caseSensitive);
  const ambiguousSet = new Set(countryFile.ambiguous);
  const notAlias = new Set(countryFile.notAlias);
  const countryByIso3 = new Map<string, Entity>();

  const addAlias = (entityIdx: number, surface: string, demonym = false): void => {
    const s = surface.trim();
    if (!s || notAlias.has(s)) return;
    const toks = tokenize(s);
    if (toks.length === 0) return;
    const alias: Alias = {
      entity: entityIdx,
      tokens: toks.map((t) => ({ text: t.text.replace(/\u2019/g, "'"), cap: t.cap, upper: t.upper })),
      exact: exactSet.has(s),
      ambiguous: ambiguousSet.has(s),
      demonym,
    };
    const node = trieInsert(root, toks.map((t) => t.lower));
    const here = (node.value ??= []);
    // one alias per (entity, surface)
    for (const a of here) {
      const other = aliases[a]!;
      if (other.entity === entityIdx && other.tokens.map((x) => x.text).join(' ') === alias.tokens.map((x) => x.text).join(' ')) return;
    }
    here.push(aliases.length);
    aliases.push(alias);
    if (!toks[0]!.cap && !toks[0]!.upper) lowerStarts.add(toks[0]!.lower);
  };

  const addEntity = (e: Entity, surfaces: string[], demonyms: string[] = []): number => {
    const existing = byId.get(e.id);
    let idx: number;
    if (existing) {
      idx = entities.indexOf(existing);
      for (const a of [...surfaces, ...demonyms]) if (a !== existing.name && !existing.aliases.includes(a)) existing.aliases.push(a);
    } else {
      idx = entities.length;
      entities.push(e);
      byId.set(e.id, e);
    }
    addAlias(idx, e.name);
    for (const s of surfaces) addAlias(idx, s);
    for (const d of demonyms) addAlias(idx, d, true);
    return idx;
  };

  // Countries: sovereign states + included territories.
  const include = new Set(countryFile.include);
  const exclude = new Set(countryFile.exclude);
  for (const c of worldCountries) {
    if (exclude.has(c.cca3)) continue;
    if (!(c.independent || c.unMember || include.has(c.cca3))) continue;
    const surfaces = new Set<string>([c.name.common, c.name.official]);
    for (const a of c.altSpellings) {
      // skip 2-letter codes (CN, GB) and non-Latin spellings; curated short forms live in country-aliases.json
      if (a.length <= 2 || a.includes(',') || /[^\u0000-\u024f]/.test(a)) continue;
      surfaces.add(a);
    }
    for (const a of countryFile.aliases[c.cca3] ?? []) surfaces.add(a);
    const demonyms = new Set<string>();
    const dm = c.demonyms?.eng;
    if (dm) {
      demonyms.add(dm.m);
      demonyms.add(dm.f);
    }
    for (const d of countryFile.demonyms[c.cca3] ?? []) demonyms.add(d);
    const ent: Entity = {
      id: `${ID_PREFIX.Country}:${c.cca3}`,
      label: 'Country',
      name: c.name.common,
      aliases: [...surfaces, ...demonyms].filter((a) => a !== c.name.common),
      props: { iso2: c.cca2, iso3: c.cca3, lat: c.latlng[0] ?? null, lng: c.latlng[1] ?? null, official: c.name.official },
      confidence: 1,
      source: 'countries',
    };
    addEntity(ent, [...surfaces], [...demonyms]);
    countryByIso3.set(c.cca3, ent);
  }

  const countryRef = (iso?: string): string | null => (iso && countryByIso3.has(iso) ? `country:${iso}` : null);

  const fromRaw = (label: EntityLabel, r: CatalogEntry): void => {
    const props: Entity['props'] = {};
    if (r.role) props.role = r.role;
    if (r.kind) props.kind = r.kind;
    if (r.ownership) props.ownership = r.ownership;
    if (r.org) props.org = entityId('Organization', r.org);
    if (label !== 'Person') props.country = countryRef(r.country);
    const e: Entity = {
      id: r.id ?? entityId(label, r.name),
      label,
      name: r.name,
      aliases: [...(r.aliases ?? [])],
      props,
      confidence: 1,
      source: 'catalog',
    };
    addEntity(e, r.aliases ?? []);
  };

  for (const r of loadCatalogFile('officials.json', catalogEntries)) fromRaw('Official', r);
  for (const r of loadCatalogFile('people.json', catalogEntries)) fromRaw('Person', r);
  for (const r of loadCatalogFile('companies.json', catalogEntries)) fromRaw('Company', r);
  for (const r of loadCatalogFile('organizations.json', catalogEntries)) fromRaw('Organization', r);
  for (const o of outletDictionary().outlets) {
    if (o.entity === false) continue;
    fromRaw('Outlet', { name: o.name, aliases: o.aliases, country: o.country, ownership: o.ownership ?? 'unknown' });
  }

  const places = loadCatalogFile('places.json', placesFile);
  for (const r of places.entries) fromRaw('Place', r);
  for (const [kind, group] of Object.entries(places)) {
    if (kind === 'entries' || kind.startsWith('$') || Array.isArray(group) || typeof group !== 'object') continue;
    for (const [iso, names] of Object.entries(group)) {
      for (const n of names) fromRaw('Place', { name: n, kind, country: iso === 'NONE' ? undefined : iso });
    }
  }
  // capitals from world-countries
  for (const c of worldCountries) {
    if (!countryByIso3.has(c.cca3)) continue;
    for (const cap of c.capital ?? []) {
      const name = cap.replace(/\s+D\.C\.$/, '');
      const id = entityId('Place', name);
      if (byId.has(id)) continue;
      fromRaw('Place', { name, kind: 'city', country: c.cca3 });
    }
  }

  const roleClass = new Map<string, RoleClass>();
  let maxRoleLen = 1;
  for (const cls of ['other', 'corp', 'gov', 'head'] as const) {
    for (const r of lexicon.roles[cls]) {
      roleClass.set(r, cls);
      maxRoleLen = Math.max(maxRoleLen, r.split(' ').length);
    }
  }
  const roleFwd = trieNode<RoleClass>();
  const roleRev = trieNode<RoleClass>();
  for (const [phrase, cls] of roleClass) {
    const words = tokenize(phrase).map((t) => t.lower);
    trieInsert(roleFwd, words).value = cls;
    trieInsert(roleRev, [...words].reverse()).value = cls;
    maxRoleLen = Math.max(maxRoleLen, words.length);
  }
  return { entities, byId, aliases, root, lowerStarts, lexicon, countryByIso3, roleClass, maxRoleLen, roleFwd, roleRev };
}

let cached: Catalog | null = null;
/** The compiled catalogue (built on first use). */
export function getCatalog(): Catalog {
  if (!cached) cached = buildCatalog();
  return cached;
}

function caseOk(a: Alias, toks: Token[], i: number): boolean {
  for (let k = 0; k < a.tokens.length; k++) {
    const at = a.tokens[k]!;
    const t = toks[i + k]!;
    if (a.exact) {
      if ((t.text.indexOf('\u2019') >= 0 ? t.text.replace(/\u2019/g, "'") : t.text) !== at.text) return false;
    } else if (at.upper) {
      if (!t.upper) return false;
    } else if (at.cap) {
      if (!t.cap) return false;
    }
  }
  return true;
}

/** Whether a match may start at this token (cheap test before matchAt: most tokens are lowercase words). */
export function mayStartMatch(cat: Catalog, t: Token): boolean {
  return t.cap || t.upper || cat.lowerStarts.has(t.lower);
}

/**
 * Longest gazetteer match starting at token i (or null). When several entities share the surface,
 * the first registered wins (countries, then officials, people, companies, organisations, outlets, places).
 */
export function matchAt(cat: Catalog, toks: Token[], i: number): GazMatch | null {
  let node: TrieNode<number[]> | undefined = cat.root;
  let best: GazMatch | null = null;
  const sent = toks[i]!.sent;
  for (let j = i; j < toks.length; j++) {
    const t = toks[j]!;
    if (t.sent !== sent) break;
    node = node.next.get(t.lower);
    if (!node) break;
    if (node.value) {
      for (const ai of node.value) {
        const a = cat.aliases[ai]!;
        if (caseOk(a, toks, i)) {
          best = { t0: i, t1: j + 1, alias: a, entity: cat.entities[a.entity]! };
          break;
        }
      }
    }
  }
  return best;
}
