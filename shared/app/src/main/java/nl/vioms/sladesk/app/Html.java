package nl.vioms.sladesk.app;

/** The one HTML text escaping of SLA Desk's pages, reports and mails: every value we did not write. */
public final class Html {
    private Html() {}

    /** Text for HTML content or a quoted attribute; null is empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
