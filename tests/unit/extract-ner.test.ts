/**
 * The NLP pipeline's NER stages (components ner-names, ner-people, shared-names) on made-up stories
 * with a hand-written annotation: NER tags per phrase, one sentence per line of the body, no arcs.
 */
import { describe, expect, it } from 'vitest';
import type { Extraction, Story } from '../../model/types.js';
import type { Annotation } from '../../nlp/annotation.js';
import { extractStory } from '../../seed/extract/index.js';

function story(body: string): Story {
  return { id: 'story:00000000000000ee', title: 'NER test', body, outlet: null, published: null, url: null, pages: [], layout: 'json' };
}

/** Tokens by a simple word pattern, sentences by line, NER tags from `tags` (phrase → tag). */
function annotate(body: string, tags: Record<string, string>): Annotation {
  const sentences: Annotation['sentences'] = [];
  let offset = 0;
  for (const line of body.split('\n')) {
    const tokens: Annotation['sentences'][number]['tokens'] = [];
    for (const m of line.matchAll(/[\p{L}\p{N}&]+(?:[-'.][\p{L}\p{N}&]+)*|\S/gu)) {
      const begin = offset + m.index!;
      tokens.push({ begin, end: begin + m[0].length, word: m[0], pos: 'NNP', lemma: m[0].toLowerCase(), ner: 'O' });
    }
    for (const [phrase, tag] of Object.entries(tags)) {
      for (let i = line.indexOf(phrase); i >= 0; i = line.indexOf(phrase, i + 1)) {
        for (const t of tokens) if (t.begin >= offset + i && t.end <= offset + i + phrase.length) t.ner = tag;
      }
    }
    if (tokens.length) sentences.push({ tokens, arcs: [] });
    offset += line.length + 1;
  }
  return { sentences };
}

function run(body: string, tags: Record<string, string>): Extraction {
  return extractStory(story(body), annotate(body, tags));
}
const names = (x: Extraction, label: string): string[] => x.entities.filter((e) => e.label === label).map((e) => e.name).sort();

describe('NER names in the NLP pipeline', () => {
  it('splits a list of companies NER reads as separate names, and types a hacking group', () => {
    const body = ['Hackers from Amber Typhoon broke into the networks of Quellnet, Ostwire and Brightline Technologies last year, officials said.', 'The cyberattack lasted months.'].join('\n');
    const x = run(body, { Quellnet: 'ORGANIZATION', Ostwire: 'ORGANIZATION', 'Brightline Technologies': 'ORGANIZATION' });
    expect(names(x, 'Company')).toEqual(['Brightline Technologies', 'Ostwire', 'Quellnet']);
    expect(names(x, 'Organization')).toContain('Amber Typhoon');
    expect(names(x, 'Person')).toEqual([]);
  });

  it('takes the NER boundary of an unknown company and resolves its acronym; a firm before a corporate role is a Company', () => {
    const body = [
      'The terminal is run by Nordhafen Umschlag und Logistik AG, the port group known as NUL, which is majority-owned by the city.',
      'NUL chief executive Maria Keller said the sale of a stake was fair.',
      'Veltra chief executive Jonas Brandt said the company would invest more.',
    ].join('\n');
    const x = run(body, { 'Nordhafen Umschlag und Logistik AG': 'ORGANIZATION', NUL: 'ORGANIZATION', 'Maria Keller': 'PERSON', 'Jonas Brandt': 'PERSON' });
    const nul = x.entities.find((e) => e.name === 'Nordhafen Umschlag und Logistik AG');
    expect(nul?.label).toBe('Company');
    expect(nul?.aliases).toContain('NUL');
    expect(x.entities.filter((e) => e.name === 'NUL')).toEqual([]);
    expect(names(x, 'Company')).toContain('Veltra');
    expect(names(x, 'Person')).toEqual(['Jonas Brandt', 'Maria Keller']);
    expect(names(x, 'Official')).toEqual([]);
  });

  it('reads Georgia as the US state after "<Town>, Georgia"', () => {
    const body = 'The battery plant near Pooler, Georgia, employs 300 workers from the United States.';
    const x = run(body, { Pooler: 'LOCATION', Georgia: 'STATE_OR_PROVINCE', 'United States': 'COUNTRY' });
    expect(x.entities.find((e) => e.name === 'Georgia')?.label).toBe('Place');
  });

  it('gives "<role> of <Body> <Name>" its role: an Official of the country named before', () => {
    const body = 'Vietnamese Deputy Minister of Industry and Trade Tran Van Long met investors in Hanoi on Tuesday.';
    const x = run(body, { 'Tran Van Long': 'PERSON', Hanoi: 'CITY' });
    expect(names(x, 'Official')).toContain('Tran Van Long');
  });

  it('reads "<Demonym> <Portfolio> Minister <Name>" as an Official, and a lowercase ministry as an Organization', () => {
    const body = ['Canadian Industry Minister Jean-Marc Tremblay approved the deal on Friday.', "Canada's trade ministry said the review was complete."].join('\n');
    const x = run(body, {});
    expect(names(x, 'Official')).toContain('Jean-Marc Tremblay');
    expect(x.entities.find((e) => e.label === 'Organization' && /trade ministry/i.test(e.name))).toBeDefined();
  });

  it('splits a title off a queued name: Commerce Minister, Treasurer; a head of a government body is an Official', () => {
    const body = [
      'Velorian Commerce Minister Arto Kessel said the talks would resume.',
      'Treasurer Mila Durand approved the purchase on Monday.',
      'Those designated include Tomas Rivon, who heads the command, officials said.',
    ].join('\n');
    const x = run(body, { 'Arto Kessel': 'PERSON', 'Mila Durand': 'PERSON', 'Tomas Rivon': 'PERSON' });
    expect(names(x, 'Official')).toEqual(['Arto Kessel', 'Mila Durand', 'Tomas Rivon']);
    expect(names(x, 'Person')).toEqual([]);
  });

  it('reads an organisation by the head noun of its appositive, and a name listed with a company as a company', () => {
    const body = ['Prices rose, according to Statvel, the bloc\'s statistics office.', 'Nordwind Energy and QX Brennan signed the deal.'].join('\n');
    const ann = annotate(body, { Statvel: 'ORGANIZATION', 'Nordwind Energy': 'ORGANIZATION', 'QX Brennan': 'PERSON' });
    for (const s of ann.sentences) for (const t of s.tokens) if (/^[a-z]/.test(t.word)) t.pos = t.word.endsWith('s') ? 'NNS' : 'NN';
    for (const s of ann.sentences) for (const t of s.tokens) if (t.word === 'the' || t.word === 'a') t.pos = 'DT';
    const x = extractStory(story(body), ann);
    expect(names(x, 'Organization')).toContain('Statvel');
    expect(names(x, 'Company')).toEqual(['Nordwind Energy', 'QX Brennan']);
  });
});
