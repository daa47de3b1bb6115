/**
 * The seeding pipeline's public entry: the one module outside seed/ (the server's upload route and
 * first-run seeding) may import. Everything behind it (parsers, extractor, loader) can change shape
 * without the server noticing. seed/ itself never imports server/: both sit on db/ and model/.
 */
export { parsePage, storyFromInput } from './parse/index.js';
export { loadStories, seedCorpus, SAMPLE_DIR, type LoadResult, type SeedOptions, type SeedSummary } from './pipeline.js';
export { formatSummary } from './summary.js';
export { EXTRACTOR_NAMES, extractorFor, nlpExtractor, rulesExtractor, type Extractor, type ExtractorName } from './extract/extractors.js';
