package nl.vioms.sladesk.core.monitoring;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One thing the probe checks, belonging to a {@link MonitoredService} (R20-R22). Data, seeded
 * from a file and stored in the Monitoring table.
 *
 * @param id         stable id, unique over all targets (the streak and check results hang on it)
 * @param serviceKey the monitored service whose outages its failures make
 * @param kind       how it is checked
 * @param host       SIP and TCP: host name or address; HTTP: null (the URL says)
 * @param port       SIP and TCP: the port; HTTP: 0
 * @param transport  SIP: UDP (default), TCP or TLS; otherwise null
 * @param url        HTTP: the http(s) URL; otherwise null
 * @param bodyContains HTTP: text the body must contain, or null
 * @param aliveCodes SIP: final reply codes besides 200 that prove the peer alive (404, 405, 480...)
 * @param timeout    how long one check may take before it counts as failed
 */
public record ProbeTarget(
        String id,
        String serviceKey,
        Kind kind,
        @Nullable String host,
        int port,
        @Nullable SipTransport transport,
        @Nullable URI url,
        @Nullable String bodyContains,
        Set<Integer> aliveCodes,
        Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public enum Kind {
        SIP_OPTIONS,
        TCP,
        HTTP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind fromWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind must be sip-options, tcp or http, not " + name);
        }
    }

    public enum SipTransport {
        UDP,
        TCP,
        TLS
    }

    public ProbeTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(kind, "kind");
        if (id.isBlank() || id.contains("#")) {
            throw new IllegalArgumentException("target id '" + id + "' must be non-blank without '#'");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(20)) > 0) {
            throw new IllegalArgumentException(
                    "target " + id + ": timeout must be above 0 and at most 20 s, not " + timeout);
        }
        aliveCodes = aliveCodes == null ? Set.of() : Set.copyOf(new TreeSet<>(aliveCodes));
        switch (kind) {
            case SIP_OPTIONS, TCP -> {
                if (host == null || host.isBlank()) {
                    throw new IllegalArgumentException("target " + id + ": " + kind.wireName() + " needs a host");
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("target " + id + ": port " + port + " is not 1..65535");
                }
                if (url != null) {
                    throw new IllegalArgumentException("target " + id + ": only http targets have a url");
                }
            }
            case HTTP -> {
                boolean web = url != null && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
                if (!web || url.getHost() == null) {
                    throw new IllegalArgumentException("target " + id + ": http needs an http(s) url, not " + url);
                }
            }
        }
        if (kind == Kind.SIP_OPTIONS) {
            transport = transport == null ? SipTransport.UDP : transport;
            for (int code : aliveCodes) {
                if (code < 200 || code > 699 || code == 503) {
                    throw new IllegalArgumentException(
                            "target " + id + ": alive code " + code + " must be a final reply other than 503");
                }
            }
        } else if (transport != null || !aliveCodes.isEmpty()) {
            throw new IllegalArgumentException(
                    "target " + id + ": transport and aliveCodes are for sip-options targets");
        }
        if (bodyContains != null && kind != Kind.HTTP) {
            throw new IllegalArgumentException("target " + id + ": bodyContains is for http targets");
        }
    }

    public static ProbeTarget sip(
            String id,
            String serviceKey,
            String host,
            int port,
            @Nullable SipTransport transport,
            @Nullable Set<Integer> aliveCodes,
            @Nullable Duration timeout) {
        return new ProbeTarget(
                id,
                serviceKey,
                Kind.SIP_OPTIONS,
                host,
                port,
                transport,
                null,
                null,
                aliveCodes == null ? Set.of() : aliveCodes,
                orDefault(timeout));
    }

    public static ProbeTarget tcp(String id, String serviceKey, String host, int port, @Nullable Duration timeout) {
        return new ProbeTarget(id, serviceKey, Kind.TCP, host, port, null, null, null, Set.of(), orDefault(timeout));
    }

    public static ProbeTarget http(
            String id, String serviceKey, URI url, @Nullable String bodyContains, @Nullable Duration timeout) {
        return new ProbeTarget(
                id, serviceKey, Kind.HTTP, null, 0, null, url, bodyContains, Set.of(), orDefault(timeout));
    }

    private static Duration orDefault(@Nullable Duration timeout) {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** What it points at, for people: {@code sip+udp://sbc1.vioms.nl:5060}, {@code tcp://...}, the URL. */
    public String address() {
        return switch (kind) {
            case SIP_OPTIONS -> "sip+" + transport.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
            case TCP -> "tcp://" + host + ":" + port;
            case HTTP -> url.toString();
        };
    }
}
