package nl.vioms.sladesk.core.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import nl.vioms.sladesk.core.policy.ServiceKind;

/**
 * An open major incident as intake matches new reports against it (issue 19): a P1 on a platform
 * service (R21), opened by the probe or declared by operations.
 *
 * @param number      the major incident's ticket
 * @param service     the platform service ({@code platform:<slug>})
 * @param serviceName what people call it (shown on the status page)
 * @param carries     the customer service kinds the platform carries (R21): whose reports it takes
 * @param since       reports from this instant on may be linked: {@link #LOOKBACK} before it opened
 *                    (a report between the first failed check and the confirmation is the same outage)
 * @param openedAt    when it was opened or declared
 */
public record MajorIncident(
        String number, String service, String serviceName, Set<ServiceKind> carries, Instant since, Instant openedAt) {

    /**
     * How long before a major incident opened a report still belongs to it. The probe confirms an
     * outage after 5 failed checks a minute apart (R20); people call in the first minutes. Bounded,
     * so yesterday's "storing" is never swept into today's outage.
     */
    public static final Duration LOOKBACK = Duration.ofMinutes(30);

    public MajorIncident {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(openedAt, "openedAt");
        carries = carries.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(carries));
    }

    /** A major incident opened at {@code openedAt}; reports of the {@link #LOOKBACK} before belong to it. */
    public static MajorIncident openedAt(
            String number, String service, String serviceName, Set<ServiceKind> carries, Instant openedAt) {
        return new MajorIncident(number, service, serviceName, carries, openedAt.minus(LOOKBACK), openedAt);
    }

    /**
     * Whether a customer's report belongs to this outage: an incident (not an RFC, not a triage
     * ticket of an unknown reporter) of a customer service the platform carries (R21), reported
     * from {@link #since} on, not linked elsewhere and no major incident itself, whose words name
     * an outage ({@link OutagePhrases}).
     *
     * @param text the report's words (subject and text)
     */
    public boolean takes(Ticket report, String text, OutagePhrases phrases) {
        return report.isTimed()
                && !report.triage()
                && report.customerId() != null
                && !report.customerId().startsWith("platform:")
                && !report.isMajor()
                && !report.isChild()
                && !report.number().equals(number)
                && carries.contains(report.serviceKind())
                && !report.createdAt().isBefore(since)
                && phrases.found(report.subject() + " | " + text);
    }
}
