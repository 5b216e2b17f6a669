package nl.vioms.sladesk.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The console's pages: jte templates (src/main/jte) compiled to Java classes at build time
 * (decision 21), so nothing is parsed or compiled at cold start; every value is HTML-escaped by
 * the template (content type Html).
 */
public final class Views {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Views() {}

    /** A template with its parameters by name, e.g. {@code render("queue.jte", Map.of("chrome", chrome, ...))}. */
    public static String render(String template, Map<String, Object> parameters) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, parameters, out);
        return out.toString();
    }

    public static WebResponse page(int status, String template, Map<String, Object> parameters) {
        return WebResponse.html(status, render(template, parameters));
    }
}
