package nl.vioms.sladesk.intake.email.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Reads header fields leniently: decoded text, addresses, message ids, dates and file names. A
 * value that cannot be read gives null or an empty list; {@link MailParser} guards each field
 * against mime4j's own exceptions.
 */
final class MailHeaders {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+'=!#$&*/?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Map<Charset, Charset> CHARSET_OVERRIDES =
            Map.of(StandardCharsets.ISO_8859_1, MailText.WINDOWS_1252);

    private MailHeaders() {}

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
            String line = MailText.isAscii(bytes)
                    ? new String(bytes, StandardCharsets.US_ASCII)
                    : MailText.decode(bytes, null);
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
            return DecoderUtil.decodeEncodedWords(s, DecodeMonitor.SILENT, null, CHARSET_OVERRIDES)
                    .strip();
        } catch (RuntimeException e) {
            return s.strip();
        }
    }

    static List<Mailbox> mailboxes(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<Mailbox> out = new ArrayList<>();
        try {
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
            for (Mailbox m : list.flatten()) {
                if (m.getLocalPart() != null
                        && !m.getLocalPart().isBlank()
                        && m.getDomain() != null
                        && !m.getDomain().isBlank()) {
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
                String name = out.isEmpty()
                        ? value.substring(0, m.start()).replaceAll("[<\"]", " ").strip()
                        : null;
                out.add(new Mailbox(blankToNull(name), parts[0], parts[1]));
            }
        }
        return out;
    }

    /** The lower-case addresses of every field with this name. */
    static List<String> addresses(Header h, String name) {
        List<String> out = new ArrayList<>();
        for (Field f : h.getFields(name)) {
            for (Mailbox m : mailboxes(fieldText(f))) {
                out.add(address(m));
            }
        }
        return out;
    }

    static String address(Mailbox m) {
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

    static String firstId(String value) {
        List<String> ids = ids(value);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return value == null || value.isBlank() ? null : value.strip().replaceAll("^<|>$", "");
    }

    static Instant date(String value) {
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
            String cleaned =
                    value.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
            return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String mimeType(Header h, Entity root) {
        if (root != null && root.getMimeType() != null) {
            return root.getMimeType().toLowerCase(Locale.ROOT);
        }
        Field f = h.getField("Content-Type");
        if (f instanceof ContentTypeField ct && ct.getMimeType() != null) {
            return ct.getMimeType().toLowerCase(Locale.ROOT);
        }
        return "text/plain";
    }

    /** Decoded file name: Content-Disposition filename (RFC 2231 too), else Content-Type name. */
    static String fileName(Entity e) {
        String name = null;
        try {
            name = e.getFilename();
        } catch (RuntimeException ignored) {
            // a broken Content-Disposition: try the Content-Type name below
        }
        if ((name == null || name.isBlank())
                && e.getHeader() != null
                && e.getHeader().getField("Content-Type") instanceof ContentTypeField ct) {
            name = ct.getParameter("name");
        }
        name = decodeWords(name);
        return blankToNull(name);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
