/**
 * Component "sentences": the story's text → tokens with character offsets and sentences (token ranges),
 * plus the words the story writes in lowercase (a capitalised one is then likely sentence-initial).
 */
import type { Component } from '../document.js';
import { splitSentences, tokenize } from '../text.js';

export const sentences: Component = {
  name: 'sentences',
  run(doc) {
    doc.tokens = tokenize(doc.text);
    doc.sentences = splitSentences(doc.tokens);
    for (const t of doc.tokens) if (t.kind === 'w' && !t.cap) doc.lowerSeen.add(t.lower);
    doc.at = new Int32Array(doc.tokens.length).fill(-1);
  },
};
