package nl.vioms.sladesk.aws.monitoring;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import nl.vioms.sladesk.app.mail.MailPlanner;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.time.Interval;

/**
 * Maintenance windows as operations record and announce them (R19), one place for the CLI
 * ({@code ./sladesk maintenance add --announce}) and the console's monitoring page.
 */
public final class MaintenanceAnnouncements {
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private MaintenanceAnnouncements() {}

    /** The id a window gets when none is given: {@code mw-<start UTC>}, {@code -emergency} for emergency work. */
    public static String defaultId(Interval window, boolean emergency) {
        return "mw-" + ID_TIME.format(window.start()) + (emergency ? "-emergency" : "");
    }

    /**
     * Writes the window's announcement mails to the outbox: every contact of the customers whose
     * services the window touches, and their resellers (R19). Idempotent per window and recipient,
     * so announcing again mails nobody twice; the mailer moves the window's announcement instant
     * to the moment SES accepted the last of them.
     *
     * @param services a composition root whose environment plans mail (support address, out-of-hours number)
     * @return how many mails were newly written
     */
    public static int announce(Services services, MaintenanceWindow window, MonitoredService service) {
        MailPlanner planner = services.mailPlanner();
        if (planner == null) {
            throw new IllegalStateException("this function's environment plans no mail (OUT_OF_HOURS_NUMBER unset)");
        }
        Instant now = services.clock().instant();
        int written = 0;
        String windowRef = MonitoringRepository.windowRef(window);
        for (OutboundMail mail : planner.maintenance(window, windowRef, service, now)) {
            boolean added = services.outbox()
                    .add(OutboxMessage.pending(
                            MailPlanner.outboxId(mail),
                            OutboxMessage.Topic.MAIL,
                            Map.of("kind", mail.kind().wireName()),
                            mail.toJson(),
                            now));
            written += added ? 1 : 0;
        }
        return written;
    }
}
