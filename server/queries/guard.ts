/**
 * A pre-flight check of analyst Cypher (ad-hoc and saved). It refuses, with a clear 400, what a
 * read transaction would not stop or what has no place in an explorer: procedure calls outside a
 * small allow-list (dbms.*, db.create*, apoc.*…), LOAD CSV, several statements, CALL … IN
 * TRANSACTIONS and administration commands. The database's read-only transaction stays the real
 * guarantee against writes; this check only has to be robust, so it works on a *masked* copy of
 * the text: comments and string literals blanked out, backticked names unquoted, Unicode
 * normalised and invisible characters dropped.
 */
import { ForbiddenQueryError } from '../errors.js';

/** Procedures analysts may CALL (lowercase). Everything else is refused before it runs. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);

/** Function namespaces refused anywhere (plugins that can run arbitrary Cypher or reach the network). */
const FORBIDDEN_FUNCTION_NAMESPACES = /\b(apoc|gds|dbms)\s*\.\s*[A-Za-z_]/i;

/**
 * Returns the text with the same length and line structure, where comments and the contents of
 * string literals are spaces and each backticked name is replaced by its content (non-identifier
 * characters turned into `_`), so `\`db\`.\`labels\`` reads as `db.labels`.
 */
export function maskCypher(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      for (; i < stop; i++) out += text[i] === '\n' ? '\n' : ' ';
    } else if (c === "'" || c === '"') {
      out += c;
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < n) {
          out += '  ';
          i += 2;
        } else {
          out += text[i] === '\n' ? '\n' : ' ';
          i++;
        }
      }
      if (i < n) {
        out += c;
        i++;
      }
    } else if (c === '`') {
      // A backticked name; `` inside it is an escaped backtick.
      out += ' ';
      i++;
      while (i < n) {
        if (text[i] === '`' && text[i + 1] === '`') {
          out += '__';
          i += 2;
        } else if (text[i] === '`') {
          break;
        } else {
          out += /[\p{L}\p{N}_]/u.test(text[i]!) ? text[i] : '_';
          i++;
        }
      }
      if (i < n) {
        out += ' ';
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function normalise(text: string): string {
  // NFKC folds look-alike letters and exotic spaces; format characters (zero-width space, BOM…)
  // are dropped so "CA\u200BLL" cannot hide a CALL. Remaining Unicode spaces become plain ones.
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\s\u0085\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/gu, (ch) => (ch === '\n' ? '\n' : ' '));
}

export interface GuardResult {
  /** The query to send: the original text, minus one trailing semicolon. */
  query: string;
}

/** Throws ForbiddenQueryError (400, `query_not_allowed`) or returns the query to run. */
export function checkReadOnlyCypher(query: string): GuardResult {
  const masked = maskCypher(normalise(query));
  const lower = masked.toLowerCase();

  // Several statements: a semicolon followed by anything but whitespace.
  const semi = lower.indexOf(';');
  if (semi !== -1 && lower.slice(semi + 1).trim().length > 0) {
    throw new ForbiddenQueryError('Send one statement at a time (found a semicolon between statements).');
  }
  if (/\bload\s+csv\b/.test(lower)) {
    throw new ForbiddenQueryError('LOAD CSV is not allowed here: the explorer reads the graph only.');
  }
  if (/\bin\s+(?:\d+\s+|\$\w+\s+)?(?:concurrent\s+)?transactions\b/.test(lower) || /\bperiodic\s+commit\b/.test(lower)) {
    throw new ForbiddenQueryError('CALL … IN TRANSACTIONS is not allowed here: the explorer reads the graph only.');
  }
  if (/^\s*use\b|\{\s*use\b/.test(lower)) {
    throw new ForbiddenQueryError('USE is not allowed here: queries run against the explorer\'s database.');
  }
  if (/^\s*(?:terminate|grant|deny|revoke|alter|start|stop|enable|show\s+(?:(?:all|populated|user|role|\w+)\s+)*(?:users?|roles?|privileges?|current\s+user|servers?|settings?|transactions?|databases?|aliases?))\b/.test(lower) ||
      /\b(?:create|drop|alter)\s+(?:or\s+replace\s+)?(?:composite\s+)?(?:database|alias|user|role|server)\b/.test(lower)) {
    throw new ForbiddenQueryError('Administration commands are not allowed here.');
  }
  // CALL <name> — a procedure; CALL { … } and CALL (x) { … } are subqueries and stay allowed.
  const callPattern = /\bcall\b\s*([\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)*)/gu;
  for (const match of lower.matchAll(callPattern)) {
    const name = match[1]!.replace(/\s+/g, '');
    if (!ALLOWED_PROCEDURES.has(name)) {
      throw new ForbiddenQueryError(`Procedure ${name} is not allowed here. Allowed: ${[...ALLOWED_PROCEDURES].join(', ')}.`, {
        procedure: name,
      });
    }
  }
  if (FORBIDDEN_FUNCTION_NAMESPACES.test(lower)) {
    throw new ForbiddenQueryError('Functions of the apoc, gds and dbms namespaces are not allowed here.');
  }
  let runnable = query;
  if (semi !== -1) {
    if (masked.length === query.length) runnable = query.slice(0, semi) + query.slice(semi + 1);
    else runnable = query.trimEnd().replace(/;$/, '');
  }
  return { query: runnable };
}
