package nl.vioms.sladesk.local;

import nl.vioms.sladesk.emulators.DatabindJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The demo's month: every function of the template on the runtime of {@code ./sladesk up}, driven
 * by a simulated clock, and what happens in the month (e-mails, phone calls, operations, the
 * second-line helpdesk) done the way people and systems do it: SES deliveries, HTTP API calls,
 * SNS subscriptions.
 *
 * <p>Time-lapse: around each event of the month (and each deadline of an open ticket) the clock
 * moves minute by minute and every schedule runs as the template says; the quiet stretches in
 * between are crossed in one jump, where each rate schedule runs once for all its runs (see
 * {@link LocalRuntime#drainCoalescing()}). A month minute by minute is about 43 000 sweeps and 43
 * 000 probe rounds: far more than two minutes on this machine.
 */
final class DemoMonth {
    private static final Duration LEAD = Duration.ofMinutes(6);
    private static final Duration AFTER = Duration.ofMinutes(15);
    private static final String PLATFORM = "platform:hosted-voice";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{ticket:([a-z0-9-]+)}}");

    /** Something that happens at a moment of the month. */
    record Scene(Instant at, long order, String title, Runnable action) {
    }

    private final YearMonth month;
    private final Path dir;
    private final PrintStream log;
    private final PrintWriter out;
    private final boolean terminal;
    private final PriorityQueue<Scene> scenes = new PriorityQueue<>(Comparator.comparing(Scene::at).thenComparing(Scene::order));
    private final List<Interval> busy = new ArrayList<>();
    private final Map<String, String> tickets = new LinkedHashMap<>();
    private final Set<String> seenTickets = new LinkedHashSet<>();
    private final Map<String, String> acknowledged = new LinkedHashMap<>();
    private final List<JsonNode> notifications = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private long order;
    private LocalAws aws;
    private MutableClock clock;
    private URI api;
    private String secondLineQueue;
    private String operationsQueue;

    DemoMonth(YearMonth month, Path dir, PrintStream log, PrintWriter out, boolean terminal) {
        this.month = month;
        this.dir = dir;
        this.log = log;
        this.out = out;
        this.terminal = terminal;
    }

    Summary run() throws Exception {
        Instant start = month.atDay(1).atStartOfDay(Amsterdam.ZONE).toInstant();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(Amsterdam.ZONE).toInstant();
        // past month-end's run (00:05 on the 1st of the next month)
        Instant end = monthEnd.plus(Duration.ofMinutes(10));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        out.println("Starting the emulators for the demo (data in " + dir.resolve("data") + ")...");
        out.flush();
        long startedNanos = System.nanoTime();
        try (LocalAws emulators = LocalAws.start(Template.ofProject(), dir.resolve("data"), "http://127.0.0.1:" + port)) {
            this.aws = emulators;
            aws.seed("demo");
            clock = new MutableClock(start);
            // the functions' own log lines carry the simulated time too, like the invocation lines
            nl.vioms.sladesk.app.Log.useClock(clock);
            InvocationLog invocations = new InvocationLog(log, InvocationLog.Format.TEXT);
            try (DemoPeers peers = new DemoPeers();
                 LocalRuntime runtime = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.ENABLED, invocations, dir.resolve("data"));
                 LocalApiServer server = new LocalApiServer(runtime.handlers(), port, invocations, clock)) {
                api = server.baseUrl();
                subscribe();
                monitoring(peers);
                script();
                busy.add(new Interval(monthEnd.minus(LEAD), end));
                out.println("Replaying " + month + " on a simulated clock, " + Amsterdam.iso(start) + " to "
                        + Amsterdam.iso(end) + " (log: " + dir.resolve("runtime.log") + ")");
                ProgressBar progress = new ProgressBar(out, start, end, terminal);
                long steps = 0;
                long jumps = 0;
                while (clock.instant().isBefore(end)) {
                    Instant now = clock.instant();
                    Instant nextScene = scenes.isEmpty() ? end : scenes.peek().at();
                    if (isBusy(now)) {
                        Instant next = earliest(runtime.nextDue(), nextScene, end);
                        if (next.isAfter(now)) clock.set(next);
                        steps++;
                        runScenes(runtime);
                        runtime.drain();
                    } else {
                        // a cron run (month-end) or a retry is not passed over: it runs on time
                        clock.set(earliest(nextScene, nextBusyStart(now), end, runtime.nextDueExceptRates()));
                        jumps++;
                        runtime.drainCoalescing();
                        runScenes(runtime);
                    }
                    agents(runtime);
                    progress.update(clock.instant(), status());
                }
                progress.finish(clock.instant(), status());
                log.flush();
                List<Path> reports = downloadReports().stream().filter(p -> p.toString().contains("/" + month + "/")).toList();
                return new Summary(month, Duration.ofNanos(System.nanoTime() - startedNanos), steps, jumps,
                        invocations.invocations(), invocations.errors(), ticketLines(), escalationLines(),
                        availabilityLines(reports), reports, dir.resolve("runtime.log"));
            }
        }
    }

    // ------------------------------------------------------------------ the month

    /**
     * The hosted platform as the probes see it: a monitored, platform-wide service carried by
     * every hosted PBX; its SBC and softphone port are the demo's own peers (free ports).
     */
    private void monitoring(DemoPeers peers) {
        var records = new MonitoringRepository(aws.clients().dynamo(), aws.resources().tableName("MonitoringTable"));
        records.putService(MonitoredService.platform("hosted-voice", "VIOMS Hosted voice platform", Set.of(ServiceKind.HOSTED_PBX)));
        DemoProbeTargets.register(aws, PLATFORM, peers);
        // Thu 5: operations announce maintenance for Sunday night, more than 24 h ahead: planned (R19)
        scene(at("05 16:00"), "operations announce maintenance Sun 8 Nov 22:00-00:30", () -> records.putMaintenance(
                new MaintenanceWindow("demo-upgrade-sbc", PLATFORM, MaintenanceWindow.MaintenanceKind.PLANNED,
                        new Interval(at("08 22:00"), at("09 00:30")), clock.instant(), "SBC software upgrade", false, null)));
        // Sun 8, inside the window: the SBC restarts, the platform is down 20 minutes (excluded, no notification)
        scene(at("08 22:10"), "maintenance: the platform goes down for the SBC upgrade", peers::down);
        scene(at("08 22:30"), "maintenance: the platform is back", peers::up);
        // Tue 10: an unplanned outage of 17 minutes (R20: notified after 3 failed checks, outage after 5)
        scene(at("10 14:20"), "platform outage begins: SBC and softphone port stop answering", peers::down);
        scene(at("10 14:37"), "platform outage ends", peers::up);
        // operations close the incident the probe opened for the platform (channel monitoring)
        scene(at("10 14:45"), "operations: resolve the platform incident", () -> {
            for (JsonNode ticket : get("/tickets?status=open", "demo-ops-token").get("tickets")) {
                if ("monitoring".equals(ticket.path("channel").asText())) {
                    learn("platform", ticket.get("number").asText());
                    event("platform", "demo-ops-token", "response", "Storing platform bevestigd.", Map.of());
                    event("platform", "demo-ops-token", "resolved", "SBC herstart; platform weer bereikbaar.", Map.of());
                }
            }
        });
        scene(at("11 09:05"), "operations: close the platform incident", () -> event("platform", "demo-ops-token", "closed", null, Map.of()));
    }

    /** What happens, in Amsterdam time; ticket numbers are learnt as tickets open. */
    private void script() {
        // Mon 2: a handset without dial tone, by e-mail; operations answer, ask to restart, the
        // customer's reply ends the wait (R16), resolved
        mail("kiestoon", "02 09:12", "01-devries-kiestoon.eml");
        ops("kiestoon", "02 09:40", "response", "Wij kijken ernaar.");
        ops("kiestoon", "02 10:30", "waiting-for-customer", "Wilt u toestel 3 herstarten?");
        mail(null, "02 11:04", "02-devries-antwoord.eml");
        ops("kiestoon", "02 11:20", "work-started", "Account van toestel 3 opnieuw geprovisioned.");
        ops("kiestoon", "02 11:45", "resolved", "Toestel 3 heeft weer kiestoon.");
        ops("kiestoon", "03 10:00", "closed", null);
        // Wed 4: the dentist phones about music on hold (level B)
        call("wachtmuziek", "04 14:05", "010-4567890", "Wachtmuziek speelt niet af", null);
        ops("wachtmuziek", "04 14:40", "response", "Melding ontvangen.");
        ops("wachtmuziek", "05 10:15", "resolved", "Audiobestand opnieuw geplaatst.");
        // Thu 5: mail nobody needs a ticket for: an auto-reply and a newsletter (no tickets)
        mail(null, "05 08:50", "03-smit-afwezig.eml");
        mail(null, "05 07:30", "04-nieuwsbrief.eml");
        // Tue 10: the hotel (24x7) loses all telephony: P1 by e-mail, then by phone on the same
        // ticket (R7); escalated to the second line at once (R17), which acknowledges
        mail("hotel-p1", "10 14:24", "05-gouden-leeuw-p1.eml");
        call(null, "10 14:26", "+31 30 765 4321", "Alle lijnen van het hotel dood, zie mail", "hotel-p1");
        ops("hotel-p1", "10 14:29", "response", "Storing bevestigd, tweede lijn ingeschakeld.");
        ops("hotel-p1", "10 14:31", "work-started", null);
        ops("hotel-p1", "10 14:52", "resolved", "Platform hersteld; alle lijnen werken weer.");
        ops("hotel-p1", "11 09:00", "closed", null);
        // Thu 19: the bakery (office hours, level N) phones a P1 late in the morning; it is
        // restored the next day after its deadline: warning at 75 % and breach (R17)
        call("bakkerij-p1", "19 11:05", "020 123 4567", "Niemand kan ons bellen", "P1");
        ops("bakkerij-p1", "19 11:30", "response", "We onderzoeken de trunk.");
        ops("bakkerij-p1", "19 12:00", "work-started", null);
        ops("bakkerij-p1", "20 11:30", "resolved", "Nummerblok opnieuw gerouteerd.");
        // Mon 23: mail from an address nobody knows: a triage ticket, assigned the next morning
        mail("triage", "23 16:40", "06-onbekende-afzender.eml");
        assign("triage", "24 09:15", "tandarts-smit");
        ops("triage", "24 09:30", "response", "Doorschakeling gecontroleerd.");
        ops("triage", "24 13:00", "resolved", "Doorschakeling naar mobiel hersteld.");
        // Fri 27: a reseller files a change request through the API
        apiTicket("rfc", "27 09:30", "demo-telnet-token",
                Map.of("customer", "bakkerij-devries", "kind", "rfc", "subject", "Extra toestel in de bakkerij",
                        "description", "Graag een extra toestel voor de bakkerij achter."));
        ops("rfc", "30 10:00", "resolved", "Toestel 13 aangemaakt.");
    }

    private Instant at(String dayAndTime) {
        String[] parts = dayAndTime.split(" ");
        return LocalDateTime.of(month.atDay(Integer.parseInt(parts[0])), java.time.LocalTime.parse(parts[1]))
                .atZone(Amsterdam.ZONE).toInstant();
    }

    private void scene(Instant at, String title, Runnable action) {
        scenes.add(new Scene(at, order++, title, action));
        busy.add(new Interval(at.minus(LEAD), at.plus(AFTER)));
    }

    private void mail(String key, String when, String file) {
        Instant at = at(when);
        scene(at, "e-mail " + file, () -> {
            byte[] raw = fill(read(ProjectRoot.find().resolve("events/demo").resolve(file)));
            var received = new SesInbox(aws).receive(raw, clock.instant());
            log.println("   SES " + received.sesMessageId() + " " + received.subject());
            if (key != null) afterDrain.add(() -> learnBySubject(key, received.subject()));
        });
    }

    private void call(String key, String when, String number, String summary, String priorityOrTicket) {
        Instant at = at(when);
        scene(at, "phone call from " + number, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("callerNumber", number);
            body.put("calledAt", clock.instant().toString());
            body.put("summary", summary);
            if (priorityOrTicket != null && priorityOrTicket.startsWith("P")) body.put("priority", priorityOrTicket);
            else if (priorityOrTicket != null) body.put("ticket", tickets.get(priorityOrTicket));
            JsonNode ticket = post("/intake/phone", "demo-telephony-token", body);
            if (key != null) learn(key, ticket.get("number").asText());
        });
    }

    private void apiTicket(String key, String when, String token, Map<String, Object> body) {
        scene(at(when), "reseller API: " + body.get("subject"), () -> learn(key, post("/tickets", token, body).get("number").asText()));
    }

    private void ops(String key, String when, String kind, String note) {
        Instant at = at(when);
        scene(at, "operations: " + kind + " on " + key, () -> event(key, "demo-ops-token", kind, note, Map.of()));
    }

    private void assign(String key, String when, String customer) {
        scene(at(when), "operations: assign " + key + " to " + customer,
                () -> event(key, "demo-ops-token", "assigned", null, Map.of("customer", customer)));
    }

    private void event(String key, String token, String kind, String note, Map<String, Object> extra) {
        String number = tickets.get(key);
        if (number == null) {
            log.println("   (no ticket " + key + " to record " + kind + " on)");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("kind", kind);
        body.put("at", clock.instant().toString());
        if (note != null) body.put("note", note);
        body.put("id", "demo-" + key + "-" + kind + "-" + clock.instant().getEpochSecond());
        post("/tickets/" + number + "/events", token, body);
        watchDeadlines(number);
    }

    /** Around an open ticket's coming deadlines the clock goes minute by minute (sla-check sees them on time). */
    private void watchDeadlines(String number) {
        JsonNode ticket = get("/tickets/" + number, "demo-ops-token");
        JsonNode clocks = ticket.get("clocks");
        if (clocks == null || "closed".equals(ticket.get("status").asText()) || "resolved".equals(ticket.get("status").asText())) return;
        for (String field : List.of("acknowledgeDue", "responseDue", "restoreWarningAt", "restoreDue")) {
            JsonNode value = clocks.get(field);
            if (value == null || value.isNull()) continue;
            Instant due = java.time.OffsetDateTime.parse(value.asText()).toInstant();
            if (due.isAfter(clock.instant())) busy.add(new Interval(due.minus(Duration.ofMinutes(2)), due.plus(Duration.ofMinutes(5))));
        }
    }

    private void learn(String key, String number) {
        tickets.put(key, number);
        seenTickets.add(number);
        log.println("   ticket " + key + " = " + number);
        watchDeadlines(number);
    }

    private final List<Runnable> afterDrain = new ArrayList<>();

    /** A mail's ticket, found in the open tickets by its subject once intake-email has taken it in. */
    private void learnBySubject(String key, String subject) {
        for (JsonNode ticket : get("/tickets?status=open", "demo-ops-token").get("tickets")) {
            if (subject.equals(ticket.get("subject").asText())) {
                learn(key, ticket.get("number").asText());
                return;
            }
        }
        log.println("   (no open ticket with subject " + subject + ")");
    }

    private byte[] fill(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) m.appendReplacement(filled, Matcher.quoteReplacement(tickets.getOrDefault(m.group(1), "VIO-onbekend")));
        m.appendTail(filled);
        return filled.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the loop

    private void runScenes(LocalRuntime runtime) {
        while (!scenes.isEmpty() && !scenes.peek().at().isAfter(clock.instant())) {
            Scene scene = scenes.poll();
            log.println("== " + Amsterdam.iso(scene.at()) + " " + scene.title());
            try {
                scene.action().run();
            } catch (RuntimeException e) {
                log.println("   scene failed: " + e);
            }
            runtime.drain();
            List<Runnable> waiting = new ArrayList<>(afterDrain);
            afterDrain.clear();
            waiting.forEach(Runnable::run);
        }
    }

    private boolean isBusy(Instant t) {
        for (Interval window : busy) {
            if (!t.isBefore(window.start()) && t.isBefore(window.end())) return true;
        }
        return false;
    }

    private Instant nextBusyStart(Instant after) {
        Instant next = null;
        for (Interval window : busy) {
            if (window.start().isAfter(after) && (next == null || window.start().isBefore(next))) next = window.start();
        }
        return next;
    }

    private static Instant earliest(Instant... candidates) {
        Instant min = null;
        for (Instant c : candidates) if (c != null && (min == null || c.isBefore(min))) min = c;
        return min;
    }

    private String status() {
        return seenTickets.size() + " tickets, " + notifications.size() + " notifications, " + acknowledged.size() + " acknowledged";
    }

    // ------------------------------------------------------------------ subscribers

    /**
     * The second-line helpdesk and operations, subscribed as the template subscribes them: the
     * helpdesk with the template's filter policy on the escalations topic, operations on both topics.
     */
    private void subscribe() {
        Map<String, Object> secondLine = aws.template().resourcesOfType("AWS::SNS::Subscription").get("SecondLineSubscription");
        String filter = secondLine == null ? null : DatabindJson.write(secondLine.get("FilterPolicy"));
        secondLineQueue = subscribedQueue("demo-second-line", "EscalationsTopic", filter);
        operationsQueue = subscribedQueue("demo-operations", "EscalationsTopic", null);
        subscribedQueue("demo-operations", "OperationsTopic", null);
    }

    private String subscribedQueue(String name, String topicId, String filterPolicy) {
        String url = aws.sqs().createQueue(b -> b.queueName(name)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("RawMessageDelivery", "true");
        if (filterPolicy != null) attributes.put("FilterPolicy", filterPolicy);
        aws.clients().sns().subscribe(b -> b.topicArn(aws.resources().require(topicId)).protocol("sqs").endpoint(arn).attributes(attributes));
        return url;
    }

    /** The helpdesk acknowledges each P1 escalation a few minutes after it arrives; operations read everything. */
    private void agents(LocalRuntime runtime) {
        for (Message message : receive(secondLineQueue)) {
            JsonNode escalation = json(message.body());
            String number = escalation.path("ticket").asText(escalation.path("ticketNumber").asText());
            String id = escalation.path("escalationId").asText();
            if (number.isEmpty() || acknowledged.containsKey(id)) continue;
            acknowledged.put(id, "");
            seenTickets.add(number);
            Instant ackAt = clock.instant().plus(Duration.ofMinutes(6));
            scene(ackAt, "second line acknowledges " + id, () -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("kind", "second-line-ack");
                body.put("at", clock.instant().toString());
                body.put("note", "Tweede lijn: opgepakt (" + id + ")");
                body.put("id", "ack-" + id);
                post("/tickets/" + number + "/events", "demo-secondline-token", body);
                acknowledged.put(id, Amsterdam.iso(clock.instant()));
            });
        }
        for (Message message : receive(operationsQueue)) {
            JsonNode body = json(message.body());
            notifications.add(body);
            if (body.has("ticket")) seenTickets.add(body.get("ticket").asText());
        }
    }

    private List<Message> receive(String queueUrl) {
        List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        messages.forEach(m -> aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    // ------------------------------------------------------------------ summary

    private List<String> ticketLines() {
        for (JsonNode open : get("/tickets?status=open", "demo-ops-token").get("tickets")) seenTickets.add(open.get("number").asText());
        List<String> lines = new ArrayList<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        for (String number : seenTickets) {
            JsonNode t = get("/tickets/" + number, "demo-ops-token");
            if (t == null || !t.has("status")) continue;
            byStatus.merge(t.get("status").asText(), 1, Integer::sum);
            JsonNode clocks = t.get("clocks");
            boolean breached = clocks != null && (clocks.path("responseBreached").asBoolean() || clocks.path("restoreBreached").asBoolean());
            lines.add(String.format(Locale.ROOT, "  %s  %-2s %-6s %-8s %-20s %s%s", number, t.get("priority").asText(),
                    t.get("channel").asText(), t.get("status").asText(), t.path("customer").asText("(triage)"),
                    t.get("subject").asText(), breached ? "  [SLA breached]" : ""));
        }
        lines.add(0, "Tickets: " + seenTickets.size() + " " + byStatus);
        return lines;
    }

    private List<String> escalationLines() {
        var outbox = new OutboxRepository(aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
        Map<String, Integer> byKind = new TreeMap<>();
        int total = 0;
        for (DeliveryState state : DeliveryState.values()) {
            for (var message : outbox.listByState(state, 1000)) {
                total++;
                byKind.merge(message.attributes().getOrDefault("kind", "?") + " (" + state.name().toLowerCase(Locale.ROOT) + ")", 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Escalations and notifications: " + total + " " + byKind);
        long acks = acknowledged.values().stream().filter(v -> !v.isEmpty()).count();
        lines.add("  second line received " + acknowledged.size() + " P1 escalation(s), acknowledged " + acks + ": " + acknowledged);
        lines.add("  operations received " + notifications.size() + " message(s) on their subscriptions");
        return lines;
    }

    /** Per contract, from month-end's JSON reports: availability of each service and the credit. */
    private List<String> availabilityLines(List<Path> reports) {
        List<String> lines = new ArrayList<>();
        for (Path file : reports) {
            if (!file.toString().endsWith(".json")) continue;
            JsonNode report = json(new String(read(file), StandardCharsets.UTF_8)).path("report");
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-20s %-2s", report.path("customerId").asText(),
                    report.path("level").asText()));
            double credit = 0;
            for (JsonNode service : report.path("services")) {
                line.append(String.format(Locale.ROOT, "  %s %s %% (KPI %s %%, %s; down %d min, excluded %d, unknown %d)",
                        service.path("serviceId").asText(), service.path("availability").asText(),
                        service.path("availabilityKpi").asText(), service.path("kpiMet").asBoolean() ? "met" : "MISSED",
                        service.path("downMinutes").asLong(), service.path("excludedMinutes").asLong(),
                        service.path("unknownMinutes").asLong()));
                credit = Math.max(credit, service.path("credit").path("amount").asDouble());
            }
            line.append(String.format(Locale.ROOT, "; credit EUR %.2f", credit));
            lines.add(line.toString());
        }
        if (lines.isEmpty()) lines.add("  (no month-end report for " + month + ")");
        lines.add(0, "Availability and credits (month-end, R23-R26; unknown = the quiet stretches the time-lapse jumped,"
                + " where no probe ran: shown apart and counted as available, R20):");
        return lines;
    }

    /** The month-end reports in the reports bucket, copied to .sladesk/demo/reports. */
    private List<Path> downloadReports() throws IOException {
        String bucket = aws.resources().require("ReportsBucket");
        Path target = dir.resolve("reports");
        List<Path> files = new ArrayList<>();
        for (var object : aws.clients().s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            Path file = target.resolve(object.key());
            Files.createDirectories(file.getParent());
            Files.write(file, aws.clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray());
            files.add(file);
        }
        return files;
    }

    /** What the month came to. */
    record Summary(YearMonth month, Duration took, long steps, long jumps, long invocations, long failed,
                   List<String> tickets, List<String> escalations, List<String> availability, List<Path> reports,
                   Path logFile) {
        void print(PrintWriter out) {
            out.println();
            out.println("SLA Desk demo: " + month + " replayed in " + took.toSeconds() + " s (" + steps + " minute steps, "
                    + jumps + " time-lapse jumps, " + invocations + " invocations, " + failed + " failed)");
            tickets.forEach(out::println);
            escalations.forEach(out::println);
            availability.forEach(out::println);
            if (reports.isEmpty()) {
                out.println("Reports: none (month-end produced no report objects)");
            } else {
                out.println("Reports (" + reports.size() + "):");
                reports.forEach(r -> out.println("  " + r));
            }
            out.println("Runtime log (one line per invocation, and the functions' own logs): " + logFile);
            out.flush();
        }
    }

    // ------------------------------------------------------------------ HTTP

    private JsonNode post(String path, String token, Map<String, Object> body) {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DatabindJson.write(body))).build());
    }

    private JsonNode get(String path, String token) {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return json(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return DatabindJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
