package nl.vioms.sladesk.intake.email.mail;

import static nl.vioms.sladesk.intake.email.mail.MailHeaders.decodeWords;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.fileName;
import static nl.vioms.sladesk.intake.email.mail.MailHeaders.first;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.vioms.sladesk.intake.email.mail.InboundMail.Attachment;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;

/** Walks the MIME tree: readable text into {@code text}, everything else into {@code attachments}. */
final class TextCollector {
    final StringBuilder text = new StringBuilder();
    final List<Attachment> attachments = new ArrayList<>();
    final Defects defects;
    boolean truncated;

    TextCollector(Defects defects) {
        this.defects = defects;
    }

    void walk(Entity e, boolean wantText, int depth) {
        if (depth > MailParser.MAX_DEPTH) {
            defects.add("MIME nesting deeper than " + MailParser.MAX_DEPTH + ": deeper parts skipped");
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
        String mimeType = e.getMimeType() == null
                ? "application/octet-stream"
                : e.getMimeType().toLowerCase(Locale.ROOT);
        String disposition =
                e.getDispositionType() == null ? null : e.getDispositionType().toLowerCase(Locale.ROOT);
        String fileName = fileName(e);
        KeptBodyFactory.Kept kept = KeptBodyFactory.kept(single);
        boolean bodyText = isBodyText(mimeType, disposition, fileName);
        if (wantText && (bodyText || mimeType.equals("message/delivery-status"))) {
            append(readable(mimeType, kept.bytes(), charset(e, single)), kept.truncated());
        } else if (!bodyText) {
            boolean inline = "inline".equals(disposition)
                    || (e.getHeader() != null && e.getHeader().getField("Content-ID") != null);
            attachments.add(new Attachment(fileName, mimeType, kept.size(), inline));
        }
        // else: the other rendering of a multipart/alternative, not an attachment
    }

    private static boolean isBodyText(String mimeType, String disposition, String fileName) {
        return (mimeType.equals("text/plain") || mimeType.equals("text/html"))
                && !"attachment".equals(disposition)
                && fileName == null;
    }

    /** text/plain when it has text, else the richest part that can hold HTML (last wins, RFC 2046). */
    private Entity chooseAlternative(List<Entity> parts) {
        for (Entity p : parts) {
            if (p.getBody() instanceof SingleBody sb
                    && "text/plain".equalsIgnoreCase(p.getMimeType())
                    && isBodyText("text/plain", p.getDispositionType(), fileName(p))) {
                if (!MailText.decode(KeptBodyFactory.kept(sb).bytes(), charset(p, sb))
                        .isBlank()) {
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
        if (body instanceof TextBody tb && tb.getMimeCharset() != null) {
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
        int room = MailParser.MAX_TEXT_CHARS - text.length();
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
