/**
 * Adding a fact to the document: one fact per occurrence (type, endpoints, sentence); symmetric types
 * store their endpoints in id order; confidence is the rule's times the less certain endpoint's.
 */
import type { Entity, Fact } from '../../../model/types.js';
import { isFactType, RELATIONS, type RelationSpec } from '../../../model/graph-model.js';
import type { Doc } from '../document.js';

const SPEC = new Map<string, RelationSpec>(RELATIONS.map((r) => [r.type, r]));

/** A scan of the facts finds duplicates while they are few; past SCAN_MAX, a key set. */
const SCAN_MAX = 64;

/**
 * The key of one occurrence of a fact: its type and endpoints at one sentence (by start offset). Not the
 * fact's stored key (seed/load/keys.ts factKey: type and endpoints only, across stories).
 */
export function occurrenceKey(type: string, from: string, to: string, sentenceStart: number): string {
  return `${type}|${from}|${to}|${sentenceStart}`;
}

export function emitFact(doc: Doc, type: string, from: Entity, to: Entity, props: Fact['props'], sentIdx: number, conf: number): void {
  if (from.id === to.id) return;
  // Patterns are checked against the model when their file is parsed; a type that is not the model's
  // here is a programming error, not bad data.
  if (!isFactType(type)) throw new Error(`emitFact: "${type}" is not a relation type of the model`);
  const facts = doc.facts;
  const spec = SPEC.get(type);
  let a = from;
  let b = to;
  if (spec?.symmetric && b.id < a.id) [a, b] = [b, a];
  const s = doc.sentences[sentIdx]!;
  if (doc.factOccurrences) {
    const key = occurrenceKey(type, a.id, b.id, s.start);
    if (doc.factOccurrences.has(key)) return;
    doc.factOccurrences.add(key);
  } else {
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k]!;
      if (f.evidence.start === s.start && f.type === type && f.from === a.id && f.to === b.id) return;
    }
    if (facts.length >= SCAN_MAX) {
      doc.factOccurrences = new Set(facts.map((f) => occurrenceKey(f.type, f.from, f.to, f.evidence.start)));
      doc.factOccurrences.add(occurrenceKey(type, a.id, b.id, s.start));
    }
  }
  const confidence = Math.round(conf * Math.min(a.confidence, b.confidence) * 100) / 100;
  facts.push({
    type,
    from: a.id,
    to: b.id,
    props,
    evidence: { storyId: doc.storyId, quote: doc.text.slice(s.start, s.end), start: s.start, end: s.end, extractor: doc.extractor.name, extractorVersion: doc.extractor.version, confidence },
  });
}

