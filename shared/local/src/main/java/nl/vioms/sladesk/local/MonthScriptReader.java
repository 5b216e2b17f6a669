package nl.vioms.sladesk.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.local.MonthScript.ApiTicket;
import nl.vioms.sladesk.local.MonthScript.Call;
import nl.vioms.sladesk.local.MonthScript.DayTime;
import nl.vioms.sladesk.local.MonthScript.Entry;
import nl.vioms.sladesk.local.MonthScript.Mail;
import nl.vioms.sladesk.local.MonthScript.Maintenance;
import nl.vioms.sladesk.local.MonthScript.MonitoringTicket;
import nl.vioms.sladesk.local.MonthScript.Platform;
import nl.vioms.sladesk.local.MonthScript.Step;
import nl.vioms.sladesk.local.MonthScript.TicketEvent;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the demo's month script (YAML) and checks all of it before the demo starts: a mistake is
 * refused with a message naming the file and the entry (its number, time and kind), not found
 * halfway through a replay.
 */
final class MonthScriptReader {
    private MonthScriptReader() {}

    /** The script file; the e-mails it names must be in the same folder. */
    static MonthScript read(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the month script " + file + ": " + e.getMessage(), e);
        }
        return parse(yaml, file.toString(), file.toAbsolutePath().getParent());
    }

    /** {@code source} names the script in messages; {@code mailDir} holds the e-mails it names. */
    static MonthScript parse(String yaml, String source, Path mailDir) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("entries") instanceof List<?> list)) {
            throw new IllegalArgumentException(source + " must hold a list named entries");
        }
        List<Entry> entries = new ArrayList<>();
        List<ScriptFields> read = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ScriptFields fields = ScriptFields.entry(list.get(i), source + ", entry " + (i + 1));
            Entry entry = entry(fields, mailDir);
            entries.add(entry);
            read.add(fields);
            String ticket = opens(entry);
            if (ticket != null && !named.add(ticket)) {
                throw fields.invalid("ticket " + ticket + " is already named by an earlier entry");
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String used = uses(entries.get(i));
            if (used != null && !named.contains(used)) {
                throw read.get(i).invalid("no entry opens a ticket named " + used + " (named: " + named + ")");
            }
        }
        return new MonthScript(entries);
    }

    private static Entry entry(ScriptFields f, Path mailDir) {
        DayTime at = f.dayTime("at");
        String title = f.optional("title");
        return switch (f.kind()) {
            case "mail" -> {
                f.only("file", "ticket");
                String file = f.text("file");
                if (!Files.isRegularFile(mailDir.resolve(file))) {
                    throw f.invalid("file " + file + " is not in " + mailDir);
                }
                yield new Mail(at, title, file, f.optional("ticket"));
            }
            case "call" -> {
                f.only("from", "summary", "priority", "about", "ticket");
                String priority = f.optional("priority");
                if (priority != null && !priority.matches("P[1-4]")) {
                    throw f.invalid("priority " + priority + " is not P1 to P4");
                }
                if (priority != null && f.optional("about") != null) {
                    throw f.invalid("a call has a priority or is about a ticket, not both");
                }
                yield new Call(
                        at,
                        title,
                        f.text("from"),
                        f.text("summary"),
                        priority,
                        f.optional("about"),
                        f.optional("ticket"));
            }
            case "api-ticket" -> {
                f.only("token", "body", "ticket");
                yield new ApiTicket(at, title, f.text("token"), f.map("body"), f.text("ticket"));
            }
            case "event" -> {
                f.only("ticket", "kind", "note", "customer");
                String kind = eventKind(f, f.text("kind"));
                String customer = f.optional("customer");
                if ((customer != null) != kind.equals("assigned")) {
                    throw f.invalid("customer goes with kind assigned, and only with it");
                }
                yield new TicketEvent(at, title, f.text("ticket"), kind, f.optional("note"), customer);
            }
            case "maintenance" -> {
                f.only("id", "from", "to", "reason");
                yield new Maintenance(at, title, f.text("id"), f.dayTime("from"), f.dayTime("to"), f.text("reason"));
            }
            case "platform" -> {
                f.only("state");
                String state = f.text("state");
                if (!state.equals("up") && !state.equals("down")) {
                    throw f.invalid("state " + state + " is not up or down");
                }
                yield new Platform(at, title, state.equals("up"));
            }
            case "monitoring-ticket" -> {
                f.only("ticket", "events");
                List<Step> steps = new ArrayList<>();
                for (ScriptFields step : f.steps("events")) {
                    steps.add(new Step(eventKind(step, step.text("kind")), step.optional("note")));
                }
                yield new MonitoringTicket(at, title, f.text("ticket"), steps);
            }
            default ->
                throw f.invalid("do " + f.kind() + " is not one of mail, call, api-ticket, event, maintenance,"
                        + " platform, monitoring-ticket");
        };
    }

    private static String eventKind(ScriptFields f, String kind) {
        try {
            return EventKind.fromWireName(kind).wireName();
        } catch (IllegalArgumentException e) {
            throw f.invalid(e.getMessage());
        }
    }

    /** The ticket name an entry gives the ticket it opens, or null. */
    private static String opens(Entry entry) {
        if (entry instanceof Mail mail) {
            return mail.ticket();
        }
        if (entry instanceof Call call) {
            return call.ticket();
        }
        if (entry instanceof ApiTicket api) {
            return api.ticket();
        }
        return entry instanceof MonitoringTicket monitoring ? monitoring.ticket() : null;
    }

    /** The ticket name an entry acts on, or null. */
    private static String uses(Entry entry) {
        if (entry instanceof TicketEvent event) {
            return event.ticket();
        }
        return entry instanceof Call call ? call.about() : null;
    }
}
