package nl.vioms.sladesk.intake.email.mail;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.message.HeaderImpl;
import org.apache.james.mime4j.stream.RawField;

/**
 * Our own minimal reading when mime4j gives up: header fields up to the first blank line, then
 * the body as text.
 */
record SalvagedMessage(Header header, String text) {
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");

    static SalvagedMessage read(byte[] raw) {
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
        String headText = MailText.decode(Arrays.copyOfRange(raw, 0, headerEnd), null);
        HeaderImpl header = new HeaderImpl();
        String contentType = null;
        for (String line : headText.replaceAll("\r?\n(?=[ \t])", "").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0
                    || !FIELD_NAME.matcher(line.substring(0, colon).strip()).matches()) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.length() > MailParser.MAX_HEADER_LEN) {
                value = value.substring(0, MailParser.MAX_HEADER_LEN);
            }
            header.addField(new RawField(name, value));
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value.toLowerCase(Locale.ROOT);
            }
        }
        byte[] body = Arrays.copyOfRange(
                raw, Math.min(bodyStart, raw.length), Math.min(raw.length, bodyStart + KeptBodyFactory.TEXT_KEEP));
        String text = MailText.decode(body, null);
        if (contentType != null && contentType.startsWith("text/html")) {
            text = MailText.htmlToText(text);
        }
        return new SalvagedMessage(header, MailText.tidy(text));
    }
}
