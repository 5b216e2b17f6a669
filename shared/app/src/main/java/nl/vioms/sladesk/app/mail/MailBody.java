package nl.vioms.sladesk.app.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Html;

/**
 * A mail's content as blocks, written once and rendered twice, as plain text and as HTML, so the
 * two parts can never say different things. Every value is escaped in the HTML.
 */
final class MailBody {
    private interface Block {}

    private record Paragraph(String text) implements Block {}

    private record Facts(List<Map.Entry<String, String>> rows) implements Block {}

    private record Quote(String text) implements Block {}

    private final List<Block> blocks = new ArrayList<>();

    MailBody paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    /** Label and value pairs, in order; a pair with an empty value is left out. */
    MailBody facts(List<Map.Entry<String, String>> rows) {
        blocks.add(new Facts(rows.stream()
                .filter(r -> r.getValue() != null && !r.getValue().isBlank())
                .toList()));
        return this;
    }

    /** Text someone wrote (a question, a resolution, a reply): quoted as it was typed. */
    MailBody quote(String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(new Quote(text.strip()));
        }
        return this;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (block instanceof Paragraph p) {
                out.append(p.text()).append('\n');
            } else if (block instanceof Facts f) {
                f.rows()
                        .forEach(r -> out.append(r.getKey())
                                .append(": ")
                                .append(r.getValue())
                                .append('\n'));
            } else if (block instanceof Quote q) {
                q.text().lines().forEach(l -> out.append("> ").append(l).append('\n'));
            }
        }
        return out.toString();
    }

    String html(String language, String title) {
        StringBuilder out = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"")
                .append(language)
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title))
                .append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;")
                .append("line-height:1.5;color:#1a1a1a\">");
        for (Block block : blocks) {
            if (block instanceof Paragraph p) {
                out.append("<p>")
                        .append(Html.escape(p.text()).replace("\n", "<br>"))
                        .append("</p>");
            } else if (block instanceof Facts f) {
                out.append("<table role=\"presentation\" style=\"border-collapse:collapse\">");
                f.rows()
                        .forEach(r -> out.append("<tr><th scope=\"row\" style=\"text-align:left;")
                                .append("padding:2px 12px 2px 0;vertical-align:top\">")
                                .append(Html.escape(r.getKey()))
                                .append("</th><td style=\"padding:2px 0\">")
                                .append(Html.escape(r.getValue()))
                                .append("</td></tr>"));
                out.append("</table>");
            } else if (block instanceof Quote q) {
                out.append("<blockquote style=\"margin:8px 0;padding:4px 12px;")
                        .append("border-left:3px solid #888\">")
                        .append(Html.escape(q.text()).replace("\n", "<br>"))
                        .append("</blockquote>");
            }
        }
        return out.append("</body></html>").toString();
    }
}
