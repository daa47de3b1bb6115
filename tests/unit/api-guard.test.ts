import { describe, expect, it } from 'vitest';
import { ForbiddenQueryError } from '../../db/errors.js';
import { checkReadOnlyCypher, maskCypher } from '../../server/queries/guard.js';

const refused = (query: string) => {
  try {
    checkReadOnlyCypher(query);
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenQueryError);
    return true;
  }
  return false;
};

describe('checkReadOnlyCypher', () => {
  it.each([
    'MATCH (n) RETURN n LIMIT 5',
    'CALL db.labels() YIELD label RETURN label',
    'CALL   db.index.fulltext.queryNodes("search_names", "china") YIELD node RETURN node',
    'CALL `db`.`labels`()',
    'MATCH (n) CALL (n) { RETURN count(*) AS c } RETURN n, c',
    'MATCH (n) CALL { MATCH (m) RETURN m } RETURN n',
    "RETURN 'CALL dbms.killQuery(1); DROP' AS text",
    'RETURN 1 // CALL dbms.security.createUser\n',
    'MATCH (`CALL dbms.x`) RETURN 1',
    'MATCH (n) RETURN n;',
    'MATCH (n) WHERE n.name = "a;b" RETURN n ;  ',
    "RETURN '\\\\u0027' AS escapedBackslash",
    'MATCH (show:Country) RETURN show.name',
  ])('lets through %s', (query) => {
    expect(refused(query)).toBe(false);
  });

  it.each([
    'CALL dbms.killQueries(["1"])',
    'call DBMS.components()',
    'CALL db.createLabel("X")',
    'CALL db.drop("x")',
    'CALL apoc.cypher.runWrite("CREATE (n)", {})',
    'CALL `dbms`.`security`.`createUser`("x", "y", false)',
    'CALL/* hidden */dbms.listConfig()',
    'CALL\u00A0dbms.listConfig()',
    'CALL\u2003dbms . listConfig()',
    'CA\u200BLL dbms.listConfig()',
    'ＣＡＬＬ dbms.listConfig()',
    'MATCH (n) RETURN n; MATCH (m) DETACH DELETE m',
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    'load\ncsv with headers from "http://x" as r return r',
    'UNWIND range(1,10) AS i CALL (i) { CREATE (:X {i: i}) } IN TRANSACTIONS OF 2 ROWS',
    'CALL { MATCH (n) DETACH DELETE n } IN CONCURRENT TRANSACTIONS',
    'RETURN apoc.text.join(["a"], ",")',
    'TERMINATE TRANSACTIONS "neo4j-transaction-1"',
    'CREATE DATABASE other',
    'USE system SHOW USERS',
    'SHOW TRANSACTIONS',
    'show all roles',
    'SHOW USER mallory PRIVILEGES',
    'SHOW DATABASES',
    'SHOW INDEXES',
    'CYPHER 5 SHOW USERS',
    'CYPHER 5 SHOW SETTINGS',
    'CYPHER runtime=slotted SHOW TRANSACTIONS',
    'CYPHER 5 TERMINATE TRANSACTIONS "neo4j-transaction-1"',
    'CYPHER 5 runtime=slotted planner=cost USE system SHOW USERS',
    'CALL\\u0020db.clearQueryCaches()',
    "WITH '\\u0027 AS a LOAD CSV FROM \\u0027file:///etc/passwd\\u0027 AS row RETURN row //'",
    'RETURN apoc\\u002etext.join(["a"], ",")',
    'EXPLAIN MATCH (n) RETURN n',
    'CYPHER 5 PROFILE MATCH (n) RETURN n',
  ])('refuses %s', (query) => {
    expect(refused(query)).toBe(true);
  });

  it('drops one trailing semicolon from the query it returns', () => {
    expect(checkReadOnlyCypher('RETURN 1;').query).toBe('RETURN 1');
    expect(checkReadOnlyCypher("RETURN ';' AS s").query).toBe("RETURN ';' AS s");
  });

  it('masks comments and strings but keeps length and lines', () => {
    const text = "RETURN 'a\\'b' /* c\nd */ // e\n`x y`";
    const masked = maskCypher(text);
    expect(masked.length).toBe(text.length);
    expect(masked.split('\n').length).toBe(text.split('\n').length);
    expect(masked).toContain('x_y');
    expect(masked).not.toMatch(/[bcde]/);
  });
});
