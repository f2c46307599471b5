package mx.cte.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** The ceiling on this machine: Jetty 9.4 (the line Karaf's HTTP service runs on) with one servlet and a fixed JSON. */
final class BareJetty implements AutoCloseable {

    private static final byte[] BODY = "{\"status\":\"ok\",\"modulo\":\"referencia\"}".getBytes(StandardCharsets.UTF_8);

    private final Server server;
    private final int port;

    private BareJetty(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static BareJetty start() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.setContentLength(BODY.length);
                response.getOutputStream().write(BODY);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        return new BareJetty(server, connector.getLocalPort());
    }

    String url() {
        return "http://127.0.0.1:" + port + "/api/v1/referencia";
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
