package nl.vioms.sladesk.aws.attachments;

import java.time.Instant;
import java.util.Objects;

/**
 * A file kept with a ticket (issue 18): uploaded by a reseller's browser straight to the
 * attachments bucket and recorded once the portal has checked it.
 *
 * @param id          the random id in its key; unique within the ticket
 * @param name        the file name as shown and offered on download (safe characters only)
 * @param contentType the type SLA Desk serves it as, decided from the name's extension
 * @param size        bytes
 * @param key         the object's key: {@code attachments/<reseller>/<ticket>/<id>/<file name>}
 * @param uploadedBy  the e-mail address of who uploaded it
 */
public record Attachment(
        String ticket,
        String id,
        String name,
        String contentType,
        long size,
        String key,
        String resellerId,
        String uploadedBy,
        Instant uploadedAt) {
    public Attachment {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
    }
}
