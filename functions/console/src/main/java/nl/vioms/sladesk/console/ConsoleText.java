package nl.vioms.sladesk.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.watch.Checkpoint;

/** What the console's pages say about tickets, in Dutch: times in Amsterdam, durations, kinds. */
public final class ConsoleText {
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", new Locale("nl", "NL"));

    private static final DateTimeFormatter SHORT_EN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private ConsoleText() {}

    /** {@link #time} in the page's language (the portal, issue 18): "Tue 1 Dec 09:00" in English. */
    public static String time(Instant instant, Language lang) {
        if (lang != Language.EN) {
            return time(instant);
        }
        return instant == null ? "" : SHORT_EN.format(instant.atZone(Amsterdam.ZONE));
    }

    /** {@link #duration} in the page's language: "3 h 12 m" in English. */
    public static String duration(Duration span, Language lang) {
        String dutch = duration(span);
        return lang == Language.EN ? dutch.replace(" u", " h") : dutch;
    }

    /** "vr 4 dec 14:12" in Amsterdam time (the JDK writes "dec."; people read it without the dot). */
    public static String time(Instant instant) {
        return instant == null
                ? ""
                : SHORT.format(instant.atZone(Amsterdam.ZONE)).replace(".", "");
    }

    /** Since when a ticket waits for the customer (R16), or null when it does not. */
    public static String pausedSince(TicketTimeline timeline) {
        return timeline.pauses().stream()
                .filter(TicketTimeline.Pause::ongoing)
                .map(p -> time(p.from()))
                .findFirst()
                .orElse(null);
    }

    /** A span as people say it: "2 d 3 u", "3 u 12 m", "12 m"; never negative. */
    public static String duration(Duration span) {
        long minutes = Math.max(0, span.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        if (days > 0) {
            return days + " d " + hours + " u";
        }
        if (hours > 0) {
            return hours + " u " + (minutes % 60) + " m";
        }
        return (minutes % 60) + " m";
    }

    /** The CSS classes of a priority's badge: P1 red, P2 amber. */
    public static String badge(Priority priority) {
        return "badge " + priority.name().toLowerCase(Locale.ROOT);
    }

    /** R10's meaning of each priority, as the ticket page explains it. */
    public static String meaning(Priority priority) {
        switch (priority) {
            case P1:
                return "dienst onbereikbaar voor alle eindgebruikers";
            case P2:
                return "primaire telefoniefuncties werken niet volledig";
            default:
                return "vraag, secundaire functie of onduidelijke melding";
        }
    }

    public static String channel(Channel channel) {
        switch (channel) {
            case EMAIL:
                return "e-mail";
            case PHONE:
                return "telefoon";
            case API:
                return "API";
            default:
                return "monitoring";
        }
    }

    public static String status(TicketStatus status) {
        switch (status) {
            case OPEN:
                return "open";
            case WAITING:
                return "wacht op klant";
            case RESOLVED:
                return "opgelost";
            default:
                return "gesloten";
        }
    }

    /** What happened, as the history lists it. */
    public static String event(EventKind kind) {
        switch (kind) {
            case CREATED:
                return "Aangemaakt";
            case EMAIL:
                return "E-mail ontvangen";
            case PHONE_REPORT:
                return "Telefonisch gemeld";
            case RESPONSE:
                return "Reactie aan melder";
            case WORK_STARTED:
                return "Werk begonnen";
            case NOTE:
                return "Notitie";
            case WAITING_FOR_CUSTOMER:
                return "Wacht op klant";
            case CUSTOMER_REPLIED:
                return "Klant heeft geantwoord";
            case RECLASSIFIED:
                return "Prioriteit gewijzigd";
            case RESOLVED:
                return "Opgelost";
            case CLOSED:
                return "Gesloten";
            case SECOND_LINE_ACK:
                return "Tweede lijn heeft het opgepakt";
            case ASSIGNED:
                return "Toegewezen aan klant";
            case SLA_WARNING:
                return "SLA-waarschuwing (75 %)";
            case SLA_BREACH:
                return "SLA-termijn verlopen";
            case REPLY:
                return "Antwoord aan klant";
            case MAIL_SKIPPED:
                return "Mail niet verstuurd";
            case MAIL_BOUNCED:
                return "Mail teruggekomen";
            case DECLARE_MAJOR:
                return "Groot incident verklaard";
            case LINK:
                return "Gekoppeld aan groot incident";
            case UNLINK:
                return "Ontkoppeld van groot incident";
            case PUBLIC_UPDATE:
                return "Publieke statusupdate";
            default:
                return kind.wireName();
        }
    }

    public static String checkpoint(Checkpoint checkpoint) {
        switch (checkpoint) {
            case ACKNOWLEDGE_BREACH:
                return "ontvangstbevestiging (R12)";
            case RESPONSE_BREACH:
                return "reactietermijn (R13)";
            case START_WORK_BREACH:
                return "begin werk (R14)";
            case RESTORE_WARNING:
                return "75 % van de hersteltermijn (R17)";
            default:
                return "hersteltermijn (R13)";
        }
    }
}
