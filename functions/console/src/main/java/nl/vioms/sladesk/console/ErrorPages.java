package nl.vioms.sladesk.console;

import java.util.HashMap;
import java.util.Map;

/** The page a person sees when something is refused: the status in words and what to do. */
public final class ErrorPages {

    public WebResponse page(int status, String message, Session session) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("chrome", new Chrome(title(status), session, ""));
        parameters.put("message", message);
        return Views.page(status, "error.jte", parameters);
    }

    private static String title(int status) {
        switch (status) {
            case 400:
                return "Dat kan zo niet";
            case 403:
                return "Geen toegang";
            case 404:
                return "Niet gevonden";
            case 409:
                return "Dat kan nu niet";
            case 413:
            case 415:
                return "Formulier niet aangenomen";
            default:
                return "Er ging iets mis";
        }
    }
}
