/**
 * The extraction pipeline: the components in the order they run, each filling the shared document
 * (document.ts). Adding a stage (an NLP tagger/parser, a new recogniser) is one component file plus
 * one line here.
 */
import type { Component, Doc } from './document.js';
import { catalogueRoles, people } from './components/roles.js';
import { gazetteer } from './components/gazetteer.js';
import { localNames, shortFormMentions, shortForms } from './components/coreference.js';
import { mentions } from './components/mentions.js';
import { nlpTokens } from './components/nlp-tokens.js';
import { depRelations } from './components/dep-relations.js';
import { officialRoles } from './components/official-roles.js';
import { orgCountries } from './components/org-countries.js';
import { placeCountries } from './components/place-countries.js';
import { references } from './components/references.js';
import { nameRecogniser } from './components/name-recogniser.js';
import { nerNames } from './components/ner-names.js';
import { portfolioTitles } from './components/portfolio-titles.js';
import { describedNames } from './components/described-names.js';
import { lowercaseMinistries } from './components/lowercase-ministries.js';
import { hackingGroups } from './components/hacking-groups.js';
import { nerPeople } from './components/ner-people.js';
import { sharedNames } from './components/shared-names.js';
import { relations, relationsWithout } from './components/relations.js';
import { getDepPatterns } from './relations/dep-graph.js';
import { roleFacts } from './components/role-facts.js';
import { sentences } from './components/sentences.js';
import { values } from './components/values.js';

export const COMPONENTS: readonly Component[] = [
  sentences, // tokens and sentences
  gazetteer, // catalogue names
  shortForms, // parts of catalogue people's names, acronyms
  nameRecogniser, // names not in the catalogue, by rules (people queued)
  localNames, // a recognised name is a name everywhere in the story
  people, // queued people: role, owner, Official or Person
  shortFormMentions, // unclaimed short forms of names seen in the story
  catalogueRoles, // roles around catalogue people
  mentions, // final mention list, in token order
  values, // money, year, percent, item, asset finders
  relations, // LOCATED_IN shapes and trigger patterns → facts
  roleFacts, // roles → LEADS / EMPLOYED_BY
];

/**
 * The NLP extractor's pipeline: the rule stages, with the stages that read CoreNLP's analysis
 * (doc.annotation) in between. Each NLP stage is one component file plus one line here.
 */
export const NLP_COMPONENTS: readonly Component[] = [
  sentences,
  nlpTokens, // CoreNLP's tags, lemmas, NER runs and dependencies over our tokens
  gazetteer,
  sharedNames, // Georgia the US state, which Congo: by the story's words
  shortForms,
  nameRecogniser,
  portfolioTitles, // "<Portfolio> Minister <Name>": the name queued with its title
  describedNames, // "the <Name> mine", "the <Name> party": a lowercase descriptor types a free name
  lowercaseMinistries, // "the foreign ministry", "<Country>'s energy ministry"
  nerNames, // NER names the catalogue and rules missed: split, widened, typed; acronyms
  hackingGroups, // "<Word> Typhoon", "APT41": hacking groups NER left untagged
  localNames,
  people,
  nerPeople, // corporate roles make Persons; a country-less title serves the story's country
  shortFormMentions,
  catalogueRoles,
  mentions,
  values,
  references, // pronouns and definite descriptions → the earlier entity they refer to
  relationsWithout(new Set(getDepPatterns().replacesRules)), // the rule triggers, less the types read off the parse
  depRelations, // dependency-slot patterns and LOCATED_IN read off the parse → facts
  placeCountries, // a catalogue place in a country the story names
  orgCountries, // an organisation's country from a nationality adjective or its own name
  roleFacts,
  officialRoles, // an official's office with no owner in the story: its agency or country
];

/**
 * What the headline is read for: catalogue names only (a headline's Title Case defeats the name rules
 * and NER), so an entity named only in the headline ("Berlin Clears …") is still a mention of the
 * story. Facts come from the body alone, where every quote has its sentence.
 */
export const TITLE_COMPONENTS: readonly Component[] = [sentences, gazetteer, mentions];

/** Run `components` (default: the pipeline) over the document, in order. */
export function runPipeline(doc: Doc, components: readonly Component[] = COMPONENTS): Doc {
  for (const c of components) c.run(doc);
  return doc;
}
