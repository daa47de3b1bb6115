/**
 * A deterministic synthetic corpus for benchmarks: N stories in the sample's page layouts
 * (source-line, takeaways, newswire), entity mentions drawn from a long-tailed (Zipf) distribution
 * over a few thousand entities — a few hubs such as China and the United States appear in most
 * stories — and sentences that state typed relations. Same seed, same corpus, byte for byte.
 */
import worldCountries, { type Country } from 'world-countries';
import { rng } from './rng.js';

const countries = worldCountries as unknown as Country[];

const FIRST = ['Anna', 'Boris', 'Chen', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ivan', 'Julia', 'Kwame', 'Li', 'Maria', 'Nikolai', 'Olga', 'Pedro', 'Qian', 'Rahul', 'Sofia', 'Tomas', 'Ursula', 'Viktor', 'Wei', 'Xavier', 'Yuki', 'Zhang'];
const LAST = ['Abramov', 'Bauer', 'Castillo', 'Dimitrov', 'Eriksen', 'Fischer', 'Gomez', 'Hashimoto', 'Ibrahim', 'Jensen', 'Kowalski', 'Laurent', 'Moreno', 'Novak', 'Okafor', 'Petrov', 'Quispe', 'Rossi', 'Sato', 'Tanaka', 'Udeh', 'Volkov', 'Wang', 'Xu', 'Yilmaz', 'Zhou'];
const COMPANY_A = ['Northern', 'Pacific', 'Golden', 'Silk', 'Eastern', 'United', 'Atlas', 'Crescent', 'Meridian', 'Harbor', 'Summit', 'Orient', 'Polar', 'Delta', 'Apex'];
const COMPANY_B = ['Shipping', 'Energy', 'Mining', 'Logistics', 'Telecom', 'Steel', 'Semiconductor', 'Rail', 'Ports', 'Petroleum', 'Grid', 'Aerospace'];
const COMPANY_C = ['Group', 'Corporation', 'Holdings', 'Company', 'Ltd.'];
const ORG = ['Ministry of Commerce', 'Ministry of Foreign Affairs', 'Customs Administration', 'Security Council', 'Development Bank', 'Institute for Strategic Studies', 'Maritime Agency', 'Trade Commission'];
const ROLES = ['President', 'Prime Minister', 'Foreign Minister', 'Trade Minister', 'Defense Minister'];
const ITEMS = ['silver', 'gallium', 'germanium', 'rare earths', 'graphite', 'drones', 'semiconductors', 'antimony'];
const OUTLETS = ['Reuters', 'Radio France International', 'Epoch Times', 'Nikkei Asia', 'Taipei Times', 'Deutsche Welle', 'The Diplomat', 'South China Morning Post', 'Kyiv Independent', 'Focus Taiwan'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CorpusEntities {
  countries: string[];
  people: string[];
  companies: string[];
  ports: string[];
}

/** A few thousand entities; countries ordered so the hubs come first. */
export function makeEntities(random: () => number, size = 3000): CorpusEntities {
  const hubs = ['China', 'United States', 'Russia', 'Taiwan', 'Japan', 'India', 'Ukraine', 'Iran'];
  const rest = countries.map((c) => c.name.common).filter((n) => !hubs.includes(n));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const people = new Set<string>();
  while (people.size < size / 2) people.add(`${pick(FIRST)} ${pick(LAST)}${people.size > 600 ? `-${pick(LAST)}` : ''}`);
  const companies = new Set<string>();
  while (companies.size < size / 3) companies.add(`${pick(COMPANY_A)} ${pick(COMPANY_B)} ${companies.size > 150 ? `${pick(LAST)} ` : ''}${pick(COMPANY_C)}`);
  const ports = rest.slice(0, 120).map((c, i) => `Port of ${pick(LAST)}${i}`.replace(/\d+$/, (d) => ['', 'a', 'o', 'i', 'u'][Number(d) % 5]!));
  return { countries: [...hubs, ...rest], people: [...people], companies: [...companies], ports: [...new Set(ports)] };
}

/** Zipf-like draw: index i with weight 1/(i+1)^s. */
export function zipf(random: () => number, n: number, s = 1.1): number {
  // Inverse-CDF approximation of a continuous power law; cheap and deterministic.
  const u = random();
  const x = Math.floor(Math.pow(n, u) ** (1 / s)) - 1;
  return Math.min(n - 1, Math.max(0, x));
}

export interface GeneratedStory {
  title: string;
  paragraphs: string[];
  outlet: string;
  date: string;
  url: string;
}

export function makeStory(random: () => number, entities: CorpusEntities, index: number): GeneratedStory {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const country = () => (random() < 0.55 ? entities.countries[Math.floor(random() * 3)]! : entities.countries[zipf(random, entities.countries.length)]!);
  const person = () => entities.people[zipf(random, entities.people.length)]!;
  const company = () => entities.companies[zipf(random, entities.companies.length)]!;
  const a = country();
  let b = country();
  if (b === a) b = entities.countries[(entities.countries.indexOf(a) + 1 + index) % entities.countries.length]!;
  const year = 2018 + Math.floor(random() * 8);
  const sentences = [
    () => `The value of ${a}-${b} bilateral trade reached ${(10 + random() * 300).toFixed(1)} billion dollars in ${year}.`,
    () => `${company()} owns a ${Math.ceil(random() * 99)} percent stake in ${pick(entities.ports)}, ${b}.`,
    () => `${company()} completed its acquisition of ${company()} for $${(1 + random() * 20).toFixed(1)} billion.`,
    () => `${a} imposed sanctions on ${b} over its support for the war.`,
    () => `${a} announced export controls on ${pick(ITEMS)} shipments to ${b}.`,
    () => `${a}'s ${pick(ROLES)} ${person()} met ${b}'s ${pick(ROLES)} ${person()} in ${pick(entities.countries)} on ${pick(MONTHS)} ${1 + Math.floor(random() * 28)}.`,
    () => `${company()} built a new railway line in ${b} with financing from the ${a} ${pick(ORG)}.`,
    () => `${a} accused ${b} of interfering in its internal affairs, the ${pick(ORG)} said.`,
    () => `Hackers linked to ${a} breached the networks of ${company()}, according to ${person()}, an analyst at the ${pick(ORG)}.`,
    () => `Troops from ${a} are now permanently stationed in ${b}, officials said.`,
    () => `Analysts in ${pick(entities.countries)} said the move would reshape regional supply chains.`,
    () => `${person()}, chief executive of ${company()}, told reporters the company expects growth in ${year + 1}.`,
  ];
  const paragraphs: string[] = [];
  const paragraphCount = 2 + Math.floor(random() * 4);
  for (let p = 0; p < paragraphCount; p++) {
    const n = 2 + Math.floor(random() * 3);
    paragraphs.push(Array.from({ length: n }, () => pick(sentences)()).join(' '));
  }
  const outlet = pick(OUTLETS);
  const date = `${pick(MONTHS)} ${1 + Math.floor(random() * 28)}, ${2019 + Math.floor(random() * 7)}`;
  return {
    title: `${a} and ${b}: ${pick(['trade', 'tensions', 'ports', 'sanctions', 'talks', 'investment'])} report ${index}`,
    paragraphs,
    outlet,
    date,
    url: `https://example.org/story/${index}`,
  };
}

/** Renders stories as one page of a layout the seeder reads. */
export function renderPage(layout: 'source-line' | 'takeaways' | 'newswire', stories: GeneratedStory[], pageNo: number): string {
  if (layout === 'source-line') {
    const blocks = stories.map((s) => [s.title, ...s.paragraphs, `Source: ${s.outlet}, ${s.date}`, s.url].join('\n\n'));
    return ['Skip to content', `Geo-Strategic Trend - ${pageNo}. page`, ...blocks].join('\n\n') + '\n';
  }
  if (layout === 'takeaways') {
    const blocks = stories.map((s) => [s.title, 'Photo caption', 'Important Takeaways:', ...s.paragraphs.map((p) => `  • ${p}`), 'Read the original article by clicking here.'].join('\n\n'));
    return blocks.join('\n\n') + '\n';
  }
  const blocks = stories.map((s) => [s.title, ...s.paragraphs, `${s.title} Read More »`].join('\n\n'));
  return ['Newswire', ...blocks, 'Scroll to Top'].join('\n\n') + '\n';
}

/** Yields [fileName, text] pages holding `stories` stories in total, `perPage` per page. */
export function* generateCorpus(stories: number, seed = 42, perPage = 100): Generator<[string, string]> {
  const random = rng(seed);
  const entities = makeEntities(random);
  const layouts = ['source-line', 'takeaways', 'newswire'] as const;
  for (let start = 0, page = 0; start < stories; start += perPage, page++) {
    const batch = Array.from({ length: Math.min(perPage, stories - start) }, (_, i) => makeStory(random, entities, start + i));
    const layout = layouts[page % layouts.length]!;
    yield [`page-${String(page).padStart(5, '0')}.txt`, renderPage(layout, batch, page + 1)];
  }
}
