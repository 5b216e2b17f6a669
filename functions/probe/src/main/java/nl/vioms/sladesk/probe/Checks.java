package nl.vioms.sladesk.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.ProbeTarget.SipTransport;
import nl.vioms.sladesk.core.monitoring.SipReply;

/**
 * One check of one target, blocking for at most the target's timeout: SIP OPTIONS (UDP with
 * RFC 3261 retransmissions, TCP, TLS), a TCP connect, an HTTP(S) request. Never throws: every
 * problem is a failed check with what was seen.
 */
final class Checks {
    /** RFC 3261 timer T1: the first UDP retransmission; then doubling up to T2 = 4 s. */
    private static final long T1_NANOS = Duration.ofMillis(500).toNanos(),
            T2_NANOS = Duration.ofSeconds(4).toNanos();

    private final HttpClient http;

    Checks(HttpClient http) {
        this.http = http;
    }

    static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    CheckResult check(ProbeTarget target, Instant at) {
        long start = System.nanoTime();
        try {
            return switch (target.kind()) {
                case SIP_OPTIONS -> target.transport() == SipTransport.UDP ? sipUdp(target, at) : sipStream(target, at);
                case TCP -> tcp(target, at);
                case HTTP -> http(target, at);
            };
        } catch (SocketTimeoutException | TimeoutException e) {
            return CheckResult.failed(
                    target.id(),
                    at,
                    null,
                    "no answer within " + target.timeout().toMillis() + " ms");
        } catch (PortUnreachableException e) {
            return CheckResult.failed(target.id(), at, since(start), "port unreachable");
        } catch (UnknownHostException e) {
            return CheckResult.failed(target.id(), at, null, "unknown host " + e.getMessage());
        } catch (IOException | ExecutionException e) {
            return CheckResult.failed(target.id(), at, null, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.failed(target.id(), at, null, "check interrupted (round deadline)");
        } catch (RuntimeException e) {
            return CheckResult.failed(target.id(), at, null, "probe error: " + e);
        }
    }

    private CheckResult sipUdp(ProbeTarget target, Instant at) throws IOException {
        InetAddress address = InetAddress.getByName(target.host());
        try (DatagramSocket socket = new DatagramSocket()) {
            // connected: only the target's datagrams arrive, and an ICMP port unreachable is reported
            socket.connect(address, target.port());
            SipOptions request = SipOptions.request(
                    target.host(),
                    target.port(),
                    SipTransport.UDP,
                    socket.getLocalAddress().getHostAddress(),
                    socket.getLocalPort());
            byte[] data = request.bytes();
            DatagramPacket out = new DatagramPacket(data, data.length);
            byte[] buffer = new byte[65_535];
            long start = System.nanoTime(), deadline = start + target.timeout().toNanos();
            long interval = T1_NANOS, retransmitAt = start + interval;
            socket.send(out);
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw new SocketTimeoutException();
                }
                if (now >= retransmitAt) {
                    socket.send(out);
                    interval = Math.min(interval * 2, T2_NANOS);
                    retransmitAt = now + interval;
                }
                socket.setSoTimeout(
                        (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(deadline, retransmitAt) - now)));
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                Optional<SipOptions.Reply> reply =
                        request.match(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8));
                if (reply.isPresent() && !reply.get().provisional()) {
                    return judged(target, at, reply.get(), since(start));
                }
            }
        }
    }

    private CheckResult sipStream(ProbeTarget target, Instant at) throws IOException {
        long start = System.nanoTime(), deadline = start + target.timeout().toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.host(), target.port()), millisLeft(deadline));
            Socket socket = plain;
            if (target.transport() == SipTransport.TLS) {
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(plain, target.host(), target.port(), true);
                tls.setSoTimeout(millisLeft(deadline));
                tls.startHandshake();
                socket = tls;
            }
            SipOptions request = SipOptions.request(
                    target.host(),
                    target.port(),
                    target.transport(),
                    socket.getLocalAddress().getHostAddress(),
                    socket.getLocalPort());
            socket.getOutputStream().write(request.bytes());
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (true) {
                // one message per head; a provisional reply is skipped, the final one judged
                int end = received.indexOf("\r\n\r\n");
                if (end >= 0) {
                    String message = received.substring(0, end + 4);
                    received.delete(0, end + 4 + contentLength(message));
                    Optional<SipOptions.Reply> reply = request.match(message);
                    if (reply.isPresent() && !reply.get().provisional()) {
                        return judged(target, at, reply.get(), since(start));
                    }
                    continue;
                }
                socket.setSoTimeout(millisLeft(deadline));
                int n = in.read(buffer);
                if (n < 0) {
                    return CheckResult.failed(target.id(), at, since(start), "connection closed without a reply");
                }
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                try {
                    return Integer.parseInt(
                            line.substring(line.indexOf(':') + 1).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static CheckResult judged(ProbeTarget target, Instant at, SipOptions.Reply reply, Duration rtt) {
        SipReply.Verdict verdict = SipReply.judge(reply.code(), target.aliveCodes());
        String detail = reply
                + switch (verdict) {
                    case UP -> "";
                    case ALIVE -> " (alive)";
                    case OVERLOADED -> " (overloaded or in maintenance)";
                    case FAILED -> " (not an accepted reply)";
                };
        return verdict.passes()
                ? CheckResult.passed(target.id(), at, rtt, detail)
                : CheckResult.failed(target.id(), at, rtt, detail);
    }

    private CheckResult tcp(ProbeTarget target, Instant at) throws IOException {
        try (Socket socket = new Socket()) {
            long start = System.nanoTime();
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int)
                    target.timeout().toMillis());
            return CheckResult.passed(target.id(), at, since(start), "connected");
        }
    }

    private CheckResult http(ProbeTarget target, Instant at)
            throws InterruptedException, ExecutionException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(target.timeout())
                .header("User-Agent", "SLA Desk probe")
                .GET()
                .build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            // the request timeout covers the head; this covers the body too
            response = sent.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw e;
        }
        Duration rtt = since(start);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return CheckResult.failed(target.id(), at, rtt, "HTTP " + status);
        }
        if (target.bodyContains() != null && !response.body().contains(target.bodyContains())) {
            return CheckResult.failed(
                    target.id(), at, rtt, "HTTP " + status + ", body lacks '" + target.bodyContains() + "'");
        }
        return CheckResult.passed(target.id(), at, rtt, "HTTP " + status);
    }

    /** The innermost cause that says something ("ConnectException: Connection refused"). */
    private static String describe(Throwable e) {
        Throwable said = null, root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t.getMessage() != null && !(t instanceof ExecutionException)) {
                said = t;
            }
        }
        said = said == null ? root : said;
        return said.getClass().getSimpleName() + (said.getMessage() == null ? "" : ": " + said.getMessage());
    }

    private static int millisLeft(long deadlineNanos) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) left;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
