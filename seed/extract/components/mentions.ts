/**
 * Component "mentions": the final list of entity mentions, in token order, without those a longer
 * mention replaced; doc.at is rebuilt to index it.
 */
import type { Component } from '../document.js';

export const mentions: Component = {
  name: 'mentions',
  run(doc) {
    doc.mentions = doc.mentions.filter((s) => !s.dead);
    // (stable sort; usually the mentions are in order already)
    let sorted = true;
    for (let k = 1; k < doc.mentions.length && sorted; k++) if (doc.mentions[k - 1]!.t0 > doc.mentions[k]!.t0) sorted = false;
    if (!sorted) doc.mentions.sort((a, b) => a.t0 - b.t0);
    doc.at.fill(-1);
    doc.mentions.forEach((s, idx) => {
      for (let k = s.t0; k < s.t1; k++) doc.at[k] = idx;
    });
  },
};
