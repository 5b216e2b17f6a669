package nl.vioms.sladesk.core.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import nl.vioms.sladesk.core.clock.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A fault report or request as it reaches VIOMS, before it is a ticket.
 *
 * @param at                when it was received: the reference of every clock (R8)
 * @param reporter          who reported it (e-mail address, E.164 number, reseller)
 * @param requestedPriority an explicit priority from an API field, or null
 * @param serviceId         the customer's service it names, or null
 * @param source            where it came from (mail message id, api request, phone line), for the history
 * @param actor             who registered it (the reporter, a phone agent, monitoring)
 * @param intake            what the intake channel adds to the created event's data (e.g. a mail's
 *                          sender-trust verdicts), never replacing the factory's own keys; may be empty
 */
public record Report(
        TicketKind kind,
        Channel channel,
        Instant at,
        @Nullable String reporter,
        String subject,
        String text,
        @Nullable String requestedPriority,
        @Nullable String serviceId,
        String source,
        String actor,
        Map<String, String> intake) {
    public Report {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        subject = subject == null ? "" : Texts.subject(subject);
        text = text == null ? "" : Texts.text(text);
        intake = intake == null ? Map.of() : Map.copyOf(intake);
    }

    /** A report without intake data. */
    public Report(
            TicketKind kind,
            Channel channel,
            Instant at,
            @Nullable String reporter,
            String subject,
            String text,
            @Nullable String requestedPriority,
            @Nullable String serviceId,
            String source,
            String actor) {
        this(kind, channel, at, reporter, subject, text, requestedPriority, serviceId, source, actor, Map.of());
    }

    /** The same report as received at {@code first}: a retried intake keeps its first receipt (R8). */
    public Report receivedAt(Instant first) {
        return new Report(
                kind, channel, first, reporter, subject, text, requestedPriority, serviceId, source, actor, intake);
    }
}
