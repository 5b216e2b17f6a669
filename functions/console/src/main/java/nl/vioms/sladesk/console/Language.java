package nl.vioms.sladesk.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * The language a page is written in (issue 18): Dutch by default, English when the person asks
 * for it in the portal (the link in its header sets the cookie {@value #COOKIE}). The console is
 * Dutch only. Texts are written side by side where they are used: {@code lang.t("Inloggen", "Log in")}.
 */
public enum Language {
    NL("nl", Locale.forLanguageTag("nl-NL")),
    EN("en", Locale.ENGLISH);

    public static final String COOKIE = "sladesk-lang";

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The {@code lang} attribute of the page. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * An instant as people read it in this language, in Amsterdam time (issue 18): "do 3 dec. 2026
     * 11:00", "Thu 3 Dec 2026 11:00".
     */
    public String moment(Instant at) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", locale).format(at.atZone(Amsterdam.ZONE));
    }

    /** The text in this language. */
    public String t(String dutch, String english) {
        return this == EN ? english : dutch;
    }

    /** {@code en} -> EN, {@code nl} -> NL, anything else -> empty. */
    public static Optional<Language> ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The request's language on a site: the portal's cookie, else Dutch; the console always Dutch. */
    public static Language of(WebRequest request, Site site) {
        if (!site.equals(Site.PORTAL)) {
            return NL;
        }
        return request.cookie(COOKIE).flatMap(Language::ofCode).orElse(NL);
    }

    /** The cookie that keeps the choice for a year on the site's paths. */
    public String cookie(Site site) {
        return COOKIE + "=" + code + "; Max-Age=31536000; Path=" + site.base() + "; Secure; SameSite=Lax";
    }
}
