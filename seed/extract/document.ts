/**
 * The document the extraction components share (as a spaCy Doc): the story's text, then whatever each
 * component adds (tokens and sentences, entity mentions, role links, facts). Components run in the
 * order of pipeline.ts; each reads what earlier ones filled and adds its own part.
 *
 * An NLP stage (tagger, NER, parser) plugs in as one more component: it fills the optional token fields
 * (pos, lemma, ner), `nerMentions` and `dependencies`; the rule components read them when present.
 */
import type { Entity, Fact } from '../../model/types.js';
import type { Annotation } from '../../nlp/annotation.js';
import { getCatalog, type Catalog, type RoleClass } from './catalog.js';
import { lex, type Lex } from './lexicon.js';
import type { Sentence, Token } from './text.js';

export type { RoleClass } from './catalog.js';

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

/** A name the recogniser read as a person, resolved once every organisation in the story is known. */
export interface PendingPerson {
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

/** Values stated in a sentence (money, year, percent, item, asset), found on demand. */
export interface SentenceValues {
  money(sent: number): { value: number; currency: string; converted: boolean } | null;
  year(sent: number): number | null;
  /** The percentage nearest to token `near`. */
  percent(sent: number, near: number): number | null;
  /** The item of a trigger [a, b): "export controls on rare earths", "silver export controls". */
  item(sent: number, a: number, b: number): string | null;
  /** What of an entity changed hands: "<country>'s electricity distribution" (afterSpan: the token after the entity). */
  asset(sent: number, afterSpan: number): string | null;
}

/** A named-entity mention from an NLP stage (tokens [t0, t1), its tag). */
export interface NerMention {
  t0: number;
  t1: number;
  tag: string;
}

/** One dependency arc from an NLP stage: token `dep` depends on token `head` (-1: root). */
export interface Dependency {
  head: number;
  dep: number;
  rel: string;
}

export interface Doc {
  readonly storyId: string;
  readonly text: string;
  readonly extractor: { readonly name: string; readonly version: string };
  /** The compiled catalogue and lexicon the rule components read. */
  readonly catalog: Catalog;
  readonly lex: Lex;
  /** CoreNLP's analysis of `text`, when the NLP extractor runs (component "nlp-tokens" lays it over our tokens). */
  readonly annotation?: Annotation;

  /** sentences: tokens with offsets, sentences as token ranges. */
  tokens: Token[];
  sentences: Sentence[];
  /** Words seen in lowercase somewhere in the story (so a capitalised one is probably sentence-initial). */
  lowerSeen: Set<string>;
  /** Filled by an NLP stage, when one runs. */
  nerMentions?: NerMention[];
  dependencies?: Dependency[];
  /** Pronouns and definite descriptions resolved to an earlier entity (token → entity), by component "references". */
  references?: Map<number, Entity>;

  /** Entity mentions, in token order once `mentions` has run. */
  mentions: Span[];
  /** Token index → index in `mentions` (or -1). */
  at: Int32Array;
  /** Entities the recogniser created in this story, by id. */
  recognised: Map<string, Entity>;
  /** Short forms (surname, acronym) → entity, for this story (null: ambiguous). */
  shortForms: Map<string, Entity | null>;
  pendingPeople: PendingPerson[];
  roleLinks: RoleLink[];

  /** Set by the values component. */
  values: SentenceValues | null;
  /** Facts, one per (type, from, to, sentence). */
  facts: Fact[];
  /** Occurrence keys of the facts once there are many (a scan finds duplicates while they are few). */
  factOccurrences: Set<string> | null;
  /** Entities referenced by facts but not mentioned (e.g. the World place). */
  extra: Map<string, Entity>;
}

/** A pipeline component: one job, one name, fills the document in place. */
export interface Component {
  readonly name: string;
  run(doc: Doc): void;
}

export function createDoc(storyId: string, text: string, extractor: { name: string; version: string }, annotation?: Annotation): Doc {
  const catalog = getCatalog();
  return {
    storyId,
    text,
    extractor,
    annotation,
    catalog,
    lex: lex(catalog),
    tokens: [],
    sentences: [],
    lowerSeen: new Set(),
    mentions: [],
    at: new Int32Array(0),
    recognised: new Map(),
    shortForms: new Map(),
    pendingPeople: [],
    roleLinks: [],
    values: null,
    facts: [],
    factOccurrences: null,
    extra: new Map(),
  };
}

/** Mentions per entity: how many, and the sentence of the first (in mention order). */
export function mentionCounts(doc: Doc): Map<string, { count: number; first: number }> {
  const counts = new Map<string, { count: number; first: number }>();
  for (const sp of doc.mentions) {
    const c = counts.get(sp.entity.id);
    if (c) c.count++;
    else counts.set(sp.entity.id, { count: 1, first: doc.tokens[sp.t0]!.sent });
  }
  return counts;
}

/** Entity ids by number of mentions, most first (ties: first mentioned first). */
export function entityRanking(doc: Doc): string[] {
  return [...mentionCounts(doc).entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([id]) => id);
}
