/**
 * zod schemas of the catalogue and word-list files in seed/catalog/. Every file is parsed, not cast:
 * an unknown key, a missing field or a value of the wrong type fails the load (see read.ts).
 */
import { z } from 'zod';

const words = z.array(z.string().min(1));
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO alpha-3 country code');
const comment = { $comment: z.string().optional() };

/** One curated entity (officials, people, companies, organisations, places). */
export const catalogEntry = z.strictObject({
  id: z.string().min(1).optional(),
  name: z.string().min(1),
  aliases: words.optional(),
  role: z.string().min(1).optional(),
  country: iso3.optional(),
  org: z.string().min(1).optional(),
  kind: z.string().min(1).optional(),
  ownership: z.enum(['private', 'public', 'state', 'unknown']).optional(),
});
export type CatalogEntry = z.output<typeof catalogEntry>;
export const catalogEntries = z.array(catalogEntry);

/** places.json: entries, plus groups of names per kind and country ("NONE": no single country). */
export const placesFile = z
  .object({ ...comment, entries: catalogEntries })
  .catchall(z.record(z.union([iso3, z.literal('NONE')]), words));

export const countryAliasesFile = z.strictObject({
  ...comment,
  include: z.array(iso3),
  exclude: z.array(iso3),
  aliases: z.record(iso3, words),
  demonyms: z.record(iso3, words),
  caseSensitive: words,
  ambiguous: words,
  notAlias: words,
});
export type CountryAliasFile = z.output<typeof countryAliasesFile>;

/** outlets.json: the one outlet dictionary (gazetteer entities and the names pages use). */
export const outletEntry = catalogEntry.omit({ id: true, role: true, org: true, kind: true }).extend({
  /** The name the page parser writes for this outlet (default: name). */
  pageName: z.string().min(1).optional(),
  /** Short forms pages use in title prefixes, Source lines and datelines. */
  pageForms: words.optional(),
  /** How the outlet appears in a wire dateline "CITY (Agency) -". */
  wireDateline: z.string().min(1).optional(),
  /** false: known to the page parser only, not a gazetteer entity. */
  entity: z.boolean().optional(),
});
export type OutletEntry = z.output<typeof outletEntry>;
export const outletsFile = z.strictObject({ ...comment, outletNameWords: words, outlets: z.array(outletEntry) });

export const lexiconFile = z.strictObject({
  ...comment,
  roles: z.strictObject({ head: words, gov: words, corp: words, other: words }),
  titles: words,
  speechVerbs: words,
  personNouns: words,
  orgHeads: z.record(z.string(), words),
  companyHeads: words,
  outletHeads: words,
  placeHeads: z.record(z.string(), words),
  companyCues: words,
  orgCues: words,
  outletCues: words,
  placeCues: words,
  locPrepositions: words,
  connectors: words,
  givenNames: words,
  surnamePrefixesAsian: words,
  commonCapitalised: words,
  politicalHeads: words,
  nonGovernmentKinds: words,
  roleModifiers: words,
  roleModifiersCapitalised: words,
  appositiveStops: words,
  appositivePrepositions: words,
  militaryWords: words,
  nameIntroducers: words,
  placeGapWords: words,
  beForms: words,
  listWords: words,
  roleTimeModifiers: words,
  deputyRoles: words,
});
export type Lexicon = z.output<typeof lexiconFile>;

export const valuesFile = z.strictObject({
  ...comment,
  multipliers: z.record(z.string(), z.number().positive()),
  currencyWords: z.record(z.string(), z.string().regex(/^[A-Z]{3}$/)),
  currencySymbols: z.record(z.string(), z.string().regex(/^[A-Z]{3}$/)),
  itemStopWords: words,
  itemPrepositions: words,
  itemModifiers: words,
});
export type ValueWords = z.output<typeof valuesFile>;

export const tokenizerFile = z.strictObject({ ...comment, abbreviations: words, abbreviationsMayEnd: words, sentenceStarters: words });

/** ner-words.json: words the NER stage reads to bound and type the names CoreNLP finds (components/ner-names.ts). */
export const nerWordsFile = z.strictObject({
  ...comment,
  /** CoreNLP NER tag → what a run of it is a name of. */
  tags: z.record(z.string(), z.enum(['person', 'org', 'place'])),
  companyHeads: words,
  organizationWords: z.record(z.string(), words),
  hackingGroupHeads: words,
  hackingGroupPattern: z.string().min(1),
  hackingCues: words,
  groupNouns: words,
  selfNaming: words,
  documentHeads: words,
  placeDescriptors: z.record(z.string(), words),
  organizationDescriptors: words,
  companyDescriptors: words,
  corporateRoles: words,
  acronymIntroducers: words,
  businessWords: words,
  notNames: words,
  foreignAnd: words,
  rolePrepositions: words,
  memberRoles: words,
  portfolios: words,
  ministryHeads: words,
  geoHeads: words,
  spokesRoles: words,
  govTitles: words.default([]),
  headVerbs: words.default([]),
  toldVerbs: words,
  legislatureWords: words,
  sharedNames: z.array(
    z.strictObject({
      name: z.string().min(1),
      country: iso3,
      place: z.strictObject({ name: z.string().min(1), kind: z.string().min(1), country: iso3 }),
      countryCues: words,
      placeCues: words,
    }),
  ),
  sharedCountryNames: z.array(z.strictObject({ name: z.string().min(1), countries: z.record(iso3, words) })),
});
export type NerWords = z.output<typeof nerWordsFile>;
