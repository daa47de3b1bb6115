/**
 * Role and title linking, two components:
 *   "people"           each name queued as a person gets its role (before it, at its front, or in an
 *                      appositive) and the entity the role belongs to; a government role of a country or
 *                      government body makes the person an Official;
 *   "catalogue-roles"  the same role reading around catalogue people ("Russian President <name>").
 */
import type { Entity } from '../../../model/types.js';
import type { EntityLabel } from '../../../model/graph-model.js';
import { entityId } from '../catalog.js';
import type { Component, Doc, PendingPerson, RoleClass } from '../document.js';
import { appositive, roleBefore, roleOwnerLeft } from '../role-phrases.js';
import { addSpan, countryOf, makeEntity } from '../spans.js';

export const people: Component = {
  name: 'people',
  run(doc) {
    for (const p of doc.pendingPeople) resolvePerson(doc, p);
  },
};

export const catalogueRoles: Component = {
  name: 'catalogue-roles',
  run(doc) {
    const toks = doc.tokens;
    for (const sp of doc.mentions) {
      if (sp.how !== 'gaz' || (sp.entity.label !== 'Official' && sp.entity.label !== 'Person')) continue;
      const rb = roleBefore(doc, sp.t0) ?? (toks[sp.t0 - 1]?.text === ',' ? roleBefore(doc, sp.t0 - 1) : null);
      let owner: Entity | null = null;
      let role: { role: string; cls: RoleClass } | null = null;
      if (rb) {
        role = rb;
        owner = roleOwnerLeft(doc, rb.start);
      } else {
        // a role in an appositive after the name (", the head of X")
        const app = appositive(doc, sp.t1);
        if (app && app.role) {
          role = app;
          owner = app.target;
        }
      }
      if (role) doc.roleLinks.push({ person: sp.entity, role: role.role, cls: role.cls, target: owner, sent: toks[sp.t0]!.sent });
    }
  },
};

function resolvePerson(doc: Doc, p: PendingPerson): void {
  const app = appositive(doc, p.t1);
  let owner: Entity | null = null;
  if (p.role) owner = p.prefixEntity ? (p.prefixEntity.label === 'Place' ? countryOf(doc, p.prefixEntity) : p.prefixEntity) : roleOwnerLeft(doc, p.t0);
  else if (p.before) owner = roleOwnerLeft(doc, p.before.start);
  const roleCtx = p.role ?? (p.before ? { role: p.before.role, cls: p.before.cls } : null) ?? (app && app.role ? { role: app.role, cls: app.cls } : null);
  if (!owner && app && app.target) owner = app.target;
  const cls = roleCtx?.cls ?? null;
  const roleText = roleCtx?.role ?? null;
  const govOwner = !!owner && (owner.label === 'Country' || (owner.label === 'Organization' && !doc.lex.nonGovernmentKinds.has(String(owner.props.kind))));
  const official = !!roleText && (cls === 'gov' || (cls === 'head' && (doc.lex.politicalHeads.has(roleText.toLowerCase()) || govOwner))) && (govOwner || !owner);
  const label: EntityLabel = official ? 'Official' : 'Person';
  const props: Entity['props'] = {};
  if (label === 'Official') {
    props.role = roleText;
    props.country = countryOf(doc, owner ?? undefined)?.id ?? null;
  }
  const otherId = entityId(label === 'Official' ? 'Person' : 'Official', p.name);
  const existing = doc.recognised.get(otherId) ?? doc.catalog.byId.get(otherId);
  const e = existing ?? makeEntity(doc, label, p.name, props, roleText || p.given ? 0.8 : 0.65);
  addSpan(doc, p.nameStart, p.t1, e, 'rec');
  if (roleText) doc.roleLinks.push({ person: e, role: roleText, cls: cls ?? 'other', target: owner, sent: p.sent });
}

