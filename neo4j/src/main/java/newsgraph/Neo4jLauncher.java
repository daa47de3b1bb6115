package newsgraph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only the Bolt connector, on loopback, for development and tests.
 *
 * Configuration comes from system properties so the Node side can start it with one command line:
 *   newsgraph.dataDir     store folder            (default .data/neo4j)
 *   newsgraph.boltPort    Bolt port on 127.0.0.1  (default 7687)
 *   newsgraph.pageCache   page cache size         (default 256m)
 *   newsgraph.txTimeout   transaction timeout, s  (default 60)
 *
 * It prints "NEO4J_READY bolt://127.0.0.1:<port>" once Bolt accepts connections, and shuts the
 * database down cleanly on SIGTERM/SIGINT, so the store is never left needing recovery.
 */
public final class Neo4jLauncher {
    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(System.getProperty("newsgraph.dataDir", ".data/neo4j")).toAbsolutePath();
        int boltPort = Integer.parseInt(System.getProperty("newsgraph.boltPort", "7687"));
        String pageCache = System.getProperty("newsgraph.pageCache", "256m");
        long txTimeoutSeconds = Long.parseLong(System.getProperty("newsgraph.txTimeout", "60"));

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(dataDir)
                    // Loopback only: the bundled database is never reachable from other machines,
                    // which is why authentication can stay off.
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                    // Check for timed-out transactions every 100 ms (default 2 s), so a query that
                    // hits its timeout is stopped promptly rather than up to two seconds late.
                    .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                    .build();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            System.err.println("NEO4J_FAILED " + root.getClass().getSimpleName() + ": " + root.getMessage());
            System.exit(2);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        DatabaseManagementService running = service;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            running.shutdown();
            System.out.println("NEO4J_STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "newsgraph-neo4j-shutdown"));

        // Touch the default database so the store exists and Bolt answers before we announce readiness.
        service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + boltPort);
        System.out.flush();
        stopped.await();
    }
}
