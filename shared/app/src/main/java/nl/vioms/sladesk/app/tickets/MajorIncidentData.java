package nl.vioms.sladesk.app.tickets;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.ticket.MajorIncident;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;

/**
 * A major incident's facts as the event that made it major carries them (issue 19): the probe's
 * created event or operations' {@code declare-major}, data {@code majorService}, {@code serviceName}
 * and {@code carries} (service kinds, comma-separated), so the history alone rebuilds the board entry.
 */
public final class MajorIncidentData {
    /** Data key: the platform service's name. */
    public static final String SERVICE_NAME = "serviceName";

    /** Data key: the service kinds the platform carries (R21), comma-separated wire names. */
    public static final String CARRIES = "carries";

    private MajorIncidentData() {}

    /**
     * @param ticket   the major incident (its {@code majorService} is the platform service)
     * @param made     the event that made it major, or null when unknown (then it carries its own kind only)
     * @param openedAt when it opened or was declared
     */
    static MajorIncident of(Ticket ticket, TicketEvent made, Instant openedAt) {
        String service = ticket.majorService();
        String name = made == null ? service : made.data().getOrDefault(SERVICE_NAME, service);
        Set<ServiceKind> carries = EnumSet.noneOf(ServiceKind.class);
        String listed = made == null ? "" : made.data().getOrDefault(CARRIES, "");
        for (String kind : listed.split(",")) {
            if (!kind.isBlank()) {
                carries.add(ServiceKind.fromWireName(kind.strip()));
            }
        }
        if (carries.isEmpty()) {
            carries.add(ticket.serviceKind());
        }
        Instant at = made == null ? openedAt : made.at();
        return MajorIncident.openedAt(ticket.number(), service, name, carries, at);
    }

    /** The data value of {@link #CARRIES}. */
    public static String carries(Set<ServiceKind> kinds) {
        return String.join(
                ",", kinds.stream().sorted().map(ServiceKind::wireName).toList());
    }
}
