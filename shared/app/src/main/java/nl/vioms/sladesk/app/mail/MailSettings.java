package nl.vioms.sladesk.app.mail;

import java.util.Objects;

/**
 * What every mail of ours needs to know about VIOMS.
 *
 * @param supportAddress   our address: the sender of our mail, never a recipient
 * @param outOfHoursNumber the out-of-hours phone number for A/HA faults (R7), as people dial it
 * @param linkBase         the public base URL (the API and the portal), for links to tickets
 */
public record MailSettings(String supportAddress, String outOfHoursNumber, String linkBase) {
    /** Where our Message-IDs live ({@code <VIO-2026-000123.ack.x@sladesk.vioms.nl>}); intake knows it too. */
    public static final String MESSAGE_ID_DOMAIN = "sladesk.vioms.nl";

    public MailSettings {
        Objects.requireNonNull(supportAddress, "supportAddress");
        Objects.requireNonNull(outOfHoursNumber, "outOfHoursNumber");
        Objects.requireNonNull(linkBase, "linkBase");
    }
}
