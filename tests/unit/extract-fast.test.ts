/**
 * Cases around the shortcuts taken for speed in seed/extract: each keeps the behaviour of the
 * straightforward version (see bench/extract-speed.ts for the speed itself).
 */
import { describe, expect, it } from 'vitest';
import type { Story } from '../../model/types.js';
import { extractStory } from '../../seed/extract/index.js';
import { entityId, getCatalog, mayStartMatch, matchAt } from '../../seed/extract/catalog.js';
import { findMoney } from '../../seed/extract/components/values.js';
import { slugify, splitSentences, tokenize } from '../../seed/extract/text.js';

function story(body: string, title = 'T'): Story {
  return { id: 'story:0000000000000000', title, body, outlet: null, published: null, url: null, pages: [], layout: 'json' };
}

describe('extract shortcuts', () => {
  it('money words are looked up in maps, not on Object.prototype', () => {
    const toks = tokenize('Trade reached $5 constructor and 7 constructor dollars, then 3 billion dollars.');
    expect(findMoney(toks, 0, toks.length)).toEqual({ value: 5, currency: 'USD', converted: false });
    const only = tokenize('It cost 7 constructor dollars.');
    expect(findMoney(only, 0, only.length)).toBeNull();
  });

  it('memoised ids equal the computed ones', () => {
    for (const name of ['Xi Jinping', 'Joël Robuchon', "Kaviari's", 'AT&T', 'Xi Jinping']) {
      expect(entityId('Person', name)).toBe(`person:${slugify(name)}`);
    }
    expect(entityId('Company', 'Xi Jinping')).toBe('company:xi-jinping');
  });

  it('a lowercase token starts a match only through an alias that starts lowercase', () => {
    const cat = getCatalog();
    const toks = tokenize('the Kremlin said china and China met in the United States');
    splitSentences(toks);
    for (let i = 0; i < toks.length; i++) {
      if (!mayStartMatch(cat, toks[i]!)) expect(matchAt(cat, toks, i)).toBeNull();
    }
    expect(matchAt(cat, toks, 0)?.entity.id).toBeDefined(); // "the Kremlin"
  });

  it('one fact per type, endpoints and sentence, also past many facts', () => {
    const countries = ['China', 'Russia', 'India', 'Brazil', 'Japan', 'Germany', 'France', 'Italy', 'Spain', 'Canada', 'Mexico', 'Chile'];
    const lines: string[] = [];
    for (let i = 0; i < countries.length; i++) {
      for (let j = 0; j < countries.length; j++) {
        if (i !== j) lines.push(`${countries[i]} trades with ${countries[j]}. ${countries[j]} and ${countries[i]} trade.`);
      }
    }
    const x = extractStory(story(lines.join('\n')));
    const keys = x.facts.map((f) => `${f.type}|${f.from}|${f.to}|${f.evidence.start}`);
    expect(x.facts.length).toBeGreaterThan(64);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a name found once is found again, also after other capitalised words', () => {
    const x = extractStory(story('HieFo Optoelectronics is a photonic chip manufacturing company. Officials said HieFo completed the deal. Later HieFo Optoelectronics grew.'));
    const hiefo = x.entities.find((e) => e.name === 'HieFo Optoelectronics');
    expect(hiefo?.label).toBe('Company');
    expect(x.mentions.find((m) => m.entityId === hiefo!.id)?.count).toBe(3);
  });

  it('is deterministic across repeated calls (memos do not leak between stories)', () => {
    const a = story('Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow. Kilimall, a Kenyan company, said so.');
    const first = JSON.stringify(extractStory(a));
    extractStory(story('Kilimall is a Chinese bank. Xi Jinping spoke.'));
    expect(JSON.stringify(extractStory(a))).toBe(first);
  });
});
