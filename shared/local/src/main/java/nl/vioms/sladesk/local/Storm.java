package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.local.InvocationLog.Outcome;
import nl.vioms.sladesk.local.StormPlan.Report;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The storm benchmark (issue 19): on a fresh local system, the probe confirms a platform outage
 * (R20: the 5th failed round opens the P1), then the reports of the {@link StormPlan} arrive
 * through the real paths (SES -> intake-email, phone intake and the reseller API over the local
 * HTTP API) while a simulated clock moves through the storm in {@link #STEP} steps; then the
 * outbox streams drain (escalation, mailer) and {@link StormTally} counts what is stored.
 *
 * <p>Each step: the clock moves to the end of the step, the step's reports are sent from a pool
 * of {@link #SENDERS} threads (each dated at its own moment in the step), and when all are sent the
 * runtime drains (SNS deliveries, schedules, streams) as {@code ./sladesk demo} does.
 */
final class Storm {
    /** Thu 26 Nov 2026 10:00 Amsterdam: a working day, in office hours. */
    static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    /** How far the clock moves between drains during the storm. */
    static final Duration STEP = Duration.ofSeconds(15);
    /** The senders' pool: a handful of people and portals at once, so intake latency is real. */
    static final int SENDERS = 8;
    /** R20: the 5th failed round confirms; a few rounds more before the storm gives up on the probe. */
    private static final int MAX_PROBE_ROUNDS = 10;
    /** After the last report: minutes of schedules and streams before counting. */
    private static final int SETTLE_MINUTES = 3;
    /** The setting the major-incident code reads (issue 19); "off" is the baseline. */
    static final String LINKING_SETTING =
            "MAJOR_INCIDENT_LINKING"; // EnvVar.MAJOR_INCIDENT_LINKING (a constant for picocli)

    /** What the storm is asked to do. */
    record Options(int mails, int calls, int api, int minutes, boolean linking) {
        int total() {
            return mails + calls + api;
        }
    }

    private final Options options;
    private final LocalAws aws;
    private final Path stateDir;
    private final int port;
    private final PrintStream log;
    private final PrintWriter progress;
    private StormDirectory directory;

    Storm(Options options, LocalAws aws, Path stateDir, int port, PrintStream log, PrintWriter progress) {
        this.options = options;
        this.aws = aws;
        this.stateDir = stateDir;
        this.port = port;
        this.log = log;
        this.progress = progress;
    }

    /** Runs the storm and returns its figures as the JSON object the command prints. */
    Map<String, Object> run() throws Exception {
        long started = System.nanoTime();
        Map<String, Object> phases = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try (DemoPeers peers = new DemoPeers()) {
            say("Seeding " + options.total() + " customers...");
            aws.seed("demo");
            directory = StormDirectory.generate(options.total());
            directory.load(aws, pool);
            monitorPlatform(peers);
            StormPlan plan =
                    StormPlan.of(directory, options.mails(), options.calls(), options.api(), options.minutes());
            phases.put("seedMs", millisSince(started));

            MutableClock clock = new MutableClock(START);
            // the functions' own log lines carry the simulated time too, as in the demo
            Log.useClock(clock);
            InvocationLog invocations = new InvocationLog(log, InvocationLog.Format.TEXT);
            StormLatencies latencies = new StormLatencies();
            invocations.observe((function, outcome, took) -> {
                // a mail's intake latency: intake-email's handling of SES's notification to the stored ticket
                if (function.equals("IntakeEmailFunction") && outcome == Outcome.OK && took != null) {
                    latencies.add(StormPlan.Channel.EMAIL, took);
                }
            });
            Map<String, String> settings = options.linking() ? Map.of() : Map.of(LINKING_SETTING, "off");
            try (LocalRuntime runtime = new LocalRuntime(
                            aws, clock, LocalRuntime.ScheduleMode.ENABLED, invocations, stateDir, null, settings);
                    LocalApiServer server = new LocalApiServer(runtime.handlers(), port, invocations, clock)) {
                var tickets = new TicketRepository(
                        aws.clients().dynamo(), aws.resources().tableName("TicketsTable"));
                String secondLine = secondLineQueue();
                long phase = System.nanoTime();
                Ticket p1 = confirmOutage(runtime, clock, peers, tickets);
                phases.put("probeMs", millisSince(phase));
                Instant stormStart = clock.instant();

                phase = System.nanoTime();
                Map<StormPlan.Channel, AtomicInteger> failed =
                        send(plan, runtime, clock, server.baseUrl(), latencies, pool, phases);
                phases.put("reportsMs", millisSince(phase));

                phase = System.nanoTime();
                settle(runtime, clock);
                phases.put("drainMs", millisSince(phase));

                phase = System.nanoTime();
                var counts = StormTally.count(tickets, plan.reports(), new Interval(stormStart, clock.instant()), pool);
                int escalations = drainQueue(secondLine);
                int mails = mailsSent();
                int probeP1s = (int) tickets.openP1().stream()
                        .filter(t -> t.channel() == Channel.MONITORING)
                        .count();
                phases.put("countMs", millisSince(phase));
                return result(
                        plan,
                        p1,
                        probeP1s,
                        failed,
                        counts,
                        escalations,
                        mails,
                        latencies,
                        invocations,
                        phases,
                        millisSince(started));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The hosted platform as the probes see it, carried by every hosted PBX, on the storm's own peers. */
    private void monitorPlatform(DemoPeers peers) {
        new MonitoringRepository(aws.clients().dynamo(), aws.resources().tableName("MonitoringTable"))
                .putService(MonitoredService.platform(
                        "hosted-voice", "VIOMS Hosted voice platform", Set.of(ServiceKind.HOSTED_PBX)));
        DemoProbeTargets.register(aws, ScriptScenes.PLATFORM, peers);
    }

    /** A queue subscribed as the second-line helpdesk is (the template's filter policy: P1 only, R17). */
    private String secondLineQueue() {
        Map<String, Object> subscription =
                aws.template().resourcesOfType("AWS::SNS::Subscription").get("SecondLineSubscription");
        String filter = subscription == null ? null : DatabindJson.write(subscription.get("FilterPolicy"));
        return aws.subscribedQueue(aws.resources().require("EscalationsTopic"), filter);
    }

    /**
     * A passing round first, then the platform's stand-ins stop answering and the probe runs each
     * minute until its 5th failure opens the P1 (R20); the probe's own path, nothing forged.
     */
    private Ticket confirmOutage(LocalRuntime runtime, MutableClock clock, DemoPeers peers, TicketStore tickets) {
        runtime.drainConcurrently();
        peers.down();
        say("The platform goes down at " + Amsterdam.iso(clock.instant()) + "; the probe checks it every minute...");
        for (int round = 0; round < MAX_PROBE_ROUNDS; round++) {
            clock.advance(Duration.ofMinutes(1));
            runtime.drainConcurrently();
            for (Ticket ticket : tickets.openP1()) {
                if (ticket.channel() == Channel.MONITORING) {
                    say("The probe opened " + ticket.number() + " at " + Amsterdam.iso(clock.instant()));
                    return ticket;
                }
            }
        }
        throw new IllegalStateException("the probe opened no P1 in " + MAX_PROBE_ROUNDS
                + " rounds of a platform that does not answer (see the runtime log)");
    }

    /** The reports, step by step, from the pool; the runtime drains after each step. */
    private Map<StormPlan.Channel, AtomicInteger> send(
            StormPlan plan,
            LocalRuntime runtime,
            MutableClock clock,
            URI api,
            StormLatencies latencies,
            ExecutorService pool,
            Map<String, Object> phases)
            throws Exception {
        long sendingNanos = 0;
        long drainingNanos = 0;
        Map<StormPlan.Channel, AtomicInteger> failed = new EnumMap<>(StormPlan.Channel.class);
        for (StormPlan.Channel channel : StormPlan.Channel.values()) {
            failed.put(channel, new AtomicInteger());
        }
        SesInbox inbox = new SesInbox(aws);
        StormSender sender = new StormSender(api);
        Instant stormStart = clock.instant();
        List<Report> reports = plan.reports();
        int next = 0;
        int sent = 0;
        long steps = Duration.ofMinutes(options.minutes()).dividedBy(STEP);
        for (long step = 1; step <= steps; step++) {
            Duration stepEnd = STEP.multipliedBy(step);
            clock.set(stormStart.plus(stepEnd));
            long sending = System.nanoTime();
            List<Future<?>> inFlight = new ArrayList<>();
            while (next < reports.size() && reports.get(next).offset().compareTo(stepEnd) < 0) {
                Report report = reports.get(next++);
                Instant at = stormStart.plus(report.offset());
                inFlight.add(pool.submit(() -> deliver(report, at, inbox, sender, latencies, failed)));
            }
            for (Future<?> delivery : inFlight) {
                delivery.get();
            }
            sent += inFlight.size();
            long draining = System.nanoTime();
            sendingNanos += draining - sending;
            runtime.drainConcurrently();
            drainingNanos += System.nanoTime() - draining;
            if (stepEnd.toSeconds() % 60 == 0) {
                say("  " + Amsterdam.iso(clock.instant()) + ": " + sent + " of " + reports.size() + " reports sent");
            }
        }
        // where the time of the storm went: the senders' requests, or the functions behind SES and the streams
        phases.put("reportsSendingMs", Duration.ofNanos(sendingNanos).toMillis());
        phases.put("reportsDrainingMs", Duration.ofNanos(drainingNanos).toMillis());
        return failed;
    }

    private void deliver(
            Report report,
            Instant at,
            SesInbox inbox,
            StormSender sender,
            StormLatencies latencies,
            Map<StormPlan.Channel, AtomicInteger> failed) {
        try {
            if (report.channel() == StormPlan.Channel.EMAIL) {
                inbox.receive(StormPlan.mail(report, at), at);
                return;
            }
            StormSender.Sent sent = report.channel() == StormPlan.Channel.PHONE
                    ? sender.post("/intake/phone", "demo-telephony-token", "storm-" + report.index(), call(report, at))
                    : sender.post("/tickets", directoryToken(report), "storm-" + report.index(), apiTicket(report));
            latencies.add(report.channel(), sent.took());
            if (!sent.ok()) {
                failed.get(report.channel()).incrementAndGet();
                log.println("storm: " + report.channel().wire() + " report " + report.index() + " answered "
                        + sent.status() + ": " + sent.body());
            }
        } catch (RuntimeException e) {
            failed.get(report.channel()).incrementAndGet();
            log.println("storm: " + report.channel().wire() + " report " + report.index() + " failed: " + e);
        }
    }

    /** The portal token of the customer's reseller. */
    private String directoryToken(Report report) {
        return directory.tokenOf(report.customer().resellerId());
    }

    private static Map<String, Object> call(Report report, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callerNumber", report.customer().phone());
        body.put("calledAt", at.toString());
        body.put("summary", StormPlan.callSummary(report));
        return body;
    }

    private static Map<String, Object> apiTicket(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", report.customer().id());
        body.put("kind", "incident");
        body.put("subject", report.words().subject());
        body.put("description", report.words().text());
        body.put("service", "pbx");
        return body;
    }

    /** Minutes of schedules after the last report, so the outbox streams and retries run out. */
    private void settle(LocalRuntime runtime, MutableClock clock) {
        runtime.drainConcurrently();
        for (int minute = 0; minute < SETTLE_MINUTES; minute++) {
            clock.advance(Duration.ofMinutes(1));
            runtime.drainConcurrently();
        }
        say("Drained at " + Amsterdam.iso(clock.instant()) + "; counting...");
    }

    /** Every message on a subscriber's queue, read off until it stays empty. */
    private int drainQueue(String queueUrl) {
        int count = 0;
        int emptyReads = 0;
        while (emptyReads < 2) {
            List<Message> messages = aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                emptyReads++;
                continue;
            }
            emptyReads = 0;
            count += messages.size();
            for (Message message : messages) {
                aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return count;
    }

    /** What the SES emulator accepted (its {@code GET /store}): the mails really sent. */
    private int mailsSent() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(aws.mailEndpoint().resolve("/store"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode store = DemoApi.json(response.body());
            return store.path("emails").size();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SES emulator's store", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> result(
            StormPlan plan,
            Ticket p1,
            int probeP1s,
            Map<StormPlan.Channel, AtomicInteger> failed,
            StormTally.Counts counts,
            int escalations,
            int mails,
            StormLatencies latencies,
            InvocationLog invocations,
            Map<String, Object> phases,
            long wallTimeMs) {
        Map<String, Object> sent = new LinkedHashMap<>();
        Map<String, Object> refused = new LinkedHashMap<>();
        Map<String, Object> latency = new LinkedHashMap<>();
        for (StormPlan.Channel channel : StormPlan.Channel.values()) {
            sent.put(channel.wire(), plan.count(channel));
            refused.put(channel.wire(), failed.get(channel).get());
            latency.put(channel.wire(), latencies.percentiles(channel));
        }
        sent.put("total", plan.reports().size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("linking", options.linking() ? "on" : "off");
        out.put("minutes", options.minutes());
        out.put("reportsSent", sent);
        out.put("unrelatedSent", plan.unrelated());
        out.put("sendErrors", refused);
        out.put("ticketsStored", counts.ticketsStored());
        out.put("reportsLost", counts.reportsLost());
        out.put("duplicateTickets", counts.duplicates());
        out.put("storedOnOtherChannel", counts.otherChannel());
        if (!counts.lostExamples().isEmpty()) {
            out.put("lostExamples", counts.lostExamples());
        }
        out.put("platformIncident", p1.number());
        out.put("platformP1sOpen", probeP1s);
        out.put("childrenLinked", counts.childrenLinked());
        out.put("unrelatedLinked", counts.unrelatedLinked());
        out.put("escalationsToSecondLine", escalations);
        out.put("mailsSent", mails);
        out.put("operationsQueueLength", counts.operationsQueueLength());
        out.put("intakeLatencyMs", latency);
        out.put("invocations", invocations.invocations());
        out.put("invocationErrors", invocations.errors());
        out.put("phasesMs", phases);
        out.put("wallTimeMs", wallTimeMs);
        return out;
    }

    private void say(String line) {
        progress.println(line);
        progress.flush();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
