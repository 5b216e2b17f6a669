package nl.vioms.sladesk.intake.email.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What SLA Desk understood of one inbound e-mail: addresses, threading ids, decoded subject, the
 * readable text and attachment metadata. Produced by {@link MailParser#parse(byte[])}; never holds
 * attachment bytes.
 *
 * <p>Absent values are {@code null} for single values and empty for lists and maps; the subject and
 * text are never null (empty when absent).
 *
 * @param messageId     Message-ID without the angle brackets, or null
 * @param fromAddress   first From address, lower-case (falls back to Sender), or null
 * @param fromName      its decoded display name, or null
 * @param to            To addresses, lower-case
 * @param cc            Cc addresses, lower-case
 * @param replyTo       Reply-To addresses, lower-case
 * @param subject       subject, RFC 2047 decoded and unfolded; "" when absent
 * @param date          the Date header, or null when absent or unreadable
 * @param inReplyTo     first message id of In-Reply-To without brackets, or null
 * @param references    message ids of References without brackets, oldest first
 * @param mimeType      top-level content type, lower-case (e.g. "multipart/report")
 * @param headers       the headers that classification needs (see {@link #KEPT_HEADERS}), keyed by
 *                      lower-case name, every occurrence in order, decoded and unfolded
 * @param text          the readable body text (text/plain preferred, else HTML reduced to text;
 *                      forwarded messages included), at most {@link MailParser#MAX_TEXT_CHARS}
 * @param textTruncated true when {@code text} was cut at the limit
 * @param attachments   metadata of every part that is not body text (inline images included)
 * @param defects       what was odd or had to be repaired while reading (for logs; empty when clean)
 */
public record InboundMail(
        String messageId,
        String fromAddress,
        String fromName,
        List<String> to,
        List<String> cc,
        List<String> replyTo,
        String subject,
        Instant date,
        String inReplyTo,
        List<String> references,
        String mimeType,
        Map<String, List<String>> headers,
        String text,
        boolean textTruncated,
        List<Attachment> attachments,
        List<String> defects) {

    /** Header names kept in {@link #headers()}: the signals of auto-replies, bounces, lists and loops. */
    public static final List<String> KEPT_HEADERS = List.of(
            "auto-submitted",
            "precedence",
            "x-autoreply",
            "x-autorespond",
            "x-auto-response-suppress",
            "list-id",
            "list-unsubscribe",
            "return-path",
            "x-loop",
            "x-failed-recipients",
            "content-type");

    public InboundMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        subject = subject == null ? "" : subject;
        references = List.copyOf(references);
        headers = Map.copyOf(headers);
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        defects = List.copyOf(defects);
    }

    /** First value of a kept header (case-insensitive name), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a kept header (case-insensitive name), in order; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Metadata of one attachment or inline resource.
     *
     * @param fileName    decoded file name, or null when the part has none
     * @param contentType lower-case MIME type
     * @param sizeBytes   decoded size in bytes
     * @param inline      true for parts shown inline (Content-Disposition inline or a Content-ID),
     *                    e.g. a pasted image
     */
    public record Attachment(String fileName, String contentType, long sizeBytes, boolean inline) {}
}
