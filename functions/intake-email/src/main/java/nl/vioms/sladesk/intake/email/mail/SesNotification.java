package nl.vioms.sladesk.intake.email.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.vioms.sladesk.app.Json;

/**
 * An Amazon SES "Received" notification, as published to SNS by a receipt rule (the SNS message
 * body). The raw mail is either inline ({@link Inline}, SNS action, messages up to 150 KB) or in S3
 * ({@link InS3}, S3 action with its SNS notification).
 *
 * <p>Other notification types (SES sends {@code AmazonSnsSubscriptionSucceeded} when a topic is set
 * up) parse too, with only {@link #notificationType()} set, so the handler can skip them without an
 * error alarm: check {@link #isReceived()}.
 *
 * @param notificationType "Received" for a received mail
 * @param messageId        SES's id of the mail (also the S3 object name under the prefix)
 * @param receivedAt       when SES received the mail ({@code mail.timestamp}): the moment the
 *                         ticket's clocks start from (R8)
 * @param source           envelope sender (MAIL FROM); empty for bounces
 * @param destination      envelope recipients of the mail
 * @param spamVerdict      receipt.spamVerdict.status (PASS, FAIL, GRAY, PROCESSING_FAILED), or null
 * @param virusVerdict     receipt.virusVerdict.status, or null
 * @param spfVerdict       receipt.spfVerdict.status (PASS, FAIL, GRAY, PROCESSING_FAILED), or null
 * @param dkimVerdict      receipt.dkimVerdict.status, or null
 * @param dmarcVerdict     receipt.dmarcVerdict.status (PASS, FAIL, GRAY, PROCESSING_FAILED), or null
 * @param rawMessage       where the raw mail is
 */
public record SesNotification(
        String notificationType,
        String messageId,
        Instant receivedAt,
        String source,
        List<String> destination,
        String spamVerdict,
        String virusVerdict,
        String spfVerdict,
        String dkimVerdict,
        String dmarcVerdict,
        RawMessage rawMessage) {

    public SesNotification {
        Objects.requireNonNull(notificationType, "notificationType");
        destination = destination == null ? List.of() : List.copyOf(destination);
    }

    /** True for a received mail; false for SES's other notices (then the other fields are null). */
    public boolean isReceived() {
        return "Received".equals(notificationType);
    }

    /** SES's verdicts on this mail, for the sender-trust decision. */
    public MailVerdicts verdicts() {
        return new MailVerdicts(spfVerdict, dkimVerdict, dmarcVerdict, spamVerdict, virusVerdict);
    }

    /** Where the raw message is. */
    public sealed interface RawMessage permits Inline, InS3 {}

    /** The raw message inside the notification ({@code content}), already decoded to bytes. */
    public record Inline(byte[] bytes) implements RawMessage {
        public Inline {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inline other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Inline[" + bytes.length + " bytes]";
        }
    }

    /** The raw message stored by the S3 action. */
    public record InS3(String bucketName, String objectKey) implements RawMessage {}

    /**
     * Parses the SES notification JSON (the {@code Message} string of the SNS record).
     *
     * @throws IllegalArgumentException naming the problem: not JSON, or a field a Received
     *                                  notification needs is missing or invalid
     */
    public static SesNotification parse(String snsMessageJson) {
        if (snsMessageJson == null || snsMessageJson.isBlank()) {
            throw new IllegalArgumentException("SES notification is empty");
        }
        Map<String, Object> root;
        try {
            root = Json.readObject(snsMessageJson);
        } catch (Json.Invalid e) {
            throw new IllegalArgumentException(
                    e.getMessage().equals("not a JSON object")
                            ? "SES notification is not a JSON object"
                            : "SES notification is not valid JSON: " + e.getMessage(),
                    e);
        }
        String type = text(root, "notificationType");
        if (!type.equals("Received")) {
            return new SesNotification(type, null, null, null, List.of(), null, null, null, null, null, null);
        }
        Map<String, Object> mail = object(root, "mail");
        Map<String, Object> receipt = object(root, "receipt");
        Map<String, Object> action = object(receipt, "receipt.action", "action");

        String messageId = text(mail, "mail.messageId", "messageId");
        Instant receivedAt = instant(mail, "mail.timestamp", "timestamp");
        if (!mail.containsKey("source")) {
            throw new IllegalArgumentException("SES notification misses field mail.source");
        }
        String source = mail.get("source") == null
                ? ""
                : String.valueOf(mail.get("source")); // empty for a null sender (bounces)
        List<String> destination = new ArrayList<>();
        if (mail.get("destination") instanceof List<?> dest) {
            dest.forEach(d -> destination.add(String.valueOf(d)));
        }

        String actionType = text(action, "receipt.action.type", "type").toUpperCase(Locale.ROOT);
        Object content = root.get("content");
        RawMessage raw;
        if (content != null) {
            raw = new Inline(decodeContent(String.valueOf(content), optionalText(action, "encoding")));
        } else if (actionType.equals("S3")) {
            raw = new InS3(
                    text(action, "receipt.action.bucketName", "bucketName"),
                    text(action, "receipt.action.objectKey", "objectKey"));
        } else {
            throw new IllegalArgumentException("SES notification for mail " + messageId + " has action type "
                    + actionType + " but neither content nor an S3 location: missing field content");
        }
        return new SesNotification(
                type,
                messageId,
                receivedAt,
                source,
                destination,
                status(receipt, "spamVerdict"),
                status(receipt, "virusVerdict"),
                status(receipt, "spfVerdict"),
                status(receipt, "dkimVerdict"),
                status(receipt, "dmarcVerdict"),
                raw);
    }

    private static byte[] decodeContent(String content, String encoding) {
        String enc = encoding == null ? "UTF8" : encoding.replace("-", "").toUpperCase(Locale.ROOT);
        if (enc.equals("BASE64")) {
            try {
                // whitespace (line breaks) is allowed, anything else outside the alphabet is an error
                return Base64.getDecoder().decode(content.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "SES notification content is not valid BASE64: " + e.getMessage(), e);
            }
        }
        if (!enc.equals("UTF8")) {
            throw new IllegalArgumentException("SES notification has unknown receipt.action.encoding " + encoding);
        }
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> object(Map<String, Object> parent, String name) {
        return object(parent, name, name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String path, String name) {
        if (!(parent.get(name) instanceof Map<?, ?> n)) {
            throw new IllegalArgumentException("SES notification misses object " + path);
        }
        return (Map<String, Object>) n;
    }

    private static String text(Map<String, Object> parent, String name) {
        return text(parent, name, name);
    }

    private static String text(Map<String, Object> parent, String path, String name) {
        Object n = parent.get(name);
        if (n == null
                || n instanceof Map
                || n instanceof List
                || String.valueOf(n).isBlank()) {
            throw new IllegalArgumentException("SES notification misses field " + path);
        }
        return String.valueOf(n);
    }

    private static String optionalText(Map<String, Object> parent, String name) {
        Object n = parent.get(name);
        return n == null ? null : String.valueOf(n);
    }

    private static Instant instant(Map<String, Object> parent, String path, String name) {
        String v = text(parent, path, name);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "SES notification field " + path + " is not an ISO-8601 instant: " + v, e);
        }
    }

    private static String status(Map<String, Object> receipt, String verdict) {
        return receipt.get(verdict) instanceof Map<?, ?> v && v.get("status") != null
                ? String.valueOf(v.get("status"))
                : null;
    }
}
