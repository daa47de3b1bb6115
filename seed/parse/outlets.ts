/**
 * Outlet names as data: abbreviations and short forms that pages use in title prefixes ("LTN: …"),
 * Source lines ("Source: CNA, …") and wire datelines ("MOSCOW (Reuters) -"), mapped to one display name.
 * Add rows here; no parser has per-outlet rules.
 */
import { trimEndChars, trimStartChars } from './text.js';

export const OUTLET_ABBREVIATIONS: Readonly<Record<string, string>> = {
  LTN: 'Liberty Times Net',
  CNA: 'Central News Agency',
  UDN: 'United Daily News',
  RFI: 'Radio France International',
  RFA: 'Radio Free Asia',
  VOA: 'Voice of America',
  BBC: 'BBC',
  CNN: 'CNN',
  AP: 'Associated Press',
  AFP: 'Agence France-Presse',
  DW: 'Deutsche Welle',
  NHK: 'NHK',
  SCMP: 'South China Morning Post',
  HKFP: 'Hong Kong Free Press',
  WSJ: 'The Wall Street Journal',
  NYT: 'The New York Times',
  FT: 'Financial Times',
  CCTV: 'China Central Television',
  CGTN: 'China Global Television Network',
  KCNA: 'Korean Central News Agency',
  NTD: 'New Tang Dynasty Television',
  TVBS: 'TVBS',
  SETN: 'Sanlih E-Television',
  PTS: 'Public Television Service',
  FTV: 'Formosa Television',
  TASS: 'TASS',
  RIA: 'RIA Novosti',
  UPI: 'United Press International',
  Reuters: 'Reuters',
  Xinhua: 'Xinhua',
  Bloomberg: 'Bloomberg',
  Nikkei: 'Nikkei Asia',
  Guancha: 'Guancha',
  Kyodo: 'Kyodo News',
  Yonhap: 'Yonhap News Agency',
  dpa: 'Deutsche Presse-Agentur',
  'Lianhe Zaobao': 'Lianhe Zaobao',
  Zaobao: 'Lianhe Zaobao',
  'Epoch Times': 'Epoch Times',
  'Global Times': 'Global Times',
  "People's Daily": "People's Daily",
  'People’s Daily': 'People’s Daily',
  'Ming Pao': 'Ming Pao',
  'Taipei Times': 'Taipei Times',
  'Focus Taiwan': 'Focus Taiwan',
  'Taiwan News': 'Taiwan News',
  'China Times': 'China Times',
  ETtoday: 'ETtoday',
  'Storm Media': 'Storm Media',
  'Apple Daily': 'Apple Daily',
  'Sing Tao': 'Sing Tao Daily',
  'Sing Tao Daily': 'Sing Tao Daily',
  HK01: 'HK01',
  'Nikkei Asia': 'Nikkei Asia',
  Caixin: 'Caixin',
  'The Paper': 'The Paper',
  Sina: 'Sina',
  Sohu: 'Sohu',
  NetEase: 'NetEase',
  Phoenix: 'Phoenix',
  Ifeng: 'Phoenix',
  Duowei: 'Duowei',
  Yicai: 'Yicai',
  Jiemian: 'Jiemian',
  Huanqiu: 'Global Times',
  'China Daily': 'China Daily',
  Qiushi: 'Qiushi',
  Sputnik: 'Sputnik',
  RT: 'RT',
  Kommersant: 'Kommersant',
  Yomiuri: 'Yomiuri Shimbun',
  Asahi: 'Asahi Shimbun',
  Mainichi: 'Mainichi Shimbun',
  'Chosun Ilbo': 'Chosun Ilbo',
  JoongAng: 'JoongAng Ilbo',
  'The Diplomat': 'The Diplomat',
  Politico: 'Politico',
  Axios: 'Axios',
  Franceinfo: 'Franceinfo',
};

const LOOKUP = new Map<string, string>(Object.entries(OUTLET_ABBREVIATIONS).map(([k, v]) => [k.toLowerCase(), v]));

/** Wire agencies recognised in a dateline "CITY (Agency) -". */
export const WIRE_AGENCIES: readonly string[] = ['Reuters', 'AP', 'AFP', 'UPI', 'Bloomberg', 'Xinhua', 'dpa', 'Kyodo', 'Yonhap'];

/** The display name for a known outlet abbreviation or short form, else null. */
export function knownOutlet(name: string): string | null {
  return LOOKUP.get(name.trim().toLowerCase()) ?? null;
}

/** An outlet name as written, tidied, with known abbreviations expanded. */
export function canonicalOutlet(name: string): string | null {
  const t = trimEndChars(trimStartChars(name.replace(/\s+/g, ' '), ' ,;:.-–—'), ' ,;:-–—').trim();
  if (t === '' || t.length > 200) return null;
  return knownOutlet(t) ?? t;
}

// Words that make "<Name> (<ABBR>)" in a story body an outlet's name.
const OUTLET_WORDS =
  /\b(?:news|times|daily|post|agency|network|net|radio|television|tv|press|journal|herald|tribune|media|broadcasting|channel|wire|gazette|zaobao|observer|mail|telegraph|review|weekly|online)\b/i;

/**
 * Expand an abbreviation from the story text: "… Liberty Times Network (LTN) reported …" → "Liberty Times Network",
 * only when the words before "(ABBR)" read as an outlet name. Returns null otherwise.
 */
export function expandFromText(abbr: string, text: string): string | null {
  const marker = `(${abbr})`;
  const at = text.indexOf(marker);
  if (at <= 0) return null;
  const before = text.slice(Math.max(0, at - 120), at).trimEnd();
  const words = before.split(' ');
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && name.length < 7; i--) {
    const w = words[i] ?? '';
    if (!/^[A-Z0-9][\w&.'’-]*$/.test(w)) break;
    name.unshift(w);
  }
  const full = name.join(' ');
  return full && OUTLET_WORDS.test(full) ? full : null;
}
