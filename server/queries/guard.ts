/**
 * A pre-flight check of analyst Cypher (ad-hoc and saved). It refuses, with a clear 400, what a
 * read transaction would not stop or what has no place in an explorer: procedure calls outside a
 * small allow-list (dbms.*, db.create*, apoc.*…), LOAD CSV, several statements, CALL … IN
 * TRANSACTIONS and administration commands. The database's read-only transaction stays the real
 * guarantee against writes; this check only has to be robust, so it works on a *masked* copy of
 * the text: comments and string literals blanked out, backticked names unquoted, Unicode
 * normalised and invisible characters dropped.
 *
 * It is only the fast first answer with a friendly message. Text can always be written in a way a
 * pattern misses (Neo4j decodes Java-style \uXXXX escapes before it parses, so a quote can hide
 * as \u0027), so the deciding check asks the server itself: see plan-check.ts, which EXPLAINs
 * every analyst query in its own read transaction before running it.
 */
import { ForbiddenQueryError } from '../../db/errors.js';

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

/**
 * Decodes Java-style unicode escapes (`\u0027`, also `\uuu0027`) the way Neo4j's parser does before
 * it reads the text: an escape counts only after an odd number of backslashes (`\\u0027` is a
 * backslash and the letters). Applied repeatedly, since a decoded backslash cannot start a new
 * escape in Java but costs nothing to be strict about.
 */
export function decodeUnicodeEscapes(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    const next = current.replace(/(\\+)u+([0-9a-fA-F]{4})/g, (match, slashes: string, hex: string) =>
      slashes.length % 2 === 1 ? slashes.slice(1) + String.fromCharCode(parseInt(hex, 16)) : match,
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Leading `CYPHER 5`, `CYPHER runtime=slotted …` options and EXPLAIN/PROFILE, which Neo4j reads
 * before the statement itself: the statement's own first word comes after them.
 */
const QUERY_PREFIX = /^\s*(?:(?:cypher(?:\s+\d+(?:\.\d+)?)?(?:\s+[a-z_]+\s*=\s*[\w.]+)*|explain|profile)(?:\s+|$))*/;

/** Administration and SHOW/TERMINATE commands: at the start of the statement, or after YIELD (SHOW … YIELD … TERMINATE). */
const ADMIN_AT_START =
  /^(?:terminate|grant|deny|revoke|alter|start|stop|enable|dryrun|rename|show)\b/;
const ADMIN_ANYWHERE =
  /\b(?:terminate\s+(?:transactions?|queries|query)|show\s+(?:(?:all|populated|user|role|current|builtin|user\s+defined|\w+)\s+)*(?:users?|roles?|privileges?|servers?|settings?|transactions?|databases?|aliases?|procedures?|functions?|indexes|constraints?))\b/;

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
  const decoded = decodeUnicodeEscapes(query);
  const masked = maskCypher(normalise(decoded));
  const lower = masked.toLowerCase();
  const prefix = QUERY_PREFIX.exec(lower)?.[0] ?? '';
  const statement = lower.slice(prefix.length);

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
  if (/\b(?:explain|profile)\b/.test(prefix)) {
    throw new ForbiddenQueryError('EXPLAIN and PROFILE are not available here: send the query itself.');
  }
  if (/^use\b|\{\s*use\b/.test(statement)) {
    throw new ForbiddenQueryError('USE is not allowed here: queries run against the explorer\'s database.');
  }
  if (ADMIN_AT_START.test(statement) || ADMIN_ANYWHERE.test(statement) ||
      /\b(?:create|drop|alter)\s+(?:or\s+replace\s+)?(?:composite\s+)?(?:database|alias|user|role|server)\b/.test(lower)) {
    throw new ForbiddenQueryError('Administration and SHOW/TERMINATE commands are not allowed here.');
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
