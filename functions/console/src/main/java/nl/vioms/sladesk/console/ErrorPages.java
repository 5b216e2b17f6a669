package nl.vioms.sladesk.console;

import java.util.HashMap;
import java.util.Map;

/** The page a person sees when something is refused: the status in words and what to do. */
public final class ErrorPages {
    private final Site site;

    /** The console's error pages. */
    public ErrorPages() {
        this(Site.CONSOLE);
    }

    public ErrorPages(Site site) {
        this.site = site;
    }

    /** A console page (Dutch). */
    public WebResponse page(int status, String message, Session session) {
        return page(status, message, session, Language.NL);
    }

    public WebResponse page(int status, String message, Session session, Language lang) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("chrome", new Chrome(site, title(status, lang), session, "", lang));
        parameters.put("message", message);
        return Views.page(status, "error.jte", parameters);
    }

    private static String title(int status, Language lang) {
        switch (status) {
            case 400:
                return lang.t("Dat kan zo niet", "That cannot be done this way");
            case 403:
                return lang.t("Geen toegang", "No access");
            case 404:
                return lang.t("Niet gevonden", "Not found");
            case 409:
                return lang.t("Dat kan nu niet", "That cannot be done now");
            case 413:
            case 415:
                return lang.t("Formulier niet aangenomen", "Form not accepted");
            default:
                return lang.t("Er ging iets mis", "Something went wrong");
        }
    }
}
