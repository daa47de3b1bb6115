/**
 * The word lists of seed/catalog/ner-words.json compiled into sets, read by the NER components
 * (components/ner-names.ts, components/ner-people.ts). Loaded once, on first use.
 */
import { loadCatalogFile } from './data/read.js';
import { nerWordsFile, type NerWords } from './data/schemas.js';
import { tokenize } from './text.js';

export interface NerLex {
  tags: Map<string, 'person' | 'org' | 'place'>;
  companyHeads: Set<string>;
  /** Word → organisation kind. */
  organizationWords: Map<string, string>;
  foreignAnd: Set<string>;
  rolePrepositions: Set<string>;
  memberRoles: Set<string>;
  portfolios: Set<string>;
  ministryHeads: Set<string>;
  geoHeads: Set<string>;
  spokesRoles: Set<string>;
  /** Titles of public office beyond the lexicon's roles ("Treasurer", "Commissioner"), read before a name: word lists. */
  govTitles: string[][];
  /** "<Name>, who heads the <body>": verbs of heading a body. */
  headVerbs: Set<string>;
  toldVerbs: Set<string>;
  legislatureWords: Set<string>;
  sharedNames: NerWords['sharedNames'];
  sharedCountryNames: NerWords['sharedCountryNames'];
  hackingGroupHeads: Set<string>;
  hackingGroupPattern: RegExp;
  hackingCues: Set<string>;
  groupNouns: Set<string>;
  selfNaming: Set<string>;
  documentHeads: Set<string>;
  /** Lowercase descriptor phrase after a name ("container terminal" → terminal) → place kind. */
  placeDescriptors: Map<string, string>;
  organizationDescriptors: Set<string>;
  companyDescriptors: Set<string>;
  corporateRoles: Set<string>;
  acronymIntroducers: string[][];
  businessWords: Set<string>;
  notNames: Set<string>;
}

let cache: NerLex | null = null;

export function nerLex(): NerLex {
  if (cache) return cache;
  const f = loadCatalogFile('ner-words.json', nerWordsFile);
  const placeDescriptors = new Map<string, string>();
  for (const [kind, ws] of Object.entries(f.placeDescriptors)) for (const w of ws) placeDescriptors.set(w, kind);
  cache = {
    tags: new Map(Object.entries(f.tags)),
    companyHeads: new Set(f.companyHeads),
    organizationWords: new Map(Object.entries(f.organizationWords).flatMap(([kind, ws]) => ws.map((w) => [w, kind] as [string, string]))),
    foreignAnd: new Set(f.foreignAnd),
    rolePrepositions: new Set(f.rolePrepositions),
    memberRoles: new Set(f.memberRoles),
    portfolios: new Set(f.portfolios),
    ministryHeads: new Set(f.ministryHeads),
    geoHeads: new Set(f.geoHeads),
    spokesRoles: new Set(f.spokesRoles),
    headVerbs: new Set(f.headVerbs),
    govTitles: f.govTitles.map((p) => tokenize(p).map((t) => t.lower)),
    toldVerbs: new Set(f.toldVerbs),
    legislatureWords: new Set(f.legislatureWords),
    sharedNames: f.sharedNames,
    sharedCountryNames: f.sharedCountryNames,
    hackingGroupHeads: new Set(f.hackingGroupHeads),
    hackingGroupPattern: new RegExp(f.hackingGroupPattern),
    hackingCues: new Set(f.hackingCues),
    groupNouns: new Set(f.groupNouns),
    selfNaming: new Set(f.selfNaming),
    documentHeads: new Set(f.documentHeads),
    placeDescriptors,
    organizationDescriptors: new Set(f.organizationDescriptors),
    companyDescriptors: new Set(f.companyDescriptors),
    corporateRoles: new Set(f.corporateRoles),
    acronymIntroducers: f.acronymIntroducers.map((p) => p.split(' ')),
    businessWords: new Set(f.businessWords),
    notNames: new Set(f.notNames),
  };
  return cache;
}
