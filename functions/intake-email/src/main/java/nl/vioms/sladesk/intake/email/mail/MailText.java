package nl.vioms.sladesk.intake.email.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Bytes to text the way mail clients do it, and HTML to readable text. */
final class MailText {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private MailText() {}

    /**
     * Decodes text bytes with the declared charset. Like browsers (WHATWG), ISO-8859-1 and US-ASCII
     * labels are read as windows-1252, its superset (Outlook labels € and curly quotes as 8859-1).
     * A missing, ASCII or unknown label is read as UTF-8 when the bytes are valid UTF-8, else as
     * windows-1252: never an exception, at worst a replacement character.
     */
    static String decode(byte[] bytes, String declaredCharset) {
        String label = declaredCharset == null
                ? ""
                : declaredCharset.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        Charset cs = switch (label) {
            case "", "us-ascii", "ascii", "us_ascii", "ansi_x3.4-1968", "x-unknown", "unknown", "default" -> null;
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso_8859-1", "l1", "cp819" -> WINDOWS_1252;
            case "utf8" -> StandardCharsets.UTF_8;
            default -> lookup(label);
        };
        if (cs == null) {
            return stripBom(
                    isValidUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252));
        }
        return stripBom(new String(bytes, cs)); // String(byte[], Charset) replaces malformed input
    }

    /** Decodes HTML bytes: the MIME label wins; without one, a meta charset in the head is used. */
    static String decodeHtml(byte[] bytes, String declaredCharset) {
        String label = declaredCharset;
        if (label == null || label.isBlank() || label.equalsIgnoreCase("us-ascii")) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                label = m.group(1);
            }
        }
        return decode(bytes, label);
    }

    static Charset lookup(String label) {
        try {
            return Charset.isSupported(label) ? Charset.forName(label) : null;
        } catch (RuntimeException illegalName) {
            return null;
        }
    }

    static boolean isValidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    // --- HTML ------------------------------------------------------------------------------------

    private static final Set<String> SKIPPED =
            Set.of("head", "style", "script", "title", "template", "noscript", "xml");
    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "center",
            "dd",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "header",
            "hr",
            "main",
            "nav",
            "ol",
            "pre",
            "section",
            "table",
            "tbody",
            "thead",
            "tfoot",
            "tr",
            "ul",
            "li");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");

    /**
     * Reduces HTML to readable text: paragraphs and headings become blank-line separated, line
     * breaks and blocks (div, tr, li) become line breaks, list items get "- ", table cells a space;
     * styles, scripts and the head (Outlook puts its CSS there) are dropped.
     */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 16));
        doc.body().traverse(new NodeVisitor() {
            int skipDepth = 0;
            int preDepth = 0;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (SKIPPED.contains(tag) || skipDepth > 0) {
                        skipDepth++;
                        return;
                    }
                    if (tag.equals("pre")) {
                        preDepth++;
                    }
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (PARAGRAPHS.contains(tag)) {
                        paragraph(out);
                    } else if (tag.equals("li")) {
                        newline(out);
                        out.append("- ");
                    } else if (BLOCKS.contains(tag)) {
                        newline(out);
                    } else if (tag.equals("td") || tag.equals("th")) {
                        space(out);
                    }
                } else if (node instanceof TextNode tn && skipDepth == 0) {
                    if (preDepth > 0) {
                        out.append(tn.getWholeText());
                    } else {
                        String t = tn.text(); // collapses whitespace
                        if (!t.isBlank()) {
                            if (Character.isWhitespace(tn.getWholeText().charAt(0))) {
                                space(out);
                            }
                            out.append(t.strip());
                            String whole = tn.getWholeText();
                            if (Character.isWhitespace(whole.charAt(whole.length() - 1))) {
                                out.append(' ');
                            }
                        } else if (!t.isEmpty()) {
                            space(out);
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (skipDepth > 0) {
                        skipDepth--;
                        return;
                    }
                    if (tag.equals("pre")) {
                        preDepth--;
                    }
                    if (PARAGRAPHS.contains(tag)) {
                        paragraph(out);
                    } else if (BLOCKS.contains(tag)) {
                        newline(out);
                    }
                }
            }
        });
        return tidy(out.toString().replace('\u00A0', ' '));
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
    }

    private static void newline(StringBuilder out) {
        trimTrailingSpaces(out);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void paragraph(StringBuilder out) {
        newline(out);
        if (out.length() > 1 && out.charAt(out.length() - 2) != '\n') {
            out.append('\n');
        }
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (out.length() > 0 && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
            out.setLength(out.length() - 1);
        }
    }

    /** Trims each line's ends, at most one blank line in a row, no blank start or end; CRLF to LF. */
    static String tidy(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int blanks = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                blanks++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blanks > 0 ? "\n\n" : "\n");
            }
            blanks = 0;
            out.append(l);
        }
        return out.toString();
    }
}
