import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StorySchema, type Story } from '../../model/types.js';
import { detectLayout, listCorpusFiles, mergeStories, parsePage, readCorpus, storyId } from '../../seed/parse/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = path.join(ROOT, 'seed/data');
const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');

const P0 = '000_4ac68685e0fd86c7.txt';
const P1 = '001_1eb645631e89ee3f.txt';
const P2 = '002_9d7f80d51e4d9a01.txt';
const P3 = '003_00ca51bd3cdac06e.txt';

function page(name: string, dir = DATA): Story[] {
  return parsePage(name, readFileSync(path.join(dir, name), 'utf8'));
}

function byTitle(stories: Story[], start: string): Story {
  const s = stories.find((x) => x.title.startsWith(start));
  if (!s) throw new Error(`no story titled "${start}…" in: ${stories.map((x) => x.title).join(' | ')}`);
  return s;
}

const FURNITURE = /^(skip to content|newswire|scroll to top|important takeaways:?|read the original article.*|.* - \d+\. page|source:.*|by .*)$/i;

describe('layout detection (from the text, not the file name)', () => {
  it('recognises the layout of each sample page', () => {
    const layouts = [P0, P1, P2, P3].map((n) => detectLayout(readFileSync(path.join(DATA, n), 'utf8')));
    expect(layouts).toEqual(['source-line', 'source-line', 'takeaways', 'newswire']);
  });

  it('does not look at the file name', () => {
    const text = readFileSync(path.join(DATA, P3), 'utf8');
    expect(parsePage('renamed-000.txt', text).every((s) => s.layout === 'newswire')).toBe(true);
  });

  it('falls back to generic when no layout marker is present', () => {
    expect(detectLayout('Just a headline\n\nAnd one paragraph of text that says something.')).toBe('generic');
  });
});

describe('the sample corpus', () => {
  it('yields exactly 31 stories, 5 of them on two pages', async () => {
    const { stories, errors } = await readCorpus(await listCorpusFiles(DATA));
    expect(errors).toEqual([]);
    expect(stories).toHaveLength(31);
    const repeated = stories.filter((s) => s.pages.length === 2);
    expect(repeated).toHaveLength(5);
    for (const s of repeated) expect(s.pages).toEqual([P0, P1]);
    expect(new Set(stories.map((s) => s.id)).size).toBe(31);
  });

  it('has 36 story blocks before merging (8 + 8 + 10 + 10)', () => {
    expect([P0, P1, P2, P3].map((n) => page(n).length)).toEqual([8, 8, 10, 10]);
  });

  it('gives valid Story values and no furniture titles or lines', async () => {
    const { stories } = await readCorpus(await listCorpusFiles(DATA));
    for (const s of stories) {
      expect(StorySchema.safeParse(s).success).toBe(true);
      expect(s.title).not.toMatch(FURNITURE);
      expect(s.id).toMatch(/^story:[0-9a-f]{16}$/);
      expect(s.id).toBe(storyId(s.title, s.body));
      expect(s.body.length).toBeGreaterThan(200);
      expect(s.body).not.toMatch(/Read the original article|Read More »|Scroll to Top|Skip to content|^Source:|Important Takeaways/m);
    }
  });

  it('lists the corpus files sorted', async () => {
    const files = await listCorpusFiles(DATA);
    expect(files.map((f) => path.basename(f))).toEqual([P0, P1, P2, P3]);
  });
});

describe("layout 'source-line' (pages 000, 001)", () => {
  const p0 = page(P0);
  const p1 = page(P1);

  it('reads outlet, date and url from the Source lines', () => {
    const caviar = byTitle(p0, 'China Becomes World’s Leading Caviar Exporter');
    expect(caviar).toMatchObject({
      outlet: 'Radio France International',
      published: '2026-01-02',
      url: 'https://rfi.my/CJgd',
      layout: 'source-line',
      pages: [P0],
    });
    expect(caviar.body.startsWith('Chinese-produced caviar is making significant inroads')).toBe(true);
    expect(caviar.body.endsWith('now concentrated in Chinese facilities.')).toBe(true);
    expect(caviar.body.split('\n\n')).toHaveLength(6);

    expect(byTitle(p0, 'Guangxi Accelerates AI Integration')).toMatchObject({
      outlet: 'People’s Daily',
      published: '2025-12-27',
      url: 'http://gx.people.com.cn/n2/2025/1227/c179464-41455803.html',
    });
    expect(byTitle(p1, 'Trump Issues Executive Order')).toMatchObject({
      outlet: 'Guancha',
      published: '2026-01-03',
      url: 'https://www.toutiao.com/article/7590933838105248282',
    });
    expect(byTitle(p1, 'China’s Railway Investment Reaches Record High')).toMatchObject({
      outlet: 'Central News Agency (Taiwan)',
      published: '2026-01-04',
    });
  });

  it('strips an outlet prefix from the title and maps the abbreviation', () => {
    const ltn = byTitle(p0, 'Russia Suspected of Developing A Space Weapon');
    expect(ltn.title).toBe('Russia Suspected of Developing A Space Weapon Aiming Starlink Satellites');
    expect(ltn.outlet).toBe('Liberty Times Net');
    expect(ltn.published).toBe('2025-12-22');
    const cna = byTitle(p0, 'Porsche Sales in China Plummeted');
    expect(cna.title).toBe('Porsche Sales in China Plummeted');
    expect(cna.outlet).toBe('Central News Agency');
    expect(cna.url).toBe('https://www.cna.com.tw/news/acn/202512260226.aspx');
  });

  it('keeps a colon that is not an outlet prefix', () => {
    expect(byTitle(p0, 'Leaked Report: CCP Shifts').outlet).toBe('Epoch Times');
    expect(byTitle(p1, 'Chinese Media: The American “Kill Line”').outlet).toBe('Guancha');
  });

  it('gives a story repeated on both pages the same id', () => {
    const a = byTitle(p0, 'Audio Reveals Alleged PLA Effort');
    const b = byTitle(p1, 'Audio Reveals Alleged PLA Effort');
    expect(a.id).toBe(b.id);
    const merged = mergeStories([...p0, ...p1]);
    expect(merged).toHaveLength(11);
    expect(merged.find((s) => s.id === a.id)?.pages).toEqual([P0, P1]);
  });
});

describe("layout 'takeaways' (page 002)", () => {
  const p2 = page(P2);

  it('finds the ten stories with their titles', () => {
    expect(p2.map((s) => s.title)).toEqual([
      'China deepens regional foothold in Latin America',
      'Chinese President Xi calls for military to prepare for War',
      'National Security Analyst says ‘China is dead set on retaking Taiwan’ possibly before the end of 2024',
      'A big move: US troops to be permanently stationed in Taiwan',
      'Gordon Chang sounds the alarm of China’s increased preparations',
      'Xi concentrates power, promotes Loyalty over Experience',
      'Soros speaks out in DAVOS ‘Ukraine invasion could be the start of WWIII’',
      'Putin and Xi cement partnership in face of Western pressure',
      'U.S. envoy Sullivan to meet China’s top diplomat Yang amid Taiwan tensions',
      'China, U.S. can coexist in peace but challenge is enormous – White House',
    ]);
    for (const s of p2) expect(s).toMatchObject({ layout: 'takeaways', published: null, url: null });
  });

  it('keeps bullets as one sentence per line and drops caption, verse and furniture', () => {
    const latam = byTitle(p2, 'China deepens regional foothold');
    expect(latam.outlet).toBeNull();
    const lines = latam.body.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^The new Chinese-controlled port in Peru is part of/);
    expect(latam.body).not.toContain('Chinese controlled port in Peru\n');
    expect(latam.body).not.toContain('•');

    const chang = byTitle(p2, 'Gordon Chang sounds the alarm');
    expect(chang.body).not.toContain('Revelations 6:3-4');
    expect(chang.body.split('\n')[0]).toBe('China’s War Warnings.');
    expect(chang.body).toContain('He is mobilizing the civilian population for war.');

    const troops = byTitle(p2, 'A big move');
    expect(troops.body).not.toContain('US-Troops-in-Taiwan');
  });

  it('reads Reuters wire stories: outlet Reuters, no byline, no credit trailer', () => {
    const putin = byTitle(p2, 'Putin and Xi cement partnership');
    expect(putin.outlet).toBe('Reuters');
    expect(putin.body.startsWith('MOSCOW (Reuters) -Russia and China should stand firm')).toBe(true);
    expect(putin.body).not.toContain('By Anastasia Lyrchikova');
    expect(putin.body).not.toContain('Editing by');
    expect(putin.body).toContain('150 million doses.');

    const sullivan = byTitle(p2, 'U.S. envoy Sullivan');
    expect(sullivan.outlet).toBe('Reuters');
    expect(sullivan.body).not.toContain('(Reporting by');

    const coexist = byTitle(p2, 'China, U.S. can coexist');
    expect(coexist.outlet).toBe('Reuters');
    expect(coexist.body).not.toContain('By David Brunnstrom');
    expect(coexist.body).toContain('He criticized China’s approach to U.S. ally Australia.');
  });
});

describe("layout 'newswire' (page 003)", () => {
  const p3 = page(P3);

  it('takes the title from the line that begins each story', () => {
    expect(p3).toHaveLength(10);
    expect(p3[0]?.title).toBe('China-Russia trade relations reach record highs amid US sanctions');
    expect(p3[9]?.title).toBe('Chinese National with Ties to British Prince Suspected of Espionage');
    expect(byTitle(p3, 'New wave of mass protests in Serbia').title).toBe(
      'New wave of mass protests in Serbia – students demand release of documents on train station restored by Chinese companies',
    );
    for (const s of p3) expect(s).toMatchObject({ layout: 'newswire', outlet: null, published: null, url: null });
  });

  it('ends each body before the Read More line', () => {
    const hk = byTitle(p3, 'Biden extends sanctions on Hong Kong officials');
    expect(hk.body.startsWith('US President Joe Biden has signed legislation')).toBe(true);
    expect(hk.body.endsWith('it deems unfavorable.')).toBe(true);
    const last = byTitle(p3, 'Chinese National with Ties');
    expect(last.body.endsWith('between China and the UK.”')).toBe(true);
  });
});

describe('synthetic pages (made-up stories in each layout)', () => {
  it("'source-line': prefixes, several outlets, missing dates, other date forms, URL on the Source line", () => {
    const text = readFileSync(path.join(FIXTURES, 'source-line-synthetic.txt'), 'utf8');
    expect(detectLayout(text)).toBe('source-line');
    const s = parsePage('sl.txt', text);
    expect(s.map((x) => x.title)).toEqual([
      'Harbour Authority in Valdoria Signs Lease With State Shipping Group',
      'Drone Maker Opens Assembly Plant in Northern Province',
      'Analysis: Why Grain Prices Matter for the Island Economy',
      'Coast Guard Reports Record Number of Incursions',
      'Mining Consortium Wins Lithium Concession',
    ]);
    expect(s[0]).toMatchObject({ outlet: 'Valdoria Herald', published: '2025-03-03', url: 'https://example.org/valdoria/port-lease' });
    expect(s[1]).toMatchObject({ outlet: 'South China Morning Post', published: null, url: 'https://example.org/scmp/drone-plant' });
    expect(s[2]).toMatchObject({ outlet: 'Reuters', published: '2026-01-05', url: 'https://example.org/grain' });
    // no outlet on the Source line: the title prefix gives it
    expect(s[3]).toMatchObject({ outlet: 'Central News Agency', published: '2025-02-14', url: 'https://example.org/cna/coast-guard' });
    expect(s[4]).toMatchObject({ outlet: 'Mining Weekly', published: null, url: null });
    expect(s.some((x) => x.title === 'Briefings')).toBe(false);
  });

  it("'takeaways': captions, verse, bylines, date-only datelines, AP, stories without a closing line", () => {
    const text = readFileSync(path.join(FIXTURES, 'takeaways-synthetic.txt'), 'utf8');
    expect(detectLayout(text)).toBe('takeaways');
    const s = parsePage('tk.txt', text);
    expect(s.map((x) => [x.title, x.outlet])).toEqual([
      ['Border talks resume between Arlenia and Covaria', null],
      ['Frigate exercise near the Straits raises concern', null],
      ['Prophet warns of coming famine', null],
      ['Mining firm halts exports after protests', 'Reuters'],
      ['Rail link to open next year, ministry says', 'Reuters'],
      ['Envoy visits capital amid trade dispute', null],
      ['Fishing fleet detained off the coast', null],
      ['Senators press for chip export limits', 'Associated Press'],
    ]);
    // a bullet without a full stop becomes a sentence
    expect(s[0]?.body.split('\n')[0]).toBe('Negotiators from Arlenia and Covaria met in Geneva for the first time in two years.');
    expect(s[1]?.body).not.toContain('Navy-frigate-at-sea');
    expect(s[2]?.body).not.toContain('Joel 1:10');
    expect(s[3]?.body).not.toContain('Jane Doe and John Roe');
    expect(s[5]?.body).toBe('The envoy met the foreign minister for three hours.\nNo joint statement was issued.');
  });

  it("'newswire': unknown header, cut-short Read More titles, nbsp blank lines, subheads", () => {
    const text = readFileSync(path.join(FIXTURES, 'newswire-synthetic.txt'), 'utf8');
    expect(detectLayout(text)).toBe('newswire');
    const s = parsePage('nw.txt', text);
    expect(s.map((x) => x.title)).toEqual([
      'Port Workers Strike Over Automation Plans',
      'Satellite Operator Signs Spectrum Deal With Regional Regulators After Months of Negotiation Over Frequencies',
      'Central Bank Holds Rates Steady',
    ]);
    expect(s[0]?.body).toContain('THE COMPANY RESPONDS');
    expect(s[2]?.body).not.toContain('Scroll to Top');
  });

  it("'takeaways': an intro paragraph, a URL on the closing line, no closing line between stories", () => {
    const text = [
      'Harbour deal draws scrutiny',
      'Container-cranes',
      'Lawmakers in the fictional state of Norland asked for an inquiry into a harbour lease signed last month with a foreign operator.',
      'Important Takeaways:',
      '  • The lease runs for 50 years',
      '  • The operator will invest $2 billion.',
      'Read the original article: https://example.org/harbour',
      'Election commission rejects complaint',
      'The commission met on Monday behind closed doors and heard three witnesses for the complainants.',
      'Important Takeaways:',
      '  • The complaint was rejected unanimously.',
      'Budget passes after all-night session',
      'Important Takeaways:',
      '  • The budget passed by 61 votes to 59.',
    ].join('\n\n');
    const s = parsePage('tk2.txt', text);
    expect(s.map((x) => x.title)).toEqual(['Harbour deal draws scrutiny', 'Election commission rejects complaint', 'Budget passes after all-night session']);
    expect(s[0]?.url).toBe('https://example.org/harbour');
    expect(s[0]?.body).toBe(
      'Lawmakers in the fictional state of Norland asked for an inquiry into a harbour lease signed last month with a foreign operator.\n\n' +
        'The lease runs for 50 years.\nThe operator will invest $2 billion.',
    );
    expect(s[1]?.body).toBe('The commission met on Monday behind closed doors and heard three witnesses for the complainants.\n\nThe complaint was rejected unanimously.');
    expect(s[2]?.body).toBe('The budget passed by 61 votes to 59.');
  });

  it("'takeaways': verse and caption together, bullets without the Takeaways line", () => {
    const text = [
      'Skip to content',
      'Drought hits the southern plains',
      'Amos 4:7 “I also withheld rain from you when the harvest was still three months away.”',
      'Dry-field',
      'Important Takeaways:',
      '  • Rainfall was 60 percent below normal.',
      'Locust swarms reach the delta',
      'Locusts-in-field',
      'Revelation 9:3 “And out of the smoke locusts came down on the earth.”',
      'Important Takeaways:',
      '  • Swarms covered 200 square kilometres.',
      'Read the original article by clicking here.',
      'Grain reserves released',
      'Grain-silo',
      '  • The ministry released 2 million tonnes of wheat.',
      '  • Prices fell 4 percent.',
      'Read the original article by clicking here.',
    ].join('\n\n');
    const s = parsePage('tk3.txt', text);
    expect(s.map((x) => [x.title, x.body])).toEqual([
      ['Drought hits the southern plains', 'Rainfall was 60 percent below normal.'],
      ['Locust swarms reach the delta', 'Swarms covered 200 square kilometres.'],
      ['Grain reserves released', 'The ministry released 2 million tonnes of wheat.\nPrices fell 4 percent.'],
    ]);
  });

  it("'source-line': the outlet on the line after a bare 'Source:'", () => {
    const text = 'Port Lease Signed\n\nThe port authority signed a lease with a state shipping group on Monday, officials said.\n\nSource:\nValdoria Herald, March 3, 2025\nhttps://example.org/lease\n\nSecond Story Title\n\nAnother paragraph of news text that is long enough to be a paragraph.\n\nSource: Another Paper\n';
    const s = parsePage('sl3.txt', text);
    expect(s.map((x) => [x.title, x.outlet, x.published, x.url])).toEqual([
      ['Port Lease Signed', 'Valdoria Herald', '2025-03-03', 'https://example.org/lease'],
      ['Second Story Title', 'Another Paper', null, null],
    ]);
  });

  it("'source-line': a Source line with a date per outlet", () => {
    const text = 'Skip to content\n\nTalks Stall Over Tariffs\n\nTrade talks stalled on Friday after negotiators failed to agree on tariffs for steel and aluminium.\n\nSource: Nikkei Asia, January 2, 2026; Reuters, January 3, 2026\nhttps://example.org/talks\n';
    expect(parsePage('sl2.txt', text)).toEqual([
      expect.objectContaining({ title: 'Talks Stall Over Tariffs', outlet: 'Nikkei Asia', published: '2026-01-02', url: 'https://example.org/talks' }),
    ]);
  });

  it('parses the same page with CRLF line endings to the same stories', () => {
    const text = readFileSync(path.join(FIXTURES, 'takeaways-synthetic.txt'), 'utf8');
    const a = parsePage('x.txt', text);
    const b = parsePage('x.txt', text.replace(/\n/g, '\r\n'));
    expect(b).toEqual(a);
  });
});

describe("layout 'generic'", () => {
  it('takes the first non-empty line as title and the rest as body', () => {
    const s = parsePage('g.txt', '\n\n  Minister resigns over procurement scandal  \n\nThe defence minister resigned on Friday.\n\nHis deputy takes over.\n');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      title: 'Minister resigns over procurement scandal',
      body: 'The defence minister resigned on Friday.\n\nHis deputy takes over.',
      layout: 'generic',
      outlet: null,
      published: null,
      url: null,
      pages: ['g.txt'],
    });
  });

  it('returns nothing for a page of blank lines', () => {
    expect(parsePage('b.txt', '\n \u00a0\n\t\n')).toEqual([]);
  });
});
