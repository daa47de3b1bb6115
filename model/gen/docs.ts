/** Rewrites the generated property tables of docs/graph-shape.md from the model (model/schema/). */
import { readFileSync, writeFileSync } from 'node:fs';
import { MODEL } from '../graph-model.js';
import { GRAPH_SHAPE_DOC, withPropertyTables } from '../schema/docs.js';

writeFileSync(GRAPH_SHAPE_DOC, withPropertyTables(readFileSync(GRAPH_SHAPE_DOC, 'utf8'), MODEL));
console.log(`wrote ${GRAPH_SHAPE_DOC}`);
