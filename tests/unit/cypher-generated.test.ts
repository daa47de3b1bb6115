/** The Cypher the server generates from the model (never from user input), snapshotted inline. */
import { describe, expect, it } from 'vitest';
import { FACTS_BY_KEYS } from '../../server/reads/facts.js';
import { PATH_QUERIES } from '../../server/routes/graph.js';

describe('generated Cypher', () => {
  it('looks facts up by key, one indexed branch per fact type', () => {
    expect(FACTS_BY_KEYS).toMatchInlineSnapshot(`
      "UNWIND $keys AS k
      CALL (k) {
        MATCH (a)-[f:TRADES_WITH {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:OWNS_STAKE {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:ACQUIRED {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:SANCTIONS {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:EXPORT_CONTROLS {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:BUILT {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:LOCATED_IN {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:LEADS {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:MEETS {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:ACCUSES {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:INVESTIGATES {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:HACKED {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:STATIONED_IN {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:EMPLOYED_BY {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:SUPPORTS {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:THREATENS {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:INVESTS_IN {key: k}]->(b) RETURN f, a, b
        UNION ALL
        MATCH (a)-[f:SUPPLIES {key: k}]->(b) RETURN f, a, b
      }
      RETURN f, a, b"
    `);
  });

  it('bounds shortest paths by a fixed text per hop count, values as parameters', () => {
    expect(PATH_QUERIES).toHaveLength(6);
    expect(PATH_QUERIES[2]).toMatchInlineSnapshot(`
      "MATCH (a:Entity {id: $from})
      MATCH (b:Entity {id: $to})
      MATCH p = allShortestPaths((a)-[:TRADES_WITH|OWNS_STAKE|ACQUIRED|SANCTIONS|EXPORT_CONTROLS|BUILT|LOCATED_IN|LEADS|MEETS|ACCUSES|INVESTIGATES|HACKED|STATIONED_IN|EMPLOYED_BY|SUPPORTS|THREATENS|INVESTS_IN|SUPPLIES*..3]-(b))
      RETURN p
      LIMIT $limit"
    `);
  });
});
