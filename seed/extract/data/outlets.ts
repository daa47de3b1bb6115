/**
 * The one outlet dictionary (seed/catalog/outlets.json), read by the gazetteer (outlets as entities)
 * and by the page parser (the short forms pages write in title prefixes, Source lines and datelines).
 */
import { loadCatalogFile } from './read.js';
import { outletsFile } from './schemas.js';
import type { z } from 'zod';

export type OutletDictionary = z.output<typeof outletsFile>;

let cached: OutletDictionary | null = null;
export function outletDictionary(): OutletDictionary {
  return (cached ??= loadCatalogFile('outlets.json', outletsFile));
}
