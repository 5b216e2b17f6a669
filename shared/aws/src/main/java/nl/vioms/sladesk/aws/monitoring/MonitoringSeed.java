package nl.vioms.sladesk.aws.monitoring;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.policy.ServiceKind;

/**
 * Monitored services and their probe targets as a JSON file (events/seed/demo-monitoring.json,
 * loaded by `./sladesk seed demo` beside the directory seed). Everything is checked before
 * anything is written, with a message naming the entry at fault.
 */
public final class MonitoringSeed {
    record ServiceJson(String key, String name, List<String> carries, String customer, String service) {}

    record TargetJson(
            String id,
            String service,
            String kind,
            String host,
            Integer port,
            String transport,
            String url,
            String bodyContains,
            List<Integer> aliveCodes,
            Long timeoutMs) {}

    record SeedJson(List<ServiceJson> services, List<TargetJson> targets) {}

    public record Seed(List<MonitoredService> services, List<ProbeTarget> targets) {}

    private MonitoringSeed() {}

    public static Seed parse(byte[] json) {
        SeedJson raw = Json.read(json, SeedJson.class, "a monitoring seed");
        List<MonitoredService> services = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ServiceJson s : list(raw.services())) {
            MonitoredService service;
            if (s.customer() != null) {
                if (s.service() == null || s.key() != null || s.carries() != null) {
                    throw new IllegalArgumentException(
                            "service of customer " + s.customer() + ": give customer and service, no key or carries");
                }
                service = new MonitoredService(
                        MonitoredService.customerKey(s.customer(), s.service()),
                        s.name() == null ? s.service() : s.name(),
                        Set.of(),
                        s.customer(),
                        s.service());
            } else {
                if (s.key() == null || !s.key().startsWith("platform:")) {
                    throw new IllegalArgumentException(
                            "service " + s.key() + ": a platform service is keyed platform:<slug>");
                }
                Set<ServiceKind> carries = EnumSet.noneOf(ServiceKind.class);
                for (String kind : list(s.carries())) {
                    carries.add(ServiceKind.fromWireName(kind));
                }
                if (carries.isEmpty()) {
                    throw new IllegalArgumentException("service " + s.key() + ": carries which service kinds?");
                }
                service = new MonitoredService(s.key(), s.name() == null ? s.key() : s.name(), carries, null, null);
            }
            if (!keys.add(service.key())) {
                throw new IllegalArgumentException("service " + service.key() + " twice");
            }
            services.add(service);
        }
        List<ProbeTarget> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TargetJson t : list(raw.targets())) {
            String where = "target " + t.id();
            if (t.id() == null) {
                throw new IllegalArgumentException("target without id");
            }
            if (!keys.contains(t.service())) {
                throw new IllegalArgumentException(where + ": unknown service " + t.service());
            }
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException(where + " twice");
            }
            try {
                targets.add(new ProbeTarget(
                        t.id(),
                        t.service(),
                        ProbeTarget.Kind.fromWireName(String.valueOf(t.kind())),
                        t.host(),
                        t.port() == null ? 0 : t.port(),
                        t.transport() == null
                                ? null
                                : ProbeTarget.SipTransport.valueOf(t.transport().toUpperCase(Locale.ROOT)),
                        t.url() == null ? null : URI.create(t.url()),
                        t.bodyContains(),
                        t.aliveCodes() == null ? Set.of() : Set.copyOf(t.aliveCodes()),
                        t.timeoutMs() == null ? null : Duration.ofMillis(t.timeoutMs())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        e.getMessage().startsWith("target ") ? e.getMessage() : where + ": " + e.getMessage());
            }
        }
        return new Seed(services, targets);
    }

    /** Writes the seed (idempotent: the same seed again changes nothing). */
    public static void load(Seed seed, MonitoringRepository monitoring, ProbeRepository probes) {
        seed.services().forEach(monitoring::putService);
        seed.targets().forEach(probes::putTarget);
    }

    private static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : value;
    }
}
