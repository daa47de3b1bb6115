package newsgraph;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;

import edu.stanford.nlp.pipeline.StanfordCoreNLPServer;

/**
 * Runs Stanford CoreNLP's own StanfordCoreNLPServer for newsgraph, on 127.0.0.1 only.
 *
 * The arguments are CoreNLP's server flags (-port, -threads, -timeout, -preload, -serverProperties…),
 * passed through unchanged. The launcher adds two things CoreNLP lacks:
 *   - loopback only (LoopbackHttpServerProvider), since CoreNLP binds every interface;
 *   - a tie to the parent: end of standard input means the app that started it has gone (exited or
 *     was killed), and the JVM exits, so no orphaned server keeps the port and 2 GB of memory.
 *
 * It prints "NLP_READY http://127.0.0.1:<port>" once the models are loaded and the port listens, or
 * "NLP_FAILED <reason>" and exits 1 when it cannot listen.
 */
public final class NlpServer {
    public static void main(String[] args) {
        System.setProperty("com.sun.net.httpserver.HttpServerProvider", LoopbackHttpServerProvider.class.getName());
        StanfordCoreNLPServer server;
        try {
            server = StanfordCoreNLPServer.launchServer(args);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        InetSocketAddress address = server.getServer().map(s -> s.getAddress()).orElse(null);
        if (address == null) {
            fail(new IllegalStateException("the server did not start listening"));
            return;
        }
        System.out.println("NLP_READY http://127.0.0.1:" + address.getPort());
        System.out.flush();
        waitForParent(System.in);
        System.exit(0);
    }

    private static void fail(Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            reason += " / " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        System.out.println("NLP_FAILED " + reason.replace('\n', ' '));
        System.out.flush();
        System.exit(1);
    }

    /** Returns at end of input: the parent closed the pipe or died. */
    private static void waitForParent(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // nothing is expected on stdin; it only signals that the parent is alive
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of input
        }
    }
}
