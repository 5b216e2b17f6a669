package nl.vioms.sladesk.intake.email.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.HeaderImpl;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;

import nl.vioms.sladesk.intake.email.mail.InboundMail.Attachment;

/**
 * Reads a raw RFC 5322 / MIME message into an {@link InboundMail}. Pure: no AWS, no I/O beyond the
 * given bytes. Lenient by design: a lost fault report is worse than an imperfect one, so odd but
 * readable input (bad encodings, unknown charsets, a header without colon, a missing closing
 * boundary, limits exceeded) yields what could be read plus a note in {@link InboundMail#defects()}.
 */
public final class MailParser {
    /** Body text kept per message; longer text is cut and {@link InboundMail#textTruncated()} set. */
    public static final int MAX_TEXT_CHARS = 100_000;
    static final int MAX_HEADER_COUNT = 1_000;
    static final int MAX_HEADER_LEN = 100_000;
    static final int MAX_DEPTH = 20;
    private static final int MAX_DEFECTS = 20;

    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=!#$&*/?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    private static final Map<Charset, Charset> CHARSET_OVERRIDES = Map.of(StandardCharsets.ISO_8859_1, MailText.WINDOWS_1252);

    private MailParser() {
    }

    /**
     * Parses a raw message.
     *
     * @param raw the message as received (CRLF or LF line ends)
     * @return what could be read; never null
     * @throws MalformedMailException only when the input is empty or has no header field at all
     */
    public static InboundMail parse(byte[] raw) throws MalformedMailException {
        if (raw == null || raw.length == 0 || new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
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
            defects.add("MIME structure unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); body kept as raw text");
            Salvaged s = salvage(raw, defects);
            header = s.header();
            salvagedText = s.text();
        }
        if (header == null || header.getFields().isEmpty()) {
            throw new MalformedMailException("no header field could be read: not an e-mail message (" + raw.length + " bytes)");
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

    // --- headers ----------------------------------------------------------------------------------

    private static InboundMail extract(Header h, Entity root, String salvagedText, Defects defects) {
        String subject = guard(defects, "Subject", () -> decodeWords(first(h, "Subject")), "");
        List<Mailbox> from = guard(defects, "From", () -> mailboxes(first(h, "From")), List.of());
        if (from.isEmpty()) {
            from = guard(defects, "Sender", () -> mailboxes(first(h, "Sender")), List.of());
        }
        String fromAddress = from.isEmpty() ? null : address(from.get(0));
        String fromName = from.isEmpty() ? null : blankToNull(decodeWords(from.get(0).getName()));
        List<String> to = guard(defects, "To", () -> addresses(h, "To"), List.of());
        List<String> cc = guard(defects, "Cc", () -> addresses(h, "Cc"), List.of());
        List<String> replyTo = guard(defects, "Reply-To", () -> addresses(h, "Reply-To"), List.of());
        String messageId = firstId(first(h, "Message-ID"));
        Instant date = guard(defects, "Date", () -> date(first(h, "Date")), null);
        String inReplyTo = firstId(first(h, "In-Reply-To"));
        List<String> references = ids(first(h, "References"));
        String mimeType = guard(defects, "Content-Type", () -> mimeType(h, root), "text/plain");

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
        return new InboundMail(messageId, fromAddress, fromName, to, cc, replyTo, subject, date, inReplyTo,
                references, mimeType, kept, body.text.toString(), body.truncated, body.attachments, defects.list);
    }

    /** Unfolded text of the first field with this name, or null. */
    static String first(Header h, String name) {
        Field f = h.getField(name);
        return f == null ? null : fieldText(f);
    }

    /**
     * A field's value from its raw bytes: 8-bit headers (RFC 6532 UTF-8, or legacy windows-1252)
     * are decoded here, because mime4j reads raw header bytes as ASCII.
     */
    static String fieldText(Field f) {
        String s = null;
        ByteSequence raw = f.getRaw();
        if (raw != null && raw.length() > 0) {
            byte[] bytes = raw.toByteArray();
            String line = MailText.isAscii(bytes) ? new String(bytes, StandardCharsets.US_ASCII) : MailText.decode(bytes, null);
            int colon = line.indexOf(':');
            s = colon >= 0 ? line.substring(colon + 1) : null;
        }
        if (s == null) {
            s = f.getBody() == null ? "" : f.getBody();
        }
        return s.replaceAll("\r?\n(?=[ \t])", "").replaceAll("[\r\n]", " ").strip();
    }

    /** RFC 2047 encoded words to text; undecodable words are left as they are. */
    static String decodeWords(String s) {
        if (s == null) {
            return null;
        }
        if (!s.contains("=?")) {
            return s.strip();
        }
        try {
            return DecoderUtil.decodeEncodedWords(s, DecodeMonitor.SILENT, null, CHARSET_OVERRIDES).strip();
        } catch (RuntimeException e) {
            return s.strip();
        }
    }

    private static List<Mailbox> mailboxes(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Mailbox> out = new ArrayList<>();
        try {
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
            for (Mailbox m : list.flatten()) {
                if (m.getLocalPart() != null && !m.getLocalPart().isBlank() && m.getDomain() != null && !m.getDomain().isBlank()) {
                    out.add(m);
                }
            }
        } catch (RuntimeException e) {
            out.clear();
        }
        if (out.isEmpty()) {
            // e.g. "Jan de Vries jan@bakkerij-devries.nl" or unbalanced quotes: take what looks like an address
            Matcher m = ADDRESS.matcher(value);
            while (m.find()) {
                String[] parts = m.group().split("@", 2);
                String name = out.isEmpty() ? value.substring(0, m.start()).replaceAll("[<\"]", " ").strip() : null;
                out.add(new Mailbox(blankToNull(name), parts[0], parts[1]));
            }
        }
        return out;
    }

    private static List<String> addresses(Header h, String name) {
        List<String> out = new ArrayList<>();
        for (Field f : h.getFields(name)) {
            for (Mailbox m : mailboxes(fieldText(f))) {
                out.add(address(m));
            }
        }
        return out;
    }

    private static String address(Mailbox m) {
        return (m.getLocalPart() + "@" + m.getDomain()).toLowerCase(Locale.ROOT);
    }

    /** Message ids in angle brackets, brackets removed; a bare id (no brackets) is taken as is. */
    static List<String> ids(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        if (out.isEmpty()) {
            for (String token : value.replaceAll("\\([^)]*\\)", " ").strip().split("[\\s,]+")) {
                if (token.contains("@")) {
                    out.add(token.replaceAll("^<|>$", ""));
                }
            }
        }
        return out;
    }

    private static String firstId(String value) {
        List<String> ids = ids(value);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return value == null || value.isBlank() ? null : value.strip().replaceAll("^<|>$", "");
    }

    private static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            ParsedField f = LenientFieldParser.getParser().parse(new RawField("Date", value), DecodeMonitor.SILENT);
            if (f instanceof DateTimeField dt) {
                Date d = dt.getDate();
                if (d != null) {
                    return d.toInstant();
                }
            }
        } catch (RuntimeException e) {
            // fall through to the JDK parser
        }
        try {
            String cleaned = value.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
            return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String mimeType(Header h, Entity root) {
        if (root != null && root.getMimeType() != null) {
            return root.getMimeType().toLowerCase(Locale.ROOT);
        }
        Field f = h.getField("Content-Type");
        if (f instanceof ContentTypeField ct && ct.getMimeType() != null) {
            return ct.getMimeType().toLowerCase(Locale.ROOT);
        }
        return "text/plain";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T guard(Defects defects, String what, Supplier<T> read, T fallback) {
        try {
            T value = read.get();
            return value == null ? fallback : value;
        } catch (RuntimeException e) {
            defects.add(what + " unreadable: " + e);
            return fallback;
        }
    }

    // --- salvage ----------------------------------------------------------------------------------

    private record Salvaged(Header header, String text) {
    }

    /** Our own minimal reading when mime4j gives up: header fields up to the first blank line, then text. */
    private static Salvaged salvage(byte[] raw, Defects defects) {
        int bodyStart = raw.length;
        int headerEnd = raw.length;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                int j = i + 1;
                if (j < raw.length && raw[j] == '\r') {
                    j++;
                }
                if (j < raw.length && raw[j] == '\n') {
                    headerEnd = i;
                    bodyStart = j + 1;
                    break;
                }
            }
        }
        String headText = MailText.decode(java.util.Arrays.copyOfRange(raw, 0, headerEnd), null);
        HeaderImpl header = new HeaderImpl();
        String contentType = null;
        for (String line : headText.replaceAll("\r?\n(?=[ \t])", "").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !FIELD_NAME.matcher(line.substring(0, colon).strip()).matches()) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.length() > MAX_HEADER_LEN) {
                value = value.substring(0, MAX_HEADER_LEN);
            }
            header.addField(new RawField(name, value));
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value.toLowerCase(Locale.ROOT);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, Math.min(bodyStart, raw.length),
                Math.min(raw.length, bodyStart + KeptBodyFactory.TEXT_KEEP));
        String text = MailText.decode(body, null);
        if (contentType != null && contentType.startsWith("text/html")) {
            text = MailText.htmlToText(text);
        }
        return new Salvaged(header, MailText.tidy(text));
    }

    // --- body -------------------------------------------------------------------------------------

    /** Walks the MIME tree: readable text into {@code text}, everything else into {@code attachments}. */
    private static final class TextCollector {
        final StringBuilder text = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        final Defects defects;
        boolean truncated;

        TextCollector(Defects defects) {
            this.defects = defects;
        }

        void walk(Entity e, boolean wantText, int depth) {
            if (depth > MAX_DEPTH) {
                defects.add("MIME nesting deeper than " + MAX_DEPTH + ": deeper parts skipped");
                return;
            }
            Body body = e.getBody();
            if (body instanceof Multipart mp) {
                String sub = mp.getSubType() == null ? "mixed" : mp.getSubType().toLowerCase(Locale.ROOT);
                List<Entity> parts = mp.getBodyParts();
                if (parts.isEmpty()) {
                    defects.add("multipart/" + sub + " without parts");
                    // the preamble is all the text there is, e.g. when the boundary never occurs
                    append(mp.getPreamble(), false);
                    return;
                }
                if (sub.equals("alternative")) {
                    Entity chosen = wantText ? chooseAlternative(parts) : null;
                    for (Entity p : parts) {
                        walk(p, p == chosen, depth + 1);
                    }
                } else if (sub.equals("related")) {
                    for (int i = 0; i < parts.size(); i++) {
                        walk(parts.get(i), wantText && i == 0, depth + 1);
                    }
                } else {
                    for (Entity p : parts) {
                        walk(p, wantText, depth + 1);
                    }
                }
            } else if (body instanceof Message inner) {
                // a forwarded message: its text is part of what the customer sent us
                if (wantText) {
                    appendForwardedHeader(inner.getHeader());
                }
                walk(inner, wantText, depth + 1);
            } else if (body instanceof SingleBody single) {
                leaf(e, single, wantText);
            }
        }

        private void leaf(Entity e, SingleBody single, boolean wantText) {
            String mimeType = e.getMimeType() == null ? "application/octet-stream" : e.getMimeType().toLowerCase(Locale.ROOT);
            String disposition = e.getDispositionType() == null ? null : e.getDispositionType().toLowerCase(Locale.ROOT);
            String fileName = fileName(e);
            KeptBodyFactory.Kept kept = KeptBodyFactory.kept(single);
            boolean bodyText = isBodyText(mimeType, disposition, fileName);
            if (wantText && (bodyText || mimeType.equals("message/delivery-status"))) {
                append(readable(mimeType, kept.bytes(), charset(e, single)), kept.truncated());
            } else if (!bodyText) {
                boolean inline = "inline".equals(disposition) || (e.getHeader() != null && e.getHeader().getField("Content-ID") != null);
                attachments.add(new Attachment(fileName, mimeType, kept.size(), inline));
            }
            // else: the other rendering of a multipart/alternative, not an attachment
        }

        private static boolean isBodyText(String mimeType, String disposition, String fileName) {
            return (mimeType.equals("text/plain") || mimeType.equals("text/html"))
                    && !"attachment".equals(disposition) && fileName == null;
        }

        /** text/plain when it has text, else the richest part that can hold HTML (last wins, RFC 2046). */
        private Entity chooseAlternative(List<Entity> parts) {
            for (Entity p : parts) {
                if (p.getBody() instanceof SingleBody sb && "text/plain".equalsIgnoreCase(p.getMimeType())
                        && isBodyText("text/plain", p.getDispositionType(), fileName(p))) {
                    if (!MailText.decode(KeptBodyFactory.kept(sb).bytes(), charset(p, sb)).isBlank()) {
                        return p;
                    }
                }
            }
            for (int i = parts.size() - 1; i >= 0; i--) {
                Entity p = parts.get(i);
                if (p.getBody() instanceof Multipart || "text/html".equalsIgnoreCase(p.getMimeType())) {
                    return p;
                }
            }
            return parts.get(0);
        }

        private static String readable(String mimeType, byte[] bytes, String charset) {
            if (mimeType.equals("text/html")) {
                return MailText.htmlToText(MailText.decodeHtml(bytes, charset));
            }
            return MailText.tidy(MailText.decode(bytes, charset));
        }

        private static String charset(Entity e, SingleBody body) {
            if (body instanceof org.apache.james.mime4j.dom.TextBody tb && tb.getMimeCharset() != null) {
                return tb.getMimeCharset();
            }
            return e.getCharset();
        }

        private void appendForwardedHeader(Header h) {
            if (h == null) {
                return;
            }
            StringBuilder sb = new StringBuilder("---------- Forwarded message ----------");
            for (String name : List.of("From", "Date", "Subject", "To")) {
                String v = decodeWords(first(h, name));
                if (v != null && !v.isBlank()) {
                    sb.append('\n').append(name).append(": ").append(v);
                }
            }
            append(sb.toString(), false);
        }

        void append(String s, boolean partTruncated) {
            if (s == null || s.isBlank()) {
                return;
            }
            truncated |= partTruncated;
            if (text.length() > 0) {
                s = "\n\n" + s;
            }
            int room = MAX_TEXT_CHARS - text.length();
            if (s.length() > room) {
                int cut = Math.max(0, room);
                if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
                    cut--; // never split an emoji in two
                }
                text.append(s, 0, cut);
                truncated = true;
            } else {
                text.append(s);
            }
        }
    }

    /** Decoded file name: Content-Disposition filename (RFC 2231 too), else Content-Type name. */
    static String fileName(Entity e) {
        String name = null;
        try {
            name = e.getFilename();
        } catch (RuntimeException ignored) {
            // a broken Content-Disposition: try the Content-Type name below
        }
        if ((name == null || name.isBlank()) && e.getHeader() != null
                && e.getHeader().getField("Content-Type") instanceof ContentTypeField ct) {
            name = ct.getParameter("name");
        }
        name = decodeWords(name);
        return blankToNull(name);
    }

    /** Collects what was repaired, capped so a pathological message cannot flood the logs. */
    private static final class Defects {
        final List<String> list = new ArrayList<>();

        void add(String defect) {
            if (list.size() < MAX_DEFECTS && !list.contains(defect)) {
                list.add(defect);
            }
        }

        DecodeMonitor monitor() {
            return new DecodeMonitor() {
                @Override
                public boolean warn(String error, String dropDesc) {
                    // bare LF line ends are how most stored mail looks: not worth a note
                    if (error != null && !error.contains("LF without CR") && !error.contains("soft line break")) {
                        add(dropDesc == null ? error : error + " (" + dropDesc + ")");
                    }
                    return false; // keep going
                }

                @Override
                public boolean isListening() {
                    return true;
                }
            };
        }
    }
}
