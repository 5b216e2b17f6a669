package nl.vioms.sladesk.probe;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real SIP server for the tests: Kamailio from Debian's packages (.ci/run installs it), started
 * on 127.0.0.1 with a minimal stateless config that answers OPTIONS: 200 OK on {@link #port} (UDP
 * and TCP), 480 on {@link #busyPort}, 503 on {@link #maintPort} (UDP). Without the binary the tests fail on CI (CI is
 * set) and are skipped elsewhere, saying how to install it.
 */
final class Kamailio implements AutoCloseable {
    private static final List<Path> CANDIDATES =
            List.of(Path.of("/usr/sbin/kamailio"), Path.of("/usr/local/sbin/kamailio"));

    final int port, busyPort, maintPort;
    private final Path dir;
    private Process process;

    private Kamailio(int port, int busyPort, int maintPort, Path dir) {
        this.port = port;
        this.busyPort = busyPort;
        this.maintPort = maintPort;
        this.dir = dir;
    }

    static Path binary() {
        Path found = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        String hint = "the SIP peer of the probe tests, Kamailio, is not installed: apt-get install -y kamailio "
                + "(.ci/run does)";
        if (found == null) {
            if (System.getenv("CI") != null) {
                Assertions.fail(hint);
            }
            Assumptions.abort(hint);
        }
        return found;
    }

    /** Starts Kamailio on a free port (UDP and TCP) and waits until it answers. */
    static Kamailio start() throws IOException {
        Path bin = binary();
        Path dir = Files.createTempDirectory("kamailio-");
        Kamailio k = new Kamailio(freePort(), freePort(), freePort(), dir);
        Files.writeString(dir.resolve("kamailio.cfg"), """
                #!KAMAILIO
                debug=1
                log_stderror=yes
                children=2
                tcp_children=2
                auto_aliases=no
                listen=udp:127.0.0.1:%d
                listen=tcp:127.0.0.1:%d
                listen=udp:127.0.0.1:%d
                listen=udp:127.0.0.1:%d
                mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/:/usr/lib/kamailio/modules/:\
                /usr/local/lib64/kamailio/modules/"
                loadmodule "sl.so"
                loadmodule "pv.so"
                request_route {
                    if (method != "OPTIONS") { sl_send_reply("405", "Method Not Allowed"); exit; }
                    if ($Rp == %d) { sl_send_reply("480", "Temporarily Unavailable"); exit; }
                    if ($Rp == %d) { sl_send_reply("503", "Service Unavailable"); exit; }
                    sl_send_reply("200", "OK");
                }
                """.formatted(
                        k.port, k.port, k.busyPort, k.maintPort, k.busyPort, k.maintPort));
        k.process = new ProcessBuilder(
                        bin.toString(),
                        "-f",
                        dir.resolve("kamailio.cfg").toString(),
                        "-DD",
                        "-E",
                        "-Y",
                        dir.toString(),
                        "-P",
                        dir.resolve("pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("kamailio.log").toFile())
                .start();
        k.awaitAnswering();
        return k;
    }

    /** Starts it again on the same port (after {@link #stop()}). */
    void restart() throws IOException {
        process = new ProcessBuilder(
                        binary().toString(),
                        "-f",
                        dir.resolve("kamailio.cfg").toString(),
                        "-DD",
                        "-E",
                        "-Y",
                        dir.toString(),
                        "-P",
                        dir.resolve("pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("kamailio.log").toFile()))
                .start();
        awaitAnswering();
    }

    private void awaitAnswering() throws IOException {
        ProbeTarget ping = ProbeTarget.sip(
                "kamailio-ready", "platform:test", "127.0.0.1", port, null, Set.of(), Duration.ofMillis(300));
        Checks checks = new Checks(Checks.httpClient());
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IOException("kamailio exited: " + Files.readString(dir.resolve("kamailio.log")));
            }
            if (checks.check(ping, Instant.now()).status() != CheckResult.Status.FAILED) {
                return;
            }
        }
        throw new IOException(
                "kamailio does not answer on " + port + ": " + Files.readString(dir.resolve("kamailio.log")));
    }

    ProbeTarget target(String id, String serviceKey, int port, ProbeTarget.SipTransport transport, Set<Integer> alive) {
        return ProbeTarget.sip(id, serviceKey, "127.0.0.1", port, transport, alive, Duration.ofSeconds(2));
    }

    /** Stops it (its workers with it) and waits until the port is free. */
    void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port for both UDP and TCP");
    }
}
