package nl.vioms.sladesk.local;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.Template;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Receives an e-mail as SES does with the template's receipt rule: the raw message is stored
 * in the mail bucket under the rule's prefix, and the rule's "Received" notification (S3 action)
 * is published to its topic. Bucket, prefix, topic and recipient are the rule's own, read from
 * template.yaml.
 */
final class SesInbox {
    /** SES accepts messages up to 40 MB with an S3 action. */
    static final int MAX_BYTES = 40 * 1024 * 1024;

    private static final Pattern FIELD = Pattern.compile("^([!-9;-~]+):[ \\t]?(.*)$");
    /** Any printable name is a field name (RFC 5322); the first one must look like a real one. */
    private static final Pattern FIRST_FIELD = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*:.*$");

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=!#$&*/?^`{|}~-]+@[A-Za-z0-9.-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalAws aws;
    private final String bucket;
    private final String prefix;
    private final String topicArn;
    private final List<String> recipients;

    /** What SES did with one message. */
    record Received(String sesMessageId, String objectUri, String subject, String from) {}

    SesInbox(LocalAws aws) {
        this.aws = aws;
        Map<String, Object> rule = aws.template().resourcesOfType("AWS::SES::ReceiptRule").values().stream()
                .map(props -> Template.map(props.get("Rule")))
                .filter(r -> Template.list(r.get("Actions")).stream()
                        .anyMatch(a -> Template.map(a).containsKey("S3Action")))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("template.yaml has no SES receipt rule with an S3 action"));
        Map<String, Object> s3Action = Template.list(rule.get("Actions")).stream()
                .map(Template::map)
                .filter(a -> a.containsKey("S3Action"))
                .map(a -> Template.map(a.get("S3Action")))
                .findFirst()
                .orElseThrow();
        this.bucket = aws.resources().resolve(s3Action.get("BucketName"));
        this.prefix =
                s3Action.get("ObjectKeyPrefix") == null ? "" : aws.resources().resolve(s3Action.get("ObjectKeyPrefix"));
        this.topicArn = aws.resources().resolve(s3Action.get("TopicArn"));
        this.recipients = Template.list(rule.get("Recipients")).stream()
                .map(aws.resources()::resolve)
                .toList();
    }

    /**
     * Receives one message at {@code receivedAt}.
     *
     * @throws IllegalArgumentException when the bytes are not an e-mail (see {@link #headers})
     */
    Received receive(byte[] raw, Instant receivedAt) {
        return receive(raw, receivedAt, ALL_PASS);
    }

    /** Every verdict PASS: what SES sends for an authenticated, clean mail. */
    static final Map<String, String> ALL_PASS = Map.of(
            "spfVerdict", "PASS",
            "dkimVerdict", "PASS",
            "dmarcVerdict", "PASS",
            "spamVerdict", "PASS",
            "virusVerdict", "PASS");

    /**
     * Receives one message at {@code receivedAt} with the verdicts SES would give it.
     *
     * @param verdicts receipt verdict name ({@code spfVerdict}, {@code dkimVerdict}, {@code dmarcVerdict},
     *                 {@code spamVerdict}, {@code virusVerdict}) to status (PASS, FAIL, GRAY, ...); a
     *                 name not given is PASS
     */
    Received receive(byte[] raw, Instant receivedAt, Map<String, String> verdicts) {
        List<Map<String, String>> headers = headers(raw);
        String sesId = sesMessageId();
        String key = prefix + sesId;
        aws.clients()
                .s3()
                .putObject(b -> b.bucket(bucket).key(key).contentType("message/rfc822"), RequestBody.fromBytes(raw));
        Map<String, Object> notification = notification(headers, sesId, key, receivedAt, verdicts);
        aws.clients()
                .sns()
                .publish(b -> b.topicArn(topicArn)
                        .subject("Amazon SES Email Receipt Notification")
                        .message(DatabindJson.write(notification)));
        return new Received(sesId, "s3://" + bucket + "/" + key, first(headers, "Subject"), first(headers, "From"));
    }

    /**
     * The header fields of a message (unfolded, in order).
     *
     * @throws IllegalArgumentException naming why the bytes are not an e-mail: empty, too large,
     *                                  binary, not starting with header fields, or without From
     */
    static List<Map<String, String>> headers(byte[] raw) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        if (raw.length > MAX_BYTES) {
            throw new IllegalArgumentException("the file is larger than the 40 MB SES accepts");
        }
        String text = new String(raw, 0, Math.min(raw.length, 256 * 1024), StandardCharsets.ISO_8859_1);
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the file is binary, not an RFC 5322 message");
        }
        List<Map<String, String>> fields = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break; // the header ends at the first empty line
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                Map<String, String> last = fields.get(fields.size() - 1);
                last.put("value", last.get("value") + " " + line.strip());
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (!field.matches()
                    || (fields.isEmpty() && !FIRST_FIELD.matcher(line).matches())) {
                if (fields.isEmpty()) {
                    throw new IllegalArgumentException(
                            "it does not start with header fields like 'From: ...' (first line: '" + abbreviate(line)
                                    + "')");
                }
                continue; // a broken line inside the header: the function copes, as with real mail
            }
            Map<String, String> header = new LinkedHashMap<>();
            header.put("name", field.group(1));
            header.put("value", field.group(2).strip());
            fields.add(header);
        }
        if (fields.stream().noneMatch(f -> f.get("name").equalsIgnoreCase("From"))) {
            throw new IllegalArgumentException("it has no From header field");
        }
        return fields;
    }

    private Map<String, Object> notification(
            List<Map<String, String>> headers,
            String sesId,
            String key,
            Instant receivedAt,
            Map<String, String> verdicts) {
        String returnPath = first(headers, "Return-Path");
        String from = first(headers, "From");
        // the envelope sender: Return-Path as the sending server gave it (<> for bounces), else From
        String source = returnPath != null ? address(returnPath) : address(from);
        Map<String, Object> common = new LinkedHashMap<>();
        if (returnPath != null) {
            common.put("returnPath", address(returnPath));
        }
        common.put("from", List.of(from));
        if (first(headers, "Date") != null) {
            common.put("date", first(headers, "Date"));
        }
        if (first(headers, "To") != null) {
            common.put("to", List.of(first(headers, "To").split(",\\s*")));
        }
        if (first(headers, "Message-ID") != null) {
            common.put("messageId", first(headers, "Message-ID"));
        }
        if (first(headers, "Subject") != null) {
            common.put("subject", first(headers, "Subject"));
        }

        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("timestamp", receivedAt.toString());
        mail.put("source", source);
        mail.put("messageId", sesId);
        mail.put("destination", recipients);
        mail.put("headersTruncated", false);
        mail.put("headers", headers);
        mail.put("commonHeaders", common);

        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "S3");
        action.put("topicArn", topicArn);
        action.put("bucketName", bucket);
        action.put("objectKeyPrefix", prefix);
        action.put("objectKey", key);
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("timestamp", receivedAt.toString());
        receipt.put("processingTimeMillis", 0);
        receipt.put("recipients", recipients);
        for (String verdict : List.of("spamVerdict", "virusVerdict", "spfVerdict", "dkimVerdict", "dmarcVerdict")) {
            receipt.put(verdict, Map.of("status", verdicts.getOrDefault(verdict, "PASS")));
        }
        receipt.put("action", action);

        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("notificationType", "Received");
        notification.put("mail", mail);
        notification.put("receipt", receipt);
        return notification;
    }

    private static String first(List<Map<String, String>> headers, String name) {
        return headers.stream()
                .filter(h -> h.get("name").equalsIgnoreCase(name))
                .map(h -> h.get("value"))
                .findFirst()
                .orElse(null);
    }

    private static String address(String value) {
        if (value == null) {
            return "";
        }
        Matcher m = ADDRESS.matcher(value);
        return m.find() ? m.group() : "";
    }

    /** SES message ids are 40 characters of lower-case letters and digits. */
    private static String sesMessageId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String abbreviate(String line) {
        String printable = line.replaceAll("[^ -~]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
