/**
 * The word lists of seed/catalog/lexicon.json compiled into sets and maps for the components (one
 * lookup per token). No component keeps a word list of its own.
 */
import type { EntityLabel } from '../../model/graph-model.js';
import type { Catalog } from './catalog.js';

/** The lexicon compiled into sets and maps, once per catalogue. */
export interface Lex {
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
  politicalHeads: Set<string>;
  nonGovernmentKinds: Set<string>;
  roleModifiers: Set<string>;
  roleModifiersCapitalised: Set<string>;
  appositiveStops: Set<string>;
  appositivePrepositions: Set<string>;
  militaryWords: Set<string>;
  nameIntroducers: Set<string>;
  placeGapWords: Set<string>;
  beForms: Set<string>;
  listWords: Set<string>;
  roleTimeModifiers: Set<string>;
  deputyRoles: Set<string>;
}

/** What a name ending in a head word is. */
export interface HeadKind {
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
/** The compiled lexicon of the catalogue (built on first use). */
export function lex(cat: Catalog): Lex {
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
    politicalHeads: new Set(L.politicalHeads),
    nonGovernmentKinds: new Set(L.nonGovernmentKinds),
    roleModifiers: new Set(L.roleModifiers),
    roleModifiersCapitalised: new Set(L.roleModifiersCapitalised),
    appositiveStops: new Set(L.appositiveStops),
    appositivePrepositions: new Set(L.appositivePrepositions),
    militaryWords: new Set(L.militaryWords),
    nameIntroducers: new Set(L.nameIntroducers),
    placeGapWords: new Set(L.placeGapWords),
    beForms: new Set(L.beForms),
    listWords: new Set(L.listWords),
    roleTimeModifiers: new Set(L.roleTimeModifiers),
    deputyRoles: new Set(L.deputyRoles),
  };
  return lexCache;
}

