package nl.vioms.sladesk.probe.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.probe.Prober;

/**
 * How long one probe round takes for 1 000 targets of which 10 % never answer (2 s timeout):
 * 300 SIP OPTIONS over UDP, 300 TCP connects and 300 HTTP requests to live peers on 127.0.0.1, and
 * 50 SIP and 50 HTTP targets whose peer takes the request and never answers. The baseline beside
 * it: one timeout (the goal) and the sequential lower bound (100 dead targets one after another).
 * {@code ./mvnw -q -pl functions/probe test-compile exec:exec@bench}
 */
public final class ProbeRoundBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            System.exit(0); // the peers' threads are done with, also when the run failed
        }
    }

    private static void run() throws Exception {
        List<AutoCloseable> peers = new ArrayList<>();
        DatagramSocket sipPeer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        peers.add(sipPeer);
        Thread responder = new Thread(() -> answerOptions(sipPeer), "sip-peer");
        responder.setDaemon(true);
        responder.start();
        DatagramSocket silentSip =
                new DatagramSocket(0, InetAddress.getLoopbackAddress()); // reads nothing, answers nothing
        peers.add(silentSip);
        ServerSocket tcpPeer = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        peers.add(tcpPeer);
        daemon(() -> {
            while (true) {
                try (Socket s = tcpPeer.accept()) {
                    /* connected is up */
                } catch (Exception e) {
                    return;
                }
            }
        });
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        http.createContext("/health", ex -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        var httpThreads = Executors.newFixedThreadPool(8);
        http.setExecutor(httpThreads);
        http.start();
        ServerSocket silentHttp =
                new ServerSocket(0, 1000, InetAddress.getLoopbackAddress()); // accepts, never responds
        peers.add(silentHttp);
        List<Socket> held = new ArrayList<>();
        daemon(() -> {
            while (true) {
                try {
                    Socket s = silentHttp.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });

        List<ProbeTarget> targets = new ArrayList<>();
        String service = "platform:bench";
        for (int i = 0; i < 300; i++) {
            targets.add(
                    ProbeTarget.sip("sip-" + i, service, "127.0.0.1", sipPeer.getLocalPort(), null, Set.of(), TIMEOUT));
            targets.add(ProbeTarget.tcp("tcp-" + i, service, "127.0.0.1", tcpPeer.getLocalPort(), TIMEOUT));
            targets.add(ProbeTarget.http(
                    "http-" + i,
                    service,
                    URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/health"),
                    "ok",
                    TIMEOUT));
        }
        for (int i = 0; i < 50; i++) {
            targets.add(ProbeTarget.sip(
                    "dead-sip-" + i, service, "127.0.0.1", silentSip.getLocalPort(), null, Set.of(), TIMEOUT));
            targets.add(ProbeTarget.http(
                    "dead-http-" + i,
                    service,
                    URI.create("http://127.0.0.1:" + silentHttp.getLocalPort() + "/"),
                    null,
                    TIMEOUT));
        }

        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("probe round: " + targets.size() + " targets, 100 never answer, timeout "
                + TIMEOUT.toMillis() + " ms, " + cores + " cores, Java " + Runtime.version());
        System.out.println("baseline: one timeout = " + TIMEOUT.toMillis()
                + " ms (the goal); sequential lower bound = 100 x " + TIMEOUT.toMillis() + " ms = "
                + 100 * TIMEOUT.toMillis() + " ms (dead targets alone, one after another)");
        for (int threads : new int[] {Prober.DEFAULT_THREADS, 64}) {
            try (Prober prober = new Prober(threads)) {
                prober.round(targets, Instant.now()); // warm-up: JIT, thread start, HTTP client
                List<Long> times = new ArrayList<>();
                long up = 0, degraded = 0, failed = 0;
                for (int run = 0; run < 3; run++) {
                    long start = System.nanoTime();
                    List<CheckResult> results = prober.round(targets, Instant.now());
                    times.add((System.nanoTime() - start) / 1_000_000);
                    up = results.stream()
                            .filter(r -> r.status() == CheckResult.Status.UP)
                            .count();
                    degraded = results.stream()
                            .filter(r -> r.status() == CheckResult.Status.DEGRADED)
                            .count();
                    failed = results.stream()
                            .filter(r -> r.status() == CheckResult.Status.FAILED)
                            .count();
                }
                times.sort(Long::compare);
                System.out.printf(
                        "%3d threads: round %5d ms (median of 3: %s ms)  up %d, degraded (>25 ms) %d, failed %d "
                                + " = %.2f timeouts%n",
                        threads, times.get(1), times, up, degraded, failed, times.get(1) / (double) TIMEOUT.toMillis());
            }
        }
        http.stop(0);
        httpThreads.shutdownNow();
        for (AutoCloseable c : peers) {
            c.close();
        }
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static void answerOptions(DatagramSocket socket) {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                socket.receive(in);
                StringBuilder reply = new StringBuilder("SIP/2.0 200 OK\r\n");
                for (String line : new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8).split("\r\n")) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("via:")
                            || lower.startsWith("from:")
                            || lower.startsWith("to:")
                            || lower.startsWith("call-id:")
                            || lower.startsWith("cseq:")) {
                        reply.append(line).append("\r\n");
                    }
                }
                byte[] out =
                        reply.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (Exception e) {
                return;
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
    }
}
