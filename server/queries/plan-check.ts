/**
 * The deciding read-only check of analyst Cypher: ask the server. The query is EXPLAINed in the
 * same read transaction, with the same parameters, just before it runs, and refused unless
 *   - the plan's query type is read-only ('r'), and
 *   - every operator of the plan tree is a known read operator (an allow-list: an operator this
 *     list does not know — a new command, an operator of a later Neo4j — is refused, not trusted), and
 *   - every procedure call is in ALLOWED_PROCEDURES, and no plan expression calls apoc/gds/dbms functions.
 *
 * Why the plan and not the text: Neo4j decodes \uXXXX escapes before it parses, accepts `CYPHER …`
 * prefixes and keeps adding syntax, so any text pattern is one trick behind the parser. The plan is
 * what will run. A read-only query type alone is not enough: SHOW SETTINGS, SHOW/TERMINATE
 * TRANSACTIONS, LOAD CSV and CALL … IN TRANSACTIONS all plan as 'r'. This check stands on its own,
 * against any Neo4j 5 server, whatever its own settings (file URLs, procedure allow-lists).
 */
import type { ManagedTransaction, ResultSummary } from 'neo4j-driver';
import { ForbiddenQueryError } from '../../db/errors.js';
import { ALLOWED_PROCEDURES } from './guard.js';

/**
 * Operators that only read the graph or shape rows (Neo4j 5 names, without the `@db` suffix and the
 * `(All)`/`(Into)` mode). Taken from the Cypher manual's operator list, minus every updating
 * operator, every command (Show…, Terminate…, Create/Drop index or constraint, AdministrationCommand),
 * LoadCSV, Foreach, TransactionApply/TransactionForeach (CALL … IN TRANSACTIONS) and RunQueryAt.
 */
export const READ_OPERATORS: ReadonlySet<string> = new Set([
  // leaves: scans and seeks
  'AllNodesScan', 'NodeByLabelScan', 'IntersectionNodeByLabelsScan', 'UnionNodeByLabelsScan', 'SubtractionNodeByLabelsScan',
  'NodeByIdSeek', 'NodeByElementIdSeek', 'NodeIndexSeek', 'NodeUniqueIndexSeek', 'NodeIndexSeekByRange', 'NodeUniqueIndexSeekByRange',
  'MultiNodeIndexSeek', 'AssertingMultiNodeIndexSeek', 'NodeIndexScan', 'NodeIndexContainsScan', 'NodeIndexEndsWithScan',
  'DirectedRelationshipByIdSeek', 'UndirectedRelationshipByIdSeek', 'DirectedRelationshipByElementIdSeek', 'UndirectedRelationshipByElementIdSeek',
  'DirectedRelationshipIndexSeek', 'UndirectedRelationshipIndexSeek', 'DirectedRelationshipUniqueIndexSeek', 'UndirectedRelationshipUniqueIndexSeek',
  'DirectedRelationshipIndexSeekByRange', 'UndirectedRelationshipIndexSeekByRange', 'DirectedRelationshipUniqueIndexSeekByRange', 'UndirectedRelationshipUniqueIndexSeekByRange',
  'DirectedRelationshipIndexScan', 'UndirectedRelationshipIndexScan', 'DirectedRelationshipIndexContainsScan', 'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan', 'UndirectedRelationshipIndexEndsWithScan', 'DirectedRelationshipTypeScan', 'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan', 'UndirectedUnionRelationshipTypesScan', 'DirectedAllRelationshipsScan', 'UndirectedAllRelationshipsScan',
  'PartitionedAllNodesScan', 'PartitionedNodeByLabelScan', 'PartitionedNodeIndexScan', 'PartitionedNodeIndexSeek', 'PartitionedUnwind',
  'NodeCountFromCountStore', 'RelationshipCountFromCountStore', 'Argument', 'ArgumentTracker', 'EmptyRow', 'Input',
  // traversal
  'Expand', 'OptionalExpand', 'VarLengthExpand', 'BFSPruningVarLengthExpand', 'ShortestPath', 'StatefulShortestPath', 'Repeat', 'BidirectionalRepeat',
  'ProjectEndpoints', 'TriadicBuild', 'TriadicFilter', 'TriadicSelection', 'PathPropagatingBFS', 'NullifyMetadata',
  // joins, subqueries and branches
  'Apply', 'SemiApply', 'AntiSemiApply', 'LetSemiApply', 'LetAntiSemiApply', 'SelectOrSemiApply', 'SelectOrAntiSemiApply', 'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply', 'ConditionalApply', 'AntiConditionalApply', 'RollUpApply', 'CartesianProduct', 'NodeHashJoin', 'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin', 'ValueHashJoin', 'Optional', 'Union', 'OrderedUnion', 'AssertSameNode', 'AssertSameRelationship',
  // rows
  'ProduceResults', 'Filter', 'Projection', 'Limit', 'ExhaustiveLimit', 'Skip', 'Sort', 'PartialSort', 'Top', 'PartialTop', 'Distinct', 'OrderedDistinct',
  'EagerAggregation', 'OrderedAggregation', 'Aggregation', 'Eager', 'Unwind', 'CacheProperties', 'EmptyResult', 'RemoteBatchProperties',
  // procedures: allowed only for ALLOWED_PROCEDURES (checked below)
  'ProcedureCall',
]);

/** Function namespaces refused in any plan expression (plugins that run Cypher or reach the network). */
const FORBIDDEN_FUNCTIONS = /(?<![\w`$])(?:apoc|gds|dbms)\s*\.\s*[\w.]+\s*\(/i;

interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/** `Expand(All)@neo4j` → `Expand`. */
export const operatorName = (operatorType: string) => operatorType.split('@')[0]!.replace(/\(.*$/, '').trim();

/** The procedure a ProcedureCall operator runs, lowercased: its Details start `db.labels() :: …`. */
function procedureOf(node: PlanNode): string | undefined {
  const details = String(node.arguments?.Details ?? node.arguments?.details ?? '');
  return /^\s*`?([\p{L}_][\p{L}\p{N}_.`]*)`?\s*\(/u.exec(details)?.[1]?.replace(/`/g, '').toLowerCase();
}

/** Throws ForbiddenQueryError unless `summary` (of an EXPLAIN) describes a read-only plan of known operators. */
export function checkPlan(summary: Pick<ResultSummary, 'queryType' | 'plan'>): void {
  if (summary.queryType !== 'r') {
    throw new ForbiddenQueryError('This query would change the database or run a command; only read queries are allowed here.', {
      queryType: summary.queryType,
    });
  }
  const root = summary.plan as unknown as PlanNode | false | undefined;
  if (!root || typeof root.operatorType !== 'string') throw new ForbiddenQueryError('The database gave no plan for this query, so it cannot be checked.');
  const stack: PlanNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const name = operatorName(node.operatorType);
    if (name === 'LoadCSV') throw new ForbiddenQueryError('LOAD CSV is not allowed here: the explorer reads the graph only.');
    if (!READ_OPERATORS.has(name)) {
      throw new ForbiddenQueryError(`The query plan uses ${name}, which is not a read operation allowed here (commands, LOAD CSV and batched transactions are refused).`, {
        operator: name,
      });
    }
    if (name === 'ProcedureCall') {
      const procedure = procedureOf(node);
      if (!procedure || !ALLOWED_PROCEDURES.has(procedure)) {
        throw new ForbiddenQueryError(`Procedure ${procedure ?? '(unknown)'} is not allowed here. Allowed: ${[...ALLOWED_PROCEDURES].join(', ')}.`, { procedure });
      }
    }
    for (const value of Object.values(node.arguments ?? {})) {
      if (typeof value === 'string' && FORBIDDEN_FUNCTIONS.test(value)) {
        throw new ForbiddenQueryError('Functions of the apoc, gds and dbms namespaces are not allowed here.');
      }
    }
    stack.push(...(node.children ?? []));
  }
}

/** EXPLAINs `cypher` in `tx` (the transaction the query will run in) and checks the plan. */
export async function explainAndCheck(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>): Promise<void> {
  const explained = await tx.run(`EXPLAIN ${cypher}`, params);
  checkPlan(explained.summary);
}
