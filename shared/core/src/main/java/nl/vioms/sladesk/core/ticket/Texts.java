package nl.vioms.sladesk.core.ticket;

/**
 * Limits on what a ticket stores of free text: a DynamoDB item holds at most 400 KB, and a
 * subject of a thousand characters helps nobody. The full text stays in the raw message.
 */
public final class Texts {
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_TEXT = 30_000;

    private Texts() {}

    public static String subject(String subject) {
        return clip(oneLine(subject), MAX_SUBJECT, "…");
    }

    public static String text(String text) {
        return clip(cleanText(text), MAX_TEXT, "\n[... ingekort; zie het originele bericht]");
    }

    /**
     * A one-line field (a subject, a name, a summary's first line) as it may be stored and shown:
     * control characters (NUL, ESC, CR, LF, tab, C1) become a space, bidirectional overrides,
     * embeddings, isolates and marks and lone surrogates are dropped (issue 15 item 10); runs of
     * spaces are one space, and the ends are stripped. Null stays null.
     */
    public static String oneLine(String text) {
        return text == null ? null : clean(text, false).replaceAll(" {2,}", " ").strip();
    }

    /** Multi-line text: as {@link #oneLine}, but line feeds and tabs stay; CR LF and CR become LF. */
    static String cleanText(String text) {
        return text == null ? null : clean(text.replace("\r\n", "\n").replace('\r', '\n'), true);
    }

    private static String clean(String text, boolean multiLine) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (multiLine && (c == '\n' || c == '\t')) {
                out.append(c);
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (!isBidiControl(c) && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** U+061C, U+200E-F, U+202A-E, U+2066-9: characters that reorder what a reader sees. */
    public static boolean isBidiControl(char c) {
        return c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** At most {@code max} characters of {@code text}, then the marker; never splits a surrogate pair. */
    static String clip(String text, int max, String marker) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + marker;
    }
}
