/** Writes cypher/schema.cypher from the model (model/schema/). Run after changing a label or relation type. */
import { writeFileSync } from 'node:fs';
import { MODEL } from '../graph-model.js';
import { SCHEMA_FILE, schemaCypher } from '../schema/schema-statements.js';

writeFileSync(SCHEMA_FILE, schemaCypher(MODEL));
console.log(`wrote ${SCHEMA_FILE}`);
