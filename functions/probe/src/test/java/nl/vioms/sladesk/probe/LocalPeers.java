package nl.vioms.sladesk.probe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP listener (say the softphone port 1791) and an HTTP server on 127.0.0.1, stoppable and restartable on their
 * ports.
 */
final class LocalPeers implements AutoCloseable {
    final int tcpPort;
    final int httpPort;
    private ServerSocket tcp;
    private Thread acceptor;
    private HttpServer http;

    LocalPeers() throws IOException {
        this.tcpPort = Kamailio.freePort();
        this.httpPort = Kamailio.freePort();
        start();
    }

    void start() throws IOException {
        tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress("127.0.0.1", tcpPort));
        ServerSocket listening = tcp;
        acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try (Socket ignored = listening.accept()) {
                            // a connect is the check; close at once
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "tcp-peer");
        acceptor.setDaemon(true);
        acceptor.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 50);
        http.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        http.start();
    }

    void stop() {
        try {
            tcp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
