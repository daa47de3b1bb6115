/**
 * Component "shared-names" (after the gazetteer): names the catalogue gives one country that the
 * story may mean otherwise, decided by the story's own words (seed/catalog/ner-words.json).
 *   - A country name that is also a place elsewhere (Georgia, the US state): a Place when the story
 *     writes "<Town>, Georgia" or has a cue of the place (Atlanta, "U.S. state") and none of the
 *     country (Tbilisi, Georgian).
 *   - A short name two countries share (Congo): the country whose fuller name, capital or cities the
 *     story uses, when only one of them is.
 */
import type { Entity } from '../../../model/types.js';
import type { Component, Doc } from '../document.js';
import { nerLex } from '../ner-words.js';
import { makeEntity, roleText } from '../spans.js';

export const sharedNames: Component = {
  name: 'shared-names',
  run(doc) {
    const N = nerLex();
    for (const sn of N.sharedNames) {
      const country = doc.catalog.countryByIso3.get(sn.country);
      if (!country) continue;
      const spans = doc.mentions.filter((s) => !s.dead && s.entity === country && !s.demonym && roleText(doc, s.t0, s.t1) === sn.name);
      if (spans.length === 0 || hasAny(doc, sn.countryCues)) continue;
      const townBefore = spans.some((s) => doc.tokens[s.t0 - 1]?.text === ',' && doc.tokens[s.t0 - 2]?.cap && doc.tokens[s.t0 - 2]?.kind === 'w' && doc.at[s.t0 - 2]! < 0);
      if (!townBefore && !hasAny(doc, sn.placeCues)) continue;
      const place = makeEntity(doc, 'Place', sn.place.name, { kind: sn.place.kind, country: doc.catalog.countryByIso3.get(sn.place.country)?.id ?? null }, 0.8);
      for (const s of spans) s.entity = place;
    }
    for (const sc of N.sharedCountryNames) {
      const bare = doc.mentions.filter((s) => !s.dead && s.entity.label === 'Country' && roleText(doc, s.t0, s.t1) === sc.name);
      if (bare.length === 0) continue;
      // longest cues first, each occurrence masked once found ("Democratic Republic of the Congo" is not also "Republic of the Congo")
      const cues = Object.entries(sc.countries).flatMap(([iso, cs]) => cs.map((c) => ({ iso, c }))).sort((x, y) => y.c.length - x.c.length);
      let text = doc.text;
      const found = new Set<string>();
      for (const { iso, c } of cues) {
        const masked = maskWord(text, c);
        if (masked !== text) found.add(iso);
        text = masked;
      }
      const meant: Entity[] = [];
      for (const iso of found) {
        const c = doc.catalog.countryByIso3.get(iso);
        if (c) meant.push(c);
      }
      if (meant.length === 1) for (const s of bare) s.entity = meant[0]!;
    }
  },
};

/** `text` with every whole-word occurrence of `p` blanked out. */
function maskWord(text: string, p: string): string {
  let out = text;
  let from = 0;
  for (;;) {
    const i = out.indexOf(p, from);
    if (i < 0) return out;
    const before = out[i - 1];
    const after = out[i + p.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) out = out.slice(0, i) + ' '.repeat(p.length) + out.slice(i + p.length);
    from = i + 1;
  }
}

/** Any of the phrases occurs in the story as whole words. */
function hasAny(doc: Doc, phrases: readonly string[]): boolean {
  for (const p of phrases) {
    let from = 0;
    for (;;) {
      const i = doc.text.indexOf(p, from);
      if (i < 0) break;
      const before = doc.text[i - 1];
      const after = doc.text[i + p.length];
      if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
      from = i + 1;
    }
  }
  return false;
}
