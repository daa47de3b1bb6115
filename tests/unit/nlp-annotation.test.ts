/**
 * Our side of the CoreNLP boundary, without a server: the JSON answer parsed into the compact
 * annotation, the cache (content + settings hash, corrupt files are misses), and component
 * "nlp-tokens" laying the analysis over our own tokens (hyphenated compounds map to their head).
 * The server itself is exercised by the integration tests (tests/int), never mocked there.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCoreNlpJson, type Annotation } from '../../nlp/annotation.js';
import { AnnotationCache } from '../../nlp/cache.js';
import { parseProperties } from '../../nlp/properties.js';
import { createDoc } from '../../seed/extract/document.js';
import { nlpTokens } from '../../seed/extract/components/nlp-tokens.js';
import { sentences } from '../../seed/extract/components/sentences.js';

const TEXT = 'The Dubai-based exchange was bought by Acme Group.';

/** What CoreNLP answers for TEXT (the fields we read; 1-based indices, governor 0 = root). */
function coreNlpAnswer() {
  const words: Array<[string, number, string, string, string]> = [
    ['The', 0, 'DT', 'the', 'O'],
    ['Dubai-based', 4, 'JJ', 'Dubai-based', 'MISC'],
    ['exchange', 16, 'NN', 'exchange', 'O'],
    ['was', 25, 'VBD', 'be', 'O'],
    ['bought', 29, 'VBN', 'buy', 'O'],
    ['by', 36, 'IN', 'by', 'O'],
    ['Acme', 39, 'NNP', 'Acme', 'ORGANIZATION'],
    ['Group', 44, 'NNP', 'Group', 'ORGANIZATION'],
    ['.', 49, '.', '.', 'O'],
  ];
  return {
    sentences: [
      {
        index: 0,
        tokens: words.map(([word, begin, pos, lemma, ner], i) => ({ index: i + 1, word, originalText: word, characterOffsetBegin: begin, characterOffsetEnd: begin + word.length, pos, lemma, ner })),
        enhancedPlusPlusDependencies: [
          { dep: 'ROOT', governor: 0, dependent: 5 },
          { dep: 'amod', governor: 3, dependent: 2 },
          { dep: 'nsubj:pass', governor: 5, dependent: 3 },
          { dep: 'obl:by', governor: 5, dependent: 8 },
          { dep: 'compound', governor: 8, dependent: 7 },
        ],
      },
    ],
  };
}

describe('the CoreNLP answer', () => {
  it('becomes 0-based arcs with the root at -1, offsets kept', () => {
    const a = fromCoreNlpJson(coreNlpAnswer());
    expect(a.sentences[0]!.arcs).toContainEqual(['ROOT', -1, 4]);
    expect(a.sentences[0]!.arcs).toContainEqual(['obl:by', 4, 7]);
    expect(a.sentences[0]!.tokens[1]).toMatchObject({ begin: 4, end: 15, word: 'Dubai-based', ner: 'MISC' });
  });

  it('that does not fit the schema is rejected, not half-read', () => {
    expect(() => fromCoreNlpJson({ sentences: [{ tokens: [{ index: 1 }] }] })).toThrow();
    expect(() => fromCoreNlpJson('<html>error</html>')).toThrow();
  });
});

describe('nlp-tokens', () => {
  const doc = createDoc('story:t', TEXT, { name: 't', version: '0' }, fromCoreNlpJson(coreNlpAnswer()));
  sentences.run(doc);
  nlpTokens.run(doc);
  const index = (text: string) => doc.tokens.findIndex((t) => t.text === text);

  it('gives every one of our tokens the tags of the CoreNLP token covering it', () => {
    expect(doc.tokens[index('bought')]).toMatchObject({ pos: 'VBN', lemma: 'buy', ner: 'O' });
    expect(doc.tokens[index('Dubai')]).toMatchObject({ pos: 'JJ', ner: 'MISC' });
  });

  it('maps a hyphenated CoreNLP token to its last part, so arcs land on the head word', () => {
    expect(doc.dependencies).toContainEqual({ head: index('exchange'), dep: index('based'), rel: 'amod' });
    expect(doc.dependencies).toContainEqual({ head: index('bought'), dep: index('Group'), rel: 'obl:by' });
    expect(doc.dependencies).toContainEqual({ head: -1, dep: index('bought'), rel: 'ROOT' });
  });

  it('turns runs of one NER tag into mentions over our tokens', () => {
    expect(doc.nerMentions).toContainEqual({ t0: index('Acme'), t1: index('Group') + 1, tag: 'ORGANIZATION' });
    expect(doc.nerMentions).toContainEqual({ t0: index('Dubai'), t1: index('based') + 1, tag: 'MISC' });
  });
});

describe('the annotation cache', () => {
  const annotation: Annotation = fromCoreNlpJson(coreNlpAnswer());

  it('returns what was stored for the same text and settings, and nothing for other settings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nlp-cache-'));
    new AnnotationCache(dir, 'settings-a').set(TEXT, annotation);
    expect(new AnnotationCache(dir, 'settings-a').get(TEXT)).toEqual(annotation);
    expect(new AnnotationCache(dir, 'settings-b').get(TEXT)).toBeUndefined();
    expect(new AnnotationCache(dir, 'settings-a').get(`${TEXT} `)).toBeUndefined();
  });

  it('treats a corrupt or foreign file as a miss and leaves no temporary files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nlp-cache-'));
    const cache = new AnnotationCache(dir, 'settings-a');
    cache.set(TEXT, annotation);
    const sub = readdirSync(dir)[0]!;
    const files = readdirSync(path.join(dir, sub));
    expect(files.every((f) => f.endsWith('.json'))).toBe(true);
    writeFileSync(path.join(dir, sub, files[0]!), '{"sentences": [{"tokens": 3}]}');
    expect(cache.get(TEXT)).toBeUndefined();
  });
});

describe('corenlp.properties', () => {
  it('reads key = value lines and rejects anything else', () => {
    expect(parseProperties('# c\n\na = b,c\n x.y =  z \n')).toEqual({ a: 'b,c', 'x.y': 'z' });
    expect(() => parseProperties('annotators tokenize')).toThrow(/key = value/);
  });
});
