package newsgraph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;

/**
 * CoreNLP's server has no bind-address option: it listens on every interface of the machine. This
 * provider (installed through the com.sun.net.httpserver.HttpServerProvider system property) hands
 * every server the JDK creates to the JDK's own provider with the address replaced by 127.0.0.1, so
 * only local processes can reach the NLP server.
 *
 * The JDK's provider sits in a package that is not exported; the launcher runs with
 * --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED so it can be reached reflectively.
 */
public final class LoopbackHttpServerProvider extends HttpServerProvider {
    private final HttpServerProvider jdk;

    public LoopbackHttpServerProvider() {
        try {
            jdk = (HttpServerProvider) Class.forName("sun.net.httpserver.DefaultHttpServerProvider")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the JDK's HTTP server provider is not reachable: " + e, e);
        }
    }

    private static InetSocketAddress loopback(InetSocketAddress address) {
        int port = address == null ? 0 : address.getPort();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
        return jdk.createHttpServer(loopback(address), backlog);
    }

    @Override
    public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
        return jdk.createHttpsServer(loopback(address), backlog);
    }
}
