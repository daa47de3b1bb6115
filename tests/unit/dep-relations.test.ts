/**
 * Component "dep-relations" and "references" on stored CoreNLP annotations of short sentences
 * (tests/fixtures/nlp/dep-relations.json, made by the shared CoreNLP 4.5.10 server), so no server is
 * needed: active and passive voice, stakes with the percent in figures or words or "wholly owned",
 * nominal forms, lists, a definite description resolved to an earlier sentence's entity, values — and
 * denials, negations and hedges that assert nothing, whatever the rule triggers matched.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../model/types.js';
import { AnnotationSchema, type Annotation } from '../../nlp/annotation.js';
import { extractStory } from '../../seed/extract/index.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'nlp', 'dep-relations.json');
const cases = new Map<string, Annotation>(
  (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { text: string; annotation: unknown }[]).map((c) => [c.text, AnnotationSchema.parse(c.annotation)]),
);

function facts(text: string): string[] {
  const annotation = cases.get(text);
  if (!annotation) throw new Error(`no stored annotation for "${text}"`);
  const story: Story = { id: 'story:dep', title: 't', body: text, outlet: null, published: null, url: null, pages: [], layout: 'json' };
  const ex = extractStory(story, annotation);
  for (const f of ex.facts) expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.quote);
  return ex.facts.map((f) => `${f.type} ${f.from} -> ${f.to}${Object.keys(f.props).length ? ' ' + JSON.stringify(f.props) : ''}`).sort();
}

describe('relations read off the dependency parse', () => {
  it('stakes: a percent in figures or words, wholly owned, passive voice, a subsidiary', () => {
    expect(facts('Huawei holds a 24.9% stake in Gazprom.')).toEqual(['OWNS_STAKE company:huawei -> company:gazprom {"percent":24.9}']);
    expect(facts('Gazprom is wholly owned by Russia.')).toEqual(['OWNS_STAKE country:RUS -> company:gazprom {"percent":100}']);
    expect(facts('Russia owns fifty-one percent of Gazprom.')).toEqual(['OWNS_STAKE country:RUS -> company:gazprom {"percent":51}']);
    expect(facts('Gazprom is a wholly owned subsidiary of Huawei.')).toEqual(['OWNS_STAKE company:huawei -> company:gazprom {"percent":100}']);
  });

  it('a definite description refers to the earlier entity ("the Chinese company" → Huawei)', () => {
    // the nationality on the description places the company too (component "org-countries")
    expect(facts('Huawei reported a loss. The Chinese company said it holds 20 percent of Tesla.')).toEqual(['LOCATED_IN company:huawei -> country:CHN', 'OWNS_STAKE company:huawei -> company:tesla {"percent":20}']);
  });

  it('passive agents, Entity List additions, lists, nominal acquisitions, supply with its item, aid as support', () => {
    expect(facts('Huawei was sanctioned by the United States.')).toEqual(['SANCTIONS country:USA -> company:huawei']);
    expect(facts('The Commerce Department added Huawei to its Entity List.')).toEqual(['SANCTIONS org:us-commerce-department -> company:huawei']);
    expect(facts('Germany, France and Italy sanctioned Iran.')).toEqual(['SANCTIONS country:DEU -> country:IRN', 'SANCTIONS country:FRA -> country:IRN', 'SANCTIONS country:ITA -> country:IRN']);
    expect(facts('The acquisition of Huawei by Tesla was completed in May.')).toEqual(['ACQUIRED company:tesla -> company:huawei']);
    expect(facts('Iran has sent ballistic missiles to Russia, the United States said.')).toEqual(['SUPPLIES country:IRN -> country:RUS {"item":"ballistic missiles"}']);
    expect(facts('China has provided military aid to Russia.')).toEqual(['SUPPORTS country:CHN -> country:RUS {"aid":"military aid"}']);
    expect(facts('Huawei plans to invest $2 billion in Germany.')).toEqual(['INVESTS_IN company:huawei -> country:DEU {"value":2000000000,"currency":"USD"}']);
  });

  it('LOCATED_IN where the text says it', () => {
    expect(facts('Chinese engineers work at the port of Chancay in Peru.')).toEqual(['LOCATED_IN place:chancay -> country:PER']);
    expect(facts('Huawei is a Shenzhen-based company.')).toEqual(['LOCATED_IN company:huawei -> place:shenzhen']);
  });

  it('places and organisations in the country the story names or the wording makes plain', () => {
    // a catalogue city in a named country; a capital only where it is used as a location, not as a government
    expect(facts('Talks were held in Hamburg and Berlin. Germany agreed. Beijing said China would respond.')).toEqual(['LOCATED_IN place:berlin -> country:DEU', 'LOCATED_IN place:hamburg -> country:DEU']);
    expect(facts('The Chinese group Huawei runs the mine.')).toEqual(['LOCATED_IN company:huawei -> country:CHN']);
  });

  it('an official whose title names no owner serves the country the story names', () => {
    expect(facts('Chancellor Olaf Scholz spoke in Germany.')).toEqual(['LEADS official:olaf-scholz -> country:DEU {"role":"Chancellor"}']);
  });

  it('accusations: attributing an act to an actor, claiming an actor attacked', () => {
    expect(facts('The FBI attributed the theft to North Korea.')).toEqual(['ACCUSES org:federal-bureau-of-investigation -> country:PRK']);
    expect(facts('The Czech Republic said APT28 had targeted its institutions.')).toEqual(['ACCUSES country:CZE -> org:apt28']);
  });

  it('denials, negations and hedges assert nothing', () => {
    expect(facts('Huawei denied owning a stake in Gazprom.')).toEqual([]);
    expect(facts('Huawei has no stake in Gazprom.')).toEqual([]);
    expect(facts('Huawei agreed to buy Gazprom.')).toEqual([]);
    expect(facts('China said it would not sanction Tesla.')).toEqual([]);
  });
});
