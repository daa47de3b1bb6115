/**
 * Text primitives for extraction: one linear tokenizer with character offsets, a sentence splitter that
 * knows abbreviations (word lists in seed/catalog/tokenizer.json), and name normalisation. No regex loops
 * per entity: every later stage walks tokens.
 */
import { loadCatalogFile } from './data/read.js';
import { tokenizerFile } from './data/schemas.js';

export interface Token {
  /** Surface text exactly as in the body (body.slice(start, end) === text). */
  text: string;
  /** Lowercased, apostrophes folded to ASCII ('), used as gazetteer key. */
  lower: string;
  start: number;
  end: number;
  /** 'w' word, 'n' number, 'p' punctuation, 's' possessive ('s / ’s). */
  kind: 'w' | 'n' | 'p' | 's';
  /** First character is an uppercase letter. */
  cap: boolean;
  /** Every letter is uppercase and there are at least two letters (US, CCP, U.S.). */
  upper: boolean;
  /** Index of the sentence the token belongs to (filled by splitSentences). */
  sent: number;
  /** A line break (or start of text) precedes this token. */
  nl: boolean;
  /** Filled by an NLP stage when one runs (part of speech, lemma, named-entity tag); the rules do not need them. */
  pos?: string;
  lemma?: string;
  ner?: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [t0, t1). */
  t0: number;
  t1: number;
}

const WORDS = loadCatalogFile('tokenizer.json', tokenizerFile);
/** Abbreviations written with a final period that do not end a sentence. */
const ABBREV: ReadonlySet<string> = new Set(WORDS.abbreviations);
/** Abbreviations that may also close a sentence (then the next word decides). */
const ABBREV_MAY_END: ReadonlySet<string> = new Set(WORDS.abbreviationsMayEnd);
/** Words that typically start a sentence; after "U.S." they signal a boundary. */
const SENTENCE_STARTERS: ReadonlySet<string> = new Set(WORDS.sentenceStarters);

function isLetter(c: number): boolean {
  // ASCII letters, Latin-1/extended letters, and anything above the Latin blocks (CJK etc.)
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c < 0x2000) || c >= 0x2e80;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isApos(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Tokenize text in one pass. Hyphens and dashes are separate punctuation tokens. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let nl = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      nl = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 12) {
      i++;
      continue;
    }
    const start = i;
    let kind: Token['kind'];
    // only ASCII lowercase letters and digits: not capitalised, nothing to fold (the common case)
    let simple = false;
    if (isLetter(c)) {
      kind = 'w';
      simple = c >= 97 && c <= 122;
      i++;
      for (;;) {
        if (i >= n) break;
        const d = text.charCodeAt(i);
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) {
          i++;
          continue;
        }
        if (isLetter(d)) {
          simple = false;
          i++;
          continue;
        }
        // internal apostrophe (O'Brien, don't) but not the possessive 's
        if (isApos(d) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
          const next = text.charCodeAt(i + 1);
          const after = i + 2 < n ? text.charCodeAt(i + 2) : 32;
          if ((next === 115 || next === 83) && !isLetter(after)) break;
          simple = false;
          i++;
          continue;
        }
        // dotted abbreviations: U.S., D.C., e.g.
        if (d === 46 && i - start === 1 && i + 2 < n && isLetter(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 46) {
          simple = false;
          while (i + 2 < n && text.charCodeAt(i) === 46 && isLetter(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 46) i += 2;
          if (i < n && text.charCodeAt(i) === 46) i++;
          break;
        }
        break;
      }
      // attach a final period to known abbreviations ("Mr.", "Nov.", "Co.")
      if (i < n && text.charCodeAt(i) === 46 && text.charCodeAt(i - 1) !== 46) {
        const w = text.slice(start, i).toLowerCase();
        if (ABBREV.has(w)) i++;
      }
    } else if (isDigit(c)) {
      kind = 'n';
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) i++;
        else if ((d === 44 || d === 46) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i++;
        else break;
      }
      // ordinals / units glued to numbers: 1st, 20th, 24/7 stays split
      while (i < n && isLetter(text.charCodeAt(i)) && text.charCodeAt(i) < 128) i++;
    } else if (isApos(c) && i + 1 < n && (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83) && (i + 2 >= n || !isLetter(text.charCodeAt(i + 2))) && out.length > 0 && out[out.length - 1]!.end === i) {
      kind = 's';
      i += 2;
    } else {
      kind = 'p';
      i++;
    }
    const raw = text.slice(start, i);
    let cap = false;
    let upper = false;
    let plain = true;
    let uppers = 0;
    if (kind === 'w' && !simple) {
      let letters = 0;
      for (let k = start; k < i; k++) {
        const d = text.charCodeAt(k);
        if (d >= 65 && d <= 90) {
          letters++;
          uppers++;
        } else if (d === 0x2019) plain = false;
        else if (d >= 97 && d <= 122) letters++;
        else if (d >= 0xc0 && d !== 0x2019 && d !== 39) {
          plain = false;
          const ch = text.charAt(k);
          const lo = ch.toLowerCase();
          const up = ch.toUpperCase();
          if (lo !== up) {
            letters++;
            if (ch === up) uppers++;
          }
        }
        if (k === start) cap = uppers === 1;
      }
      upper = letters >= 2 && uppers === letters;
    }
    let lower: string;
    if (kind === 's') lower = "'s";
    else {
      if (kind !== 'w') lower = raw;
      else if (plain && uppers === 0) lower = raw;
      else {
        lower = raw.toLowerCase();
        if (!plain && lower.indexOf('\u2019') >= 0) lower = lower.replace(/\u2019/g, "'");
      }
    }
    out.push({ text: raw, lower, start, end: i, kind, cap, upper, sent: 0, nl });
    nl = false;
  }
  return out;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/** Close the sentence of tokens [t0, t1) (if any); returns where the next one starts. */
function closeSentence(tokens: Token[], sents: Sentence[], t0: number, t1: number): number {
  if (t1 <= t0) return t0;
  const s: Sentence = { start: tokens[t0]!.start, end: tokens[t1 - 1]!.end, t0, t1 };
  const idx = sents.length;
  for (let k = t0; k < t1; k++) tokens[k]!.sent = idx;
  sents.push(s);
  return t1;
}

/** Split tokens into sentences (also at line breaks); sets token.sent. */
export function splitSentences(tokens: Token[]): Sentence[] {
  const sents: Sentence[] = [];
  let t0 = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > t0 && t.nl) {
      t0 = closeSentence(tokens, sents, t0, i);
    }
    const next = tokens[i + 1];
    let end = false;
    let last = i;
    if (t.kind === 'p' && (t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…')) {
      // swallow closing quotes/brackets
      while (tokens[last + 1] && tokens[last + 1]!.kind === 'p' && CLOSERS.has(tokens[last + 1]!.text) && !tokens[last + 1]!.nl) last++;
      const nx = tokens[last + 1];
      if (!nx || nx.nl) end = true;
      else if (nx.cap || nx.kind === 'n' || (nx.kind === 'p' && '"“‘(['.includes(nx.text))) end = true;
    } else if (t.kind === 'w' && t.text.endsWith('.') && next && !next.nl) {
      const base = t.lower.replace(/\.$/, '');
      const dotted = t.text.length > 2 && t.text.charAt(1) === '.';
      if ((dotted || ABBREV_MAY_END.has(base)) && next.cap && SENTENCE_STARTERS.has(next.lower)) end = true;
      // "… Materials Corp. Kim Dae-jung, the chief executive": a company suffix then a new capitalised name
      else if (ABBREV_MAY_END.has(base) && base !== 'etc' && next.cap && next.kind === 'w' && !ABBREV_MAY_END.has(next.lower.replace(/\.$/, '')) && tokens[i + 2]?.cap && tokens[i + 2]?.kind === 'w') end = true;
    }
    if (end) {
      t0 = closeSentence(tokens, sents, t0, last + 1);
      i = last;
    }
  }
  closeSentence(tokens, sents, t0, tokens.length);
  return sents;
}

/** ASCII slug for ids: "Xi Jinping" → "xi-jinping", "Joël Robuchon" → "joel-robuchon". */
export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, 's')
    .replace(/['’.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Normalised form for comparing names: lowercase, no accents, no punctuation, no leading "the". */
export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9\u0100-\uffff]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}
