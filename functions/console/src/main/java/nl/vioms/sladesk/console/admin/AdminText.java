package nl.vioms.sladesk.console.admin;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.Locale;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.time.Amsterdam;

/** How the admin pages write values for people: Dutch words, euros, Amsterdam times. */
public final class AdminText {
    private static final Locale DUTCH = new Locale("nl", "NL");

    private AdminText() {}

    /** "ma 28 dec. 2026 16:00" in Amsterdam; "nooit" for none. */
    public static String when(Instant instant) {
        return instant == null ? "nooit" : Amsterdam.readable(instant);
    }

    /** "€ 1.250,00". */
    public static String euro(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(DUTCH));
        return "€ " + format.format(amount);
    }

    public static String scope(TokenScope scope) {
        switch (scope) {
            case RESELLER:
                return "Reseller-API";
            case OPERATIONS:
                return "Operations (alles)";
            case TELEPHONY:
                return "Telefonie";
            case SECOND_LINE:
                return "Tweede lijn";
            default:
                return scope.name();
        }
    }

    public static String state(ApiToken token, Instant now) {
        switch (token.state(now)) {
            case ACTIVE:
                return "actief";
            case ROTATED:
                return "vervangen, werkt tot " + when(token.revokedAt());
            case EXPIRED:
                return "verlopen";
            case REVOKED:
                return "ingetrokken";
            default:
                return token.state(now).name();
        }
    }

    public static String language(String code) {
        return "en".equals(code) ? "Engels" : "Nederlands";
    }
}
