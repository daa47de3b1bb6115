/**
 * The parsing stage of seeding: pages (text, JSON, NDJSON) → Story values.
 *
 *   parsePage(fileName, text)   one page's text → stories (layout detected from the text)
 *   readCorpus(paths)           read files as bytes, reject bad ones with a message, merge repeats
 *   listCorpusFiles(dir)        the .txt / .json / .ndjson / .jsonl files of a directory, sorted
 *   storyId(title, body)        stable id of a story
 *   mergeStories(stories)       one Story per id, pages united
 */
export { parsePage, parseTextPage } from './page.js';
export { readCorpus, listCorpusFiles, parseFile, decodeFile, MAX_FILE_BYTES, CORPUS_EXTENSIONS, type ReadOptions } from './read-files.js';
export { storyId, normaliseForId } from './story-id.js';
export { mergeStories } from './merge.js';
export { detectLayout, detectLayoutDetailed, type PageLayout, type Detection } from './detect.js';
export { parseDate, findDate } from './dates.js';
export { parseJsonFile, parseNdjsonFile, storyFromInput, type ParseError, type ParseResult } from './json.js';
export { parseSourceLinePage, parseSourceLine, splitOutletPrefix } from './layouts/source-line.js';
export { parseTakeawaysPage } from './layouts/takeaways.js';
export { parseNewswirePage } from './layouts/newswire.js';
export { parseGenericPage } from './layouts/generic.js';
export { OUTLET_ABBREVIATIONS, canonicalOutlet } from './outlets.js';
export type { Layout } from './layouts/index.js';
export { LAYOUTS, FALLBACK_LAYOUT, type PageLayoutSpec } from './layouts/index.js';
