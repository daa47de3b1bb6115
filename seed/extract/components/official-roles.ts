/**
 * Component "official-roles": an Official whose office the story leaves without an owner gets the one
 * its country makes clear (annotation rule 6: "Chancellor Olaf Scholz", "President Lee Jae-myung", a
 * minister with a title but no country word, are attached to the story's country). The office is the
 * role linked in the story, else the official's catalogue role; the owner is the official's agency
 * (props.org, or an agency the title names: "Treasury Secretary" in a story naming the U.S. Treasury)
 * when the story names it, else its country when the story names that. A head of state or
 * government (words.countryHeads) LEADS the country; every other office is EMPLOYED_BY it. Nothing for
 * an official the story already ties to an owner (a LEADS or EMPLOYED_BY fact from it).
 */
import type { Entity } from '../../../model/types.js';
import { matchAt } from '../catalog.js';
import type { Component, Doc } from '../document.js';
import { getDepPatterns } from '../relations/dep-graph.js';
import { emitFact } from '../relations/facts.js';

export const officialRoles: Component = {
  name: 'official-roles',
  run(doc) {
    const heads = new Set(getDepPatterns().words.countryHeads);
    const named = new Map<string, Entity>();
    for (const m of doc.mentions) if (!m.dead && !named.has(m.entity.id)) named.set(m.entity.id, m.entity);
    const tied = new Set<string>();
    for (const f of doc.facts) if (f.type === 'LEADS' || f.type === 'EMPLOYED_BY') tied.add(f.from);
    const agencies = agencyCores(doc);
    const done = new Set<string>();
    for (const m of doc.mentions) {
      const e = m.entity;
      if (m.dead || e.label !== 'Official' || done.has(e.id)) continue;
      done.add(e.id);
      if (tied.has(e.id)) continue;
      const linked = doc.roleLinks.find((rl) => rl.person.id === e.id && !rl.target)?.role;
      const role = linked ?? (typeof e.props.role === 'string' ? e.props.role : null);
      if (!role) continue;
      const org = typeof e.props.org === 'string' ? named.get(e.props.org) : undefined;
      const country = typeof e.props.country === 'string' ? named.get(e.props.country) : undefined;
      // "Treasury Secretary X" in a story naming the U.S. Treasury: the agency the title names
      const titled = agencies.find((a) => role.toLowerCase().includes(a.core))?.e;
      const owner = org ?? titled ?? country;
      if (!owner) continue;
      const r = role.toLowerCase().replace(/^(?:former|acting|then|interim)\s+/, '');
      const deputy = /^(?:deputy|vice|assistant)\b/.test(r);
      const type = owner === country && heads.has(r) && !deputy ? 'LEADS' : 'EMPLOYED_BY';
      emitFact(doc, type, e, owner, { role }, doc.tokens[m.t0]!.sent, 0.6);
    }
  },
};

/** The organisations the story names, each with its name less a leading country ("U.S. Treasury" → "treasury"). */
function agencyCores(doc: Doc): Array<{ e: Entity; core: string }> {
  const out: Array<{ e: Entity; core: string }> = [];
  for (const m of doc.mentions) {
    if (m.dead || m.entity.label !== 'Organization' || out.some((a) => a.e.id === m.entity.id)) continue;
    let t0 = m.t0;
    const hit = matchAt(doc.catalog, doc.tokens, t0);
    if (hit && hit.entity.label === 'Country' && hit.t1 < m.t1) t0 = hit.t1;
    if (doc.tokens[t0]?.text === "'s" || doc.tokens[t0]?.text === '’s') t0++;
    if (t0 >= m.t1) continue;
    const core = doc.text.slice(doc.tokens[t0]!.start, doc.tokens[m.t1 - 1]!.end).toLowerCase();
    // a one-word generic core ("ministry", "police") names no particular agency
    if (core.length >= 5 && (core.includes(' ') || doc.tokens[t0]!.text[0] === doc.tokens[t0]!.text[0]!.toUpperCase())) out.push({ e: m.entity, core });
  }
  return out;
}
