package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.emulators.LocalAws;

/** What the month came to: tickets, escalations, availability and credits, and the reports. */
record DemoSummary(
        YearMonth month,
        Duration took,
        long steps,
        long jumps,
        long invocations,
        long failed,
        List<String> tickets,
        List<String> escalations,
        List<String> availability,
        List<String> metrics,
        List<Path> reports,
        Path logFile) {

    void print(PrintWriter out) {
        out.println();
        out.println("SLA Desk demo: " + month + " replayed in " + took.toSeconds() + " s (" + steps + " minute steps, "
                + jumps + " time-lapse jumps, " + invocations + " invocations, " + failed + " failed)");
        tickets.forEach(out::println);
        escalations.forEach(out::println);
        availability.forEach(out::println);
        metrics.forEach(out::println);
        if (reports.isEmpty()) {
            out.println("Reports: none (month-end produced no report objects)");
        } else {
            out.println("Reports (" + reports.size() + "):");
            reports.forEach(r -> out.println("  " + r));
        }
        out.println("Runtime log (one line per invocation, and the functions' own logs): " + logFile);
        out.flush();
    }

    /** Every ticket seen (and any still open), with its state; a breached one is marked. */
    static List<String> ticketLines(DemoApi api, DemoTickets seen) {
        for (JsonNode open : api.get("/tickets?status=open", "demo-ops-token").get("tickets")) {
            seen.seen(open.get("number").asText());
        }
        List<String> lines = new ArrayList<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        for (String number : seen.seen()) {
            JsonNode t = api.get("/tickets/" + number, "demo-ops-token");
            if (t == null || !t.has("status")) {
                continue;
            }
            byStatus.merge(t.get("status").asText(), 1, Integer::sum);
            JsonNode clocks = t.get("clocks");
            boolean breached = clocks != null
                    && (clocks.path("responseBreached").asBoolean()
                            || clocks.path("restoreBreached").asBoolean());
            lines.add(String.format(
                    Locale.ROOT,
                    "  %s  %-2s %-6s %-8s %-20s %s%s",
                    number,
                    t.get("priority").asText(),
                    t.get("channel").asText(),
                    t.get("status").asText(),
                    t.path("customer").asText("(triage)"),
                    t.get("subject").asText(),
                    breached ? "  [SLA breached]" : ""));
        }
        lines.add(0, "Tickets: " + seen.seen().size() + " " + byStatus);
        return lines;
    }

    /** The outbox by kind and delivery state, and what the subscribed agents received. */
    static List<String> escalationLines(LocalAws aws, DemoAgents agents) {
        var outbox =
                new OutboxRepository(aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
        Map<String, Integer> byKind = new TreeMap<>();
        int total = 0;
        for (DeliveryState state : DeliveryState.values()) {
            for (var message : outbox.listByState(state, 1000)) {
                if (message.topic() == OutboxMessage.Topic.MAIL) {
                    continue; // mailLines
                }
                total++;
                byKind.merge(
                        message.attributes().getOrDefault("kind", "?") + " ("
                                + state.name().toLowerCase(Locale.ROOT) + ")",
                        1,
                        Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Escalations and notifications: " + total + " " + byKind);
        Map<String, String> acknowledged = agents.acknowledged();
        long acks = acknowledged.values().stream().filter(v -> !v.isEmpty()).count();
        lines.add("  second line received " + acknowledged.size() + " P1 escalation(s), acknowledged " + acks + ": "
                + acknowledged);
        lines.add("  operations received " + agents.notifications() + " message(s) on their subscriptions");
        return lines;
    }

    /** The escalations, then the month's mail (issue 16). */
    static List<String> escalationAndMailLines(LocalAws aws, DemoAgents agents) {
        List<String> lines = new ArrayList<>(escalationLines(aws, agents));
        lines.addAll(mailLines(aws));
        return lines;
    }

    /** The mails of the month by kind and state, and where to read them. */
    static List<String> mailLines(LocalAws aws) {
        var outbox =
                new OutboxRepository(aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byRecipient = new TreeMap<>();
        int total = 0;
        for (DeliveryState state : DeliveryState.values()) {
            for (var record : outbox.mailsByState(state, 10_000)) {
                OutboundMail mail = OutboundMail.fromJson(record.message().body());
                total++;
                byKind.merge(mail.kind().wireName() + " (" + MailCommand.state(state) + ")", 1, Integer::sum);
                byRecipient.merge(mail.to(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Mails: " + total + " " + byKind);
        lines.add("  to " + byRecipient);
        lines.add("  read them: ./sladesk mail list (JSON lines), or the SES emulator's page while ./sladesk up runs");
        return lines;
    }

    /**
     * The functions' embedded metrics of the month (what CloudWatch would have), summed, and the
     * state at the end of the replay of the template's alarms on them (issue 21).
     */
    @SuppressWarnings("unchecked")
    static List<String> metricLines(List<MetricLines.Point> points, Map<String, String> alarms) {
        List<String> lines = new ArrayList<>();
        lines.add("Metrics (" + points.size()
                + " data points of the functions' embedded metric lines; ./sladesk stats):");
        MetricLines.summary(points)
                .forEach((namespace, metrics) -> ((Map<String, Map<String, Object>>) metrics).forEach((metric, m) -> {
                    boolean count = "Count".equals(m.get("unit"));
                    lines.add(String.format(
                            Locale.ROOT,
                            "  %s/%-26s %s%s",
                            namespace,
                            metric,
                            count
                                    ? "sum " + m.get("sum") + ", max " + m.get("max") + " per line"
                                    : "max " + m.get("max") + " " + m.get("unit") + " (" + m.get("samples")
                                            + " samples)",
                            m.containsKey("by") ? "  " + m.get("by") : ""));
                }));
        lines.add("  alarms at the end: " + alarms);
        return lines;
    }

    /** Per contract, from month-end's JSON reports: availability of each service and the credit. */
    static List<String> availabilityLines(YearMonth month, List<Path> reports) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : reports) {
            if (!file.toString().endsWith(".json")) {
                continue;
            }
            JsonNode report =
                    DemoApi.json(Files.readString(file, StandardCharsets.UTF_8)).path("report");
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "  %-20s %-2s",
                    report.path("customerId").asText(),
                    report.path("level").asText()));
            double credit = 0;
            for (JsonNode service : report.path("services")) {
                if ("no-data".equals(service.path("data").asText())) {
                    // before the contract's start (R18) or nothing recorded: no figure (issue 20)
                    line.append("  ").append(service.path("serviceId").asText()).append(" no data");
                    continue;
                }
                line.append(String.format(
                        Locale.ROOT,
                        "  %s %s %% (KPI %s %%, %s; down %d min, excluded %d, unknown %d%s)",
                        service.path("serviceId").asText(),
                        service.path("availability").asText(),
                        service.path("availabilityKpi").asText(),
                        service.path("kpiMet").asBoolean() ? "met" : "MISSED",
                        service.path("downMinutes").asLong(),
                        service.path("excludedMinutes").asLong(),
                        service.path("unknownMinutes").asLong(),
                        "partial".equals(service.path("data").asText())
                                ? "; partial month from "
                                        + service.path("measuredFrom").asText().substring(0, 10)
                                : ""));
                credit = Math.max(credit, service.path("credit").path("amount").asDouble());
            }
            int claims = report.path("restoreClaims").path("count").asInt();
            if (claims > 0) {
                line.append("; ").append(claims).append(" restore-time claim(s) for finance");
            }
            line.append(String.format(Locale.ROOT, "; credit EUR %.2f", credit));
            lines.add(line.toString());
        }
        if (lines.isEmpty()) {
            lines.add("  (no month-end report for " + month + ")");
        }
        lines.add(
                0,
                "Availability and credits (month-end, R23-R26; unknown = time no probe round checked,"
                        + " shown apart and counted as available, R20; the time-lapse's jumps are monitored):");
        return lines;
    }

    /** The month-end reports in the reports bucket, copied to {@code dir}/reports. */
    static List<Path> downloadReports(LocalAws aws, Path dir) throws IOException {
        String bucket = aws.resources().require("ReportsBucket");
        Path target = dir.resolve("reports");
        List<Path> files = new ArrayList<>();
        for (var object :
                aws.clients().s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            Path file = target.resolve(object.key());
            Files.createDirectories(file.getParent());
            byte[] bytes = aws.clients()
                    .s3()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asByteArray();
            Files.write(file, bytes);
            files.add(file);
        }
        return files;
    }
}
