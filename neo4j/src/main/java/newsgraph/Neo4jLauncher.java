package newsgraph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import inet.ipaddr.IPAddressString;
import org.neo4j.internal.kernel.api.procs.ProcedureSignature;
import org.neo4j.internal.kernel.api.procs.QualifiedName;
import org.neo4j.kernel.api.QueryLanguage;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
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
 * Configuration comes from system properties (nothing secret is among them):
 *   newsgraph.dataDir     store folder            (default .data/neo4j)
 *   newsgraph.boltPort    Bolt port on 127.0.0.1  (default 7687)
 *   newsgraph.pageCache   page cache size         (default 256m)
 *   newsgraph.txTimeout   transaction timeout, s  (default 60)
 *
 * Standard input is the channel to the parent process:
 *   - its first line is the password of the `neo4j` user, so the secret never appears on the command
 *     line or in the environment (both are readable by other local users through /proc);
 *   - end of input means the parent has gone (it exited or was killed): the database shuts down
 *     cleanly, so a killed app never leaves an orphaned JVM holding the port and the store.
 *
 * It prints "NEO4J_READY bolt://127.0.0.1:<port>" once Bolt accepts connections, and shuts the
 * database down cleanly on SIGTERM/SIGINT or end of stdin, so the store is never left needing recovery.
 */
public final class Neo4jLauncher {
    /**
     * The only procedures the app, the seeder, the tests and analysts' read queries call. Every other
     * procedure (dbms.listConfig, dbms.security.*, db.clearQueryCaches, any plugin's) is not loaded.
     */
    static final List<String> PROCEDURE_ALLOWLIST = List.of(
            "dbms.components",
            "db.awaitIndexes",
            "db.awaitIndex",
            "db.labels",
            "db.relationshipTypes",
            "db.propertyKeys",
            "db.schema.visualization",
            "db.schema.nodeTypeProperties",
            "db.schema.relTypeProperties",
            "db.index.fulltext.queryNodes",
            "db.index.fulltext.queryRelationships",
            // Bolt's ROUTE message (neo4j:// URIs) is answered through these; they only describe the server.
            "dbms.routing.getRoutingTable",
            "dbms.cluster.routing.getRoutingTable");

    public static void main(String[] args) throws InterruptedException, IOException {
        Path dataDir = Path.of(System.getProperty("newsgraph.dataDir", ".data/neo4j")).toAbsolutePath();
        int boltPort = Integer.parseInt(System.getProperty("newsgraph.boltPort", "7687"));
        String pageCache = System.getProperty("newsgraph.pageCache", "256m");
        long txTimeoutSeconds = Long.parseLong(System.getProperty("newsgraph.txTimeout", "60"));

        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = stdin.readLine();
        if (password == null || password.isEmpty()) {
            fail("NoPassword: the first line of standard input must be the password of the neo4j user");
        }

        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService service = running.getAndSet(null);
            if (service != null) {
                System.out.println("NEO4J_STOPPING");
                service.shutdown();
                System.out.println("NEO4J_STOPPED");
                System.out.flush();
            }
            stopped.countDown();
        }, "newsgraph-neo4j-shutdown"));
        watchParent(stdin);

        try {
            // A store that has never run has the default neo4j/neo4j account: set the real password
            // before Bolt ever listens, so there is no moment in which the default one works.
            boolean firstStart = !Files.exists(dataDir.resolve("data").resolve("databases").resolve("system"));
            if (firstStart) {
                DatabaseManagementService offline = builder(dataDir, boltPort, pageCache, txTimeoutSeconds, false).build();
                setPassword(offline, password);
                offline.shutdown();
            }
            DatabaseManagementService service = builder(dataDir, boltPort, pageCache, txTimeoutSeconds, true).build();
            running.set(service);
            unregisterBuiltInsOutsideAllowlist(service);
            // Later starts apply the password again: NEO4J_PASSWORD may have changed it.
            if (!firstStart) setPassword(service, password);
            // Touch the default database so the store exists and Bolt answers before we announce readiness.
            service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            fail(root.getClass().getSimpleName() + ": " + root.getMessage());
        }
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + boltPort);
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementServiceBuilder builder(Path dataDir, int boltPort, String pageCache, long txTimeoutSeconds, boolean bolt) {
        return new DatabaseManagementServiceBuilder(dataDir)
                // Loopback only, and a password on top: other machines never reach it, and other
                // local processes need the password from the data folder.
                .setConfig(BoltConnector.enabled, bolt)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Cypher never reads local files (LOAD CSV FROM 'file:///…') nor fetches URLs: every
                // IPv4 and IPv6 address is blocked, so LOAD CSV cannot reach the network or loopback.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                // Only the procedures the app needs are loaded; none runs with elevated rights.
                .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURE_ALLOWLIST)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                // Check for timed-out transactions every 100 ms (default 2 s), so a query that
                // hits its timeout is stopped promptly rather than up to two seconds late.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100));
    }

    /**
     * `dbms.security.procedures.allowlist` only filters procedures loaded from plugin jars: in 5.26 the
     * built-in ones (dbms.listConfig, db.clearQueryCaches, dbms.killQueries…) stay callable by every
     * user, since Community has no roles. So the ones outside the allowlist are removed from the
     * registry as well. This uses Neo4j's internal procedure registry (pinned by pom.xml); if it ever
     * changes, the start fails rather than running with the full set.
     */
    private static void unregisterBuiltInsOutsideAllowlist(DatabaseManagementService service) {
        GlobalProcedures procedures = ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                .getDependencyResolver().resolveDependency(GlobalProcedures.class);
        Set<QualifiedName> refused = new HashSet<>();
        for (QueryLanguage language : QueryLanguage.values()) {
            procedures.getCurrentView().getAllProcedures(language)
                    .map(ProcedureSignature::name)
                    .filter(name -> !PROCEDURE_ALLOWLIST.contains(name.toString()))
                    .forEach(refused::add);
        }
        refused.forEach(procedures::unregister);
    }

    /** Sets the neo4j user's password through the system database (no change required at login). */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Setting the password it already has is refused; that is the usual case after the first start.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
        }
    }

    /** End of standard input means the parent is gone: exit, which runs the clean shutdown hook. */
    private static void watchParent(BufferedReader stdin) {
        Thread watcher = new Thread(() -> {
            try {
                while (stdin.readLine() != null) {
                    // Nothing else is sent; keep reading until the pipe closes.
                }
            } catch (IOException ignored) {
                // A broken pipe is the same as end of input.
            }
            System.out.println("NEO4J_PARENT_GONE");
            System.exit(0);
        }, "newsgraph-neo4j-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void fail(String reason) {
        System.err.println("NEO4J_FAILED " + reason);
        System.exit(2);
    }
}
