package nl.vioms.sladesk.intake.email.mail;

import static nl.vioms.sladesk.intake.email.mail.MailHeaders.address;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.addresses;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.blankToNull;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.decodeWords;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.fieldText;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.first;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.firstId;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.ids;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.mailboxes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a raw RFC 5322 / MIME message into an {@link InboundMail}. Pure: no AWS, no I/O beyond the
 * given bytes. Lenient by design: a lost fault report is worse than an imperfect one, so odd but
 * readable input (bad encodings, unknown charsets, a header without colon, a missing closing
 * boundary, limits exceeded) yields what could be read plus a note in {@link InboundMail#defects()}.
 *
 * <p>The work is shared with package-private helpers: {@link MailHeaders} reads header fields,
 * {@link TextCollector} walks the MIME tree for text and attachments, {@link SalvagedMessage}
 * reads what it can when mime4j gives up, and {@link Defects} collects the notes.
 */
public final class MailParser {
    /** Body text kept per message; longer text is cut and {@link InboundMail#textTruncated()} set. */
    public static final int MAX_TEXT_CHARS = 100_000;

    static final int MAX_HEADER_COUNT = 1_000;
    static final int MAX_HEADER_LEN = 100_000;
    static final int MAX_DEPTH = 20;

    private MailParser() {}

    /**
     * Parses a raw message.
     *
     * @param raw the message as received (CRLF or LF line ends)
     * @return what could be read; never null
     * @throws MalformedMailException only when the input is empty or has no header field at all
     */
    public static InboundMail parse(byte[] raw) throws MalformedMailException {
        if (raw == null
                || raw.length == 0
                || new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            throw new MalformedMailException("empty message: nothing to read");
        }
        Defects defects = new Defects();
        Header header;
        Entity root = null;
        String salvagedText = null;
        try {
            Message message = builder(defects).parseMessage(new ByteArrayInputStream(raw));
            header = message.getHeader();
            root = message;
        } catch (Exception | StackOverflowError e) {
            // limits exceeded or a parser fault: read the header ourselves and keep the rest as text
            defects.add("MIME structure unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); body kept as raw text");
            SalvagedMessage s = SalvagedMessage.read(raw);
            header = s.header();
            salvagedText = s.text();
        }
        if (header == null || header.getFields().isEmpty()) {
            throw new MalformedMailException(
                    "no header field could be read: not an e-mail message (" + raw.length + " bytes)");
        }
        return extract(header, root, salvagedText, defects);
    }

    private static DefaultMessageBuilder builder(Defects defects) {
        MimeConfig config = new MimeConfig.Builder()
                .setStrictParsing(false)
                .setMalformedHeaderStartsBody(false) // skip a line without colon, keep reading headers
                .setMaxHeaderCount(MAX_HEADER_COUNT)
                .setMaxHeaderLen(MAX_HEADER_LEN)
                .setMaxLineLen(-1) // HTML mail often breaks the 998 limit; size is bounded by SES (40 MB)
                .setMaxContentLen(-1)
                .build();
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(config);
        builder.setDecodeMonitor(defects.monitor());
        builder.setFieldParser(LenientFieldParser.getParser());
        builder.setBodyFactory(new KeptBodyFactory());
        builder.setContentDecoding(true);
        return builder;
    }

    private static InboundMail extract(Header h, Entity root, String salvagedText, Defects defects) {
        String subject = guard(defects, "Subject", () -> decodeWords(first(h, "Subject")), "");
        List<Mailbox> from = guard(defects, "From", () -> mailboxes(first(h, "From")), List.of());
        if (from.isEmpty()) {
            from = guard(defects, "Sender", () -> mailboxes(first(h, "Sender")), List.of());
        }
        String fromAddress = from.isEmpty() ? null : address(from.get(0));
        String fromName =
                from.isEmpty() ? null : blankToNull(decodeWords(from.get(0).getName()));
        List<String> to = guard(defects, "To", () -> addresses(h, "To"), List.of());
        List<String> cc = guard(defects, "Cc", () -> addresses(h, "Cc"), List.of());
        List<String> replyTo = guard(defects, "Reply-To", () -> addresses(h, "Reply-To"), List.of());
        String messageId = firstId(first(h, "Message-ID"));
        Instant date = guard(defects, "Date", () -> MailHeaders.date(first(h, "Date")), null);
        String inReplyTo = firstId(first(h, "In-Reply-To"));
        List<String> references = ids(first(h, "References"));
        String mimeType = guard(defects, "Content-Type", () -> MailHeaders.mimeType(h, root), "text/plain");

        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Field f : h.getFields()) {
            String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
            if (InboundMail.KEPT_HEADERS.contains(name)) {
                kept.computeIfAbsent(name, k -> new ArrayList<>()).add(fieldText(f));
            }
        }

        TextCollector body = new TextCollector(defects);
        if (root != null) {
            try {
                body.walk(root, true, 0);
            } catch (RuntimeException | StackOverflowError e) {
                defects.add("body partly unreadable: " + e);
            }
        } else if (salvagedText != null) {
            body.append(salvagedText, false);
        }
        return new InboundMail(
                messageId,
                fromAddress,
                fromName,
                to,
                cc,
                replyTo,
                subject,
                date,
                inReplyTo,
                references,
                mimeType,
                kept,
                body.text.toString(),
                body.truncated,
                body.attachments,
                defects.list);
    }

    /** {@code read}'s value, or {@code fallback} (and a defect) when it is null or fails. */
    private static <T> T guard(Defects defects, String what, Supplier<T> read, T fallback) {
        try {
            T value = read.get();
            return value == null ? fallback : value;
        } catch (RuntimeException e) {
            defects.add(what + " unreadable: " + e);
            return fallback;
        }
    }
}
