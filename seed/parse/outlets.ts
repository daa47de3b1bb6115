/**
 * Outlet names for the page parser, from the one outlet dictionary (seed/catalog/outlets.json): the
 * short forms pages use in title prefixes ("LTN: …"), Source lines ("Source: CNA, …") and wire datelines
 * ("MOSCOW (Reuters) -"), each mapped to one display name. An outlet is a row of data; the parser has
 * no rule for any one outlet.
 */
import { outletDictionary } from '../extract/data/outlets.js';
import { trimEndChars, trimStartChars } from './text.js';

const DICTIONARY = outletDictionary();

/** Short form or name as pages write it → the display name the parser gives the story's outlet. */
export const OUTLET_ABBREVIATIONS: Readonly<Record<string, string>> = Object.fromEntries(
  DICTIONARY.outlets.flatMap((o) => (o.pageForms ?? []).map((form) => [form, o.pageName ?? o.name] as const)),
);

const LOOKUP = new Map<string, string>(Object.entries(OUTLET_ABBREVIATIONS).map(([k, v]) => [k.toLowerCase(), v]));

/** Wire agencies recognised in a dateline "CITY (Agency) -". */
export const WIRE_AGENCIES: readonly string[] = DICTIONARY.outlets.flatMap((o) => (o.wireDateline ? [o.wireDateline] : []));

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

// Words that make "<Name> (<ABBR>)" in a story body an outlet's name (any outlet: no outlet's own name is one).
const OUTLET_WORDS = new RegExp(`\\b(?:${DICTIONARY.outletNameWords.join('|')})\\b`, 'i');

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
