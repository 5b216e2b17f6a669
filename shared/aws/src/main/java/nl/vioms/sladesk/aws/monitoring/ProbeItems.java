package nl.vioms.sladesk.aws.monitoring;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.n;
import static nl.vioms.sladesk.aws.Attr.number;
import static nl.vioms.sladesk.aws.Attr.putIfPresent;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.string;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The probe's items as DynamoDB attribute maps and back (docs/data-model.md, Monitoring table):
 * targets, streak states and check results. The keys are {@link ProbeRepository}'s; this class
 * only maps.
 */
final class ProbeItems {
    private ProbeItems() {}

    static Map<String, AttributeValue> target(String partition, ProbeTarget t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition));
        item.put("sk", s("TARGET#" + t.id()));
        item.put("id", s(t.id()));
        item.put("serviceKey", s(t.serviceKey()));
        item.put("kind", s(t.kind().wireName()));
        putIfPresent(item, "host", t.host());
        if (t.port() > 0) {
            item.put("port", n(t.port()));
        }
        putIfPresent(item, "transport", t.transport());
        putIfPresent(item, "url", t.url());
        putIfPresent(item, "bodyContains", t.bodyContains());
        if (!t.aliveCodes().isEmpty()) {
            item.put(
                    "aliveCodes",
                    AttributeValue.fromNs(
                            t.aliveCodes().stream().map(String::valueOf).toList()));
        }
        item.put("timeoutMs", n(t.timeout().toMillis()));
        return item;
    }

    static ProbeTarget target(Map<String, AttributeValue> item) {
        Set<Integer> alive = item.containsKey("aliveCodes")
                ? item.get("aliveCodes").ns().stream().map(Integer::valueOf).collect(Collectors.toSet())
                : Set.of();
        String transport = string(item, "transport");
        String url = string(item, "url");
        return new ProbeTarget(
                string(item, "id"),
                string(item, "serviceKey"),
                ProbeTarget.Kind.fromWireName(string(item, "kind")),
                string(item, "host"),
                (int) number(item, "port"),
                transport == null ? null : ProbeTarget.SipTransport.valueOf(transport),
                url == null ? null : URI.create(url),
                string(item, "bodyContains"),
                alive,
                Duration.ofMillis(number(item, "timeoutMs")));
    }

    /** The streak item of the next state, at the version after the one it was read at. */
    static Map<String, AttributeValue> streak(String partition, String sortKey, StreakState next) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition));
        item.put("sk", s(sortKey));
        item.put("targetId", s(next.targetId()));
        putIfPresent(item, "lastCheckAt", next.lastCheckAt());
        item.put("failures", n(next.failures()));
        putIfPresent(item, "firstFailureAt", next.firstFailureAt());
        item.put("notified", AttributeValue.fromBool(next.notified()));
        putIfPresent(item, "outageStart", next.outageStart());
        putIfPresent(item, "outageConfirmedAt", next.outageConfirmedAt());
        putIfPresent(item, "incident", next.incident());
        item.put("version", n(next.version() + 1));
        return item;
    }

    static StreakState streak(Map<String, AttributeValue> item) {
        return new StreakState(
                string(item, "targetId"),
                instant(item, "lastCheckAt"),
                (int) number(item, "failures"),
                instant(item, "firstFailureAt"),
                item.containsKey("notified") && item.get("notified").bool(),
                instant(item, "outageStart"),
                instant(item, "outageConfirmedAt"),
                string(item, "incident"),
                number(item, "version"));
    }

    /** A check result, kept until {@code retention} after it was taken (TTL). */
    static Map<String, AttributeValue> check(String partition, String sortKey, CheckResult check, Duration retention) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition));
        item.put("sk", s(sortKey));
        item.put("at", s(check.at().toString()));
        item.put("status", s(check.status().name()));
        if (check.rtt() != null) {
            item.put("rttMicros", n(check.rtt().toNanos() / 1000));
        }
        item.put("detail", s(check.detail()));
        item.put("expiresAt", n(check.at().plus(retention).getEpochSecond()));
        return item;
    }

    static CheckResult check(String targetId, Map<String, AttributeValue> item) {
        Duration rtt = item.containsKey("rttMicros") ? Duration.ofNanos(number(item, "rttMicros") * 1000) : null;
        return new CheckResult(
                targetId,
                instant(item, "at"),
                CheckResult.Status.valueOf(string(item, "status")),
                rtt,
                string(item, "detail"));
    }
}
