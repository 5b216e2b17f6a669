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
        return clip(subject, MAX_SUBJECT, "…");
    }

    public static String text(String text) {
        return clip(text, MAX_TEXT, "\n[... ingekort; zie het originele bericht]");
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
