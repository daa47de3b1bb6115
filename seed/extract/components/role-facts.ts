/**
 * Component "role-facts": the roles linked to people become facts. A head role ("president", "chief
 * executive") of an entity → LEADS, any other role (and a deputy's) → EMPLOYED_BY, with the role as
 * written, without a time word ("former", "acting").
 */
import type { Component, Doc } from '../document.js';
import { emitFact } from '../relations/facts.js';

export const roleFacts: Component = {
  name: 'role-facts',
  run(doc) {
    for (const rl of doc.roleLinks) {
      if (!rl.target) continue;
      const role = withoutTimeWord(doc, rl.role);
      const type = rl.cls === 'head' && !doc.lex.deputyRoles.has(/^\w+/.exec(role)?.[0].toLowerCase() ?? '') ? 'LEADS' : 'EMPLOYED_BY';
      emitFact(doc, type, rl.person, rl.target, { role }, rl.sent, 0.8);
    }
  },
};

/** "former minister" → "minister" (one leading time word, any case). */
function withoutTimeWord(doc: Doc, role: string): string {
  const m = /^(\S+)\s+/.exec(role);
  return m && doc.lex.roleTimeModifiers.has(m[1]!.toLowerCase()) ? role.slice(m[0].length) : role;
}
