package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.local.MonthScript.ApiTicket;
import nl.vioms.sladesk.local.MonthScript.Call;
import nl.vioms.sladesk.local.MonthScript.Entry;
import nl.vioms.sladesk.local.MonthScript.Mail;
import nl.vioms.sladesk.local.MonthScript.Maintenance;
import nl.vioms.sladesk.local.MonthScript.MonitoringTicket;
import nl.vioms.sladesk.local.MonthScript.Platform;
import nl.vioms.sladesk.local.MonthScript.Step;
import nl.vioms.sladesk.local.MonthScript.TicketEvent;

/**
 * The month script's entries as scenes, done the way people and systems do them: e-mail through
 * SES, calls and operations' events through the HTTP API with the demo tokens, maintenance in the
 * monitoring table, and the platform's peers stopped and started for the probes to see.
 */
final class ScriptScenes {
    /** The monitored, platform-wide service of the demo: its SBC and softphone port are the demo's own peers. */
    static final String PLATFORM = "platform:hosted-voice";

    private static final String OPS = "demo-ops-token";

    private final LocalAws aws;
    private final Clock clock;
    private final YearMonth month;
    private final Path mailDir;
    private final DemoApi api;
    private final DemoTickets tickets;
    private final DemoScenes scenes;
    private final PrintStream log;
    private final MonitoringRepository monitoring;
    private final DemoPeers peers;

    ScriptScenes(
            LocalAws aws,
            Clock clock,
            YearMonth month,
            Path mailDir,
            DemoApi api,
            DemoTickets tickets,
            DemoScenes scenes,
            PrintStream log,
            DemoPeers peers) {
        this.aws = aws;
        this.peers = peers;
        this.clock = clock;
        this.month = month;
        this.mailDir = mailDir;
        this.api = api;
        this.tickets = tickets;
        this.scenes = scenes;
        this.log = log;
        this.monitoring =
                new MonitoringRepository(aws.clients().dynamo(), aws.resources().tableName("MonitoringTable"));
    }

    /** The hosted platform as the probes see it: a monitored service carried by every hosted PBX. */
    void monitorPlatform() {
        monitoring.putService(MonitoredService.platform(
                "hosted-voice", "VIOMS Hosted voice platform", Set.of(ServiceKind.HOSTED_PBX)));
        DemoProbeTargets.register(aws, PLATFORM, peers);
    }

    /** Every entry of the script as a scene of the month. */
    void add(MonthScript script) {
        for (Entry entry : script.entries()) {
            add(entry);
        }
    }

    private void add(Entry entry) {
        if (entry instanceof Mail mail) {
            scene(entry, "e-mail " + mail.file(), () -> mail(mail));
        } else if (entry instanceof Call call) {
            scene(entry, "phone call from " + call.from(), () -> call(call));
        } else if (entry instanceof ApiTicket request) {
            scene(
                    entry,
                    "reseller API: " + request.body().get("subject"),
                    () -> tickets.learn(
                            request.ticket(),
                            api.post("/tickets", request.token(), request.body())
                                    .get("number")
                                    .asText()));
        } else if (entry instanceof TicketEvent event) {
            Map<String, Object> extra = event.customer() == null ? Map.of() : Map.of("customer", event.customer());
            String title = event.customer() == null
                    ? "operations: " + event.kind() + " on " + event.ticket()
                    : "operations: assign " + event.ticket() + " to " + event.customer();
            scene(entry, title, () -> tickets.event(event.ticket(), OPS, event.kind(), event.note(), extra));
        } else if (entry instanceof Maintenance window) {
            scene(
                    entry,
                    "operations announce maintenance " + window.from().shown(month) + "-"
                            + window.to().time(),
                    () -> announce(window));
        } else if (entry instanceof Platform platform) {
            scene(
                    entry,
                    platform.up() ? "the platform is back" : "the platform goes down",
                    platform.up() ? peers::up : peers::down);
        } else if (entry instanceof MonitoringTicket incident) {
            scene(
                    entry,
                    "operations: the monitoring incident as " + incident.ticket(),
                    () -> monitoringTicket(incident));
        } else {
            throw new IllegalStateException("no scene for " + entry);
        }
    }

    private void scene(Entry entry, String usualTitle, Runnable action) {
        scenes.add(entry.at().in(month), entry.title() == null ? usualTitle : entry.title(), action);
    }

    private void mail(Mail mail) {
        byte[] raw = tickets.fill(read(mailDir.resolve(mail.file())));
        var received = new SesInbox(aws).receive(raw, clock.instant());
        log.println("   SES " + received.sesMessageId() + " " + received.subject());
        if (mail.ticket() != null) {
            scenes.afterDrain(() -> tickets.learnBySubject(mail.ticket(), received.subject()));
        }
    }

    private void call(Call call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callerNumber", call.from());
        body.put("calledAt", clock.instant().toString());
        body.put("summary", call.summary());
        if (call.priority() != null) {
            body.put("priority", call.priority());
        } else if (call.about() != null) {
            body.put("ticket", tickets.number(call.about()));
        }
        JsonNode ticket = api.post("/intake/phone", "demo-telephony-token", body);
        if (call.ticket() != null) {
            tickets.learn(call.ticket(), ticket.get("number").asText());
        }
    }

    /** Planned when announced more than 24 h ahead (R19): the script says when. */
    private void announce(Maintenance window) {
        Interval when = new Interval(window.from().in(month), window.to().in(month));
        monitoring.putMaintenance(new MaintenanceWindow(
                window.id(),
                PLATFORM,
                MaintenanceWindow.MaintenanceKind.PLANNED,
                when,
                clock.instant(),
                window.reason(),
                false,
                null));
    }

    /** The incident the probe opened for the platform (channel monitoring), and what operations record on it. */
    private void monitoringTicket(MonitoringTicket incident) {
        for (JsonNode ticket : api.get("/tickets?status=open", OPS).get("tickets")) {
            if ("monitoring".equals(ticket.path("channel").asText())) {
                tickets.learn(incident.ticket(), ticket.get("number").asText());
                for (Step step : incident.events()) {
                    tickets.event(incident.ticket(), OPS, step.kind(), step.note(), Map.of());
                }
            }
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
