package nl.vioms.sladesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.directory.ApiTokens;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.console.admin.AdminPages;
import nl.vioms.sladesk.console.admin.FormState;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.NotFoundException;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * The portal's API tokens (issue 18, role portal admin): the reseller's own reseller-scoped tokens
 * for its own software; issue, rotate (the old secret works on for an overlap the admin chooses)
 * and revoke, through the same {@link ApiTokens} as Beheer and {@code ./sladesk token}.
 *
 * <p>The scope is always RESELLER and the reseller always the session's: the form has no such
 * fields and any sent are ignored. A token's stored name is {@code <reseller>-<name>}, so two
 * resellers never compete for a name and Beheer's list says whose a token is. Another reseller's
 * token is answered exactly as a name that does not exist (404).
 */
public final class PortalTokens {
    private static final String MENU = "/portal/tokens";
    /** What a reseller may type as a name: plain characters, as {@link ApiTokens#NAME}. */
    private static final Pattern TYPED_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    /** The typed part of a name; the reseller's prefix comes on top, within {@link ApiTokens#NAME}'s 64. */
    static final int NAME_MAX = 40;
    /** How long the old secret keeps working after a rotation, in hours (0: it ends at once). */
    static final List<Integer> OVERLAP_HOURS = List.of(0, 1, 24);

    private static final int DEFAULT_OVERLAP = 1;
    private static final String DEFAULT_LIFETIME = "90";
    /** The first characters of a token's hash: which token a confirmation page was about (a double submit). */
    private static final int TOKEN_ID_LENGTH = 12;

    /** One row of the list, in the person's language. */
    public record Row(String name, String created, String expires, String lastUsed, String state, boolean active) {}

    private final Services services;
    private final ApiTokens tokens;
    private final Clock clock;

    private PortalTokens(Services services, ApiTokens tokens) {
        this.services = services;
        this.tokens = tokens;
        this.clock = services.clock();
    }

    /** Registers the token pages (one line in PortalApp). */
    public static void register(PageRouter router, Services services) {
        String table = services.setting(EnvVar.DIRECTORY_TABLE);
        PortalTokens pages =
                new PortalTokens(services, new ApiTokens(new DirectoryRepository(services.dynamo(), table).tokens()));
        router.page("GET", "/tokens", PortalApp.ADMINS, pages::list)
                .page("POST", "/tokens", PortalApp.ADMINS, pages::issue)
                .page("GET", "/tokens/{name}/{action}", PortalApp.ADMINS, pages::confirm)
                .page("POST", "/tokens/{name}/rotate", PortalApp.ADMINS, pages::rotate)
                .page("POST", "/tokens/{name}/revoke", PortalApp.ADMINS, pages::revoke);
    }

    private WebResponse list(WebRequest request, Session session, PathParameters parameters) {
        return page(200, request, session, new FormState(Map.of("expires", DEFAULT_LIFETIME), Map.of()), null);
    }

    /** The list (never a secret: only hashes are stored) and the form; {@code issued}: this answer only. */
    private WebResponse page(int status, WebRequest request, Session session, FormState form, ApiTokens.Issued issued) {
        Language lang = Language.of(request, Site.PORTAL);
        Reseller reseller = PortalApp.reseller(services, session);
        Instant now = clock.instant();
        List<Row> rows = own(reseller).stream()
                .sorted(Comparator.comparing((ApiToken t) -> String.valueOf(t.name()))
                        .thenComparing(t -> t.createdAt() == null ? Instant.EPOCH : t.createdAt()))
                .map(t -> row(t, now, lang))
                .toList();
        String title = issued == null ? lang.t("API-tokens", "API tokens") : lang.t("Token uitgegeven", "Token issued");
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", PortalApp.chrome(request, session, title, MENU));
        model.put("reseller", reseller);
        model.put("prefix", prefix(reseller));
        model.put("rows", rows);
        model.put("form", form);
        model.put("lifetimes", AdminPages.LIFETIME_DAYS);
        model.put(
                "issuedName",
                issued == null ? "" : String.valueOf(issued.token().name()));
        model.put("issuedExpires", issued == null ? "" : when(issued.token().expiresAt(), lang));
        model.put("secret", issued == null ? "" : issued.secret());
        return Views.page(status, "portal/tokens/tokens.jte", model);
    }

    /** A new token of the session's reseller: the secret is in this one answer only (no redirect keeps it). */
    private WebResponse issue(WebRequest request, Session session, PathParameters parameters) {
        Language lang = Language.of(request, Site.PORTAL);
        Reseller reseller = PortalApp.reseller(services, session);
        // only these two fields are read: a scope or reseller in the form changes nothing
        Map<String, String> typed = new HashMap<>();
        typed.put("name", request.form("name").orElse("").strip());
        typed.put("expires", request.form("expires").orElse(""));
        Map<String, String> faults = new LinkedHashMap<>();
        nameFault(typed.get("name"), reseller, lang).ifPresent(fault -> faults.put("name", fault));
        Optional<Integer> days = AdminPages.LIFETIME_DAYS.stream()
                .filter(d -> Integer.toString(d).equals(typed.get("expires")))
                .findFirst();
        if (days.isEmpty()) {
            faults.put("expires", lang.t("Kies hoe lang het token geldig is.", "Choose how long the token is valid."));
        }
        if (!faults.isEmpty()) {
            return page(400, request, session, new FormState(typed, faults), null);
        }
        String name = prefix(reseller) + typed.get("name");
        Instant now = clock.instant();
        try {
            ApiTokens.Issued issued =
                    tokens.issue(name, TokenScope.RESELLER, reseller.id(), now.plus(Duration.ofDays(days.get())), now);
            Log.info(
                    "portal.token.issued",
                    Map.of("token", name, "by", session.user().email()));
            return page(201, request, session, new FormState(Map.of("expires", DEFAULT_LIFETIME), Map.of()), issued);
        } catch (ConflictException e) {
            // a working token of that name: the reseller's own (a double submit too), or in the rare
            // case Beheer gave another reseller's token this name, nobody's business: the same words
            String taken = lang.t(
                    "Er is al een werkend token met de naam " + name + ": kies een andere naam, of vernieuw of"
                            + " trek het bestaande in.",
                    "There is a working token named " + name + " already: choose another name, or rotate or"
                            + " revoke the existing one.");
            return page(409, request, session, new FormState(typed, Map.of("name", taken)), null);
        }
    }

    /** Rotating or revoking cuts off the software that uses the token: this page says so and holds the button. */
    private WebResponse confirm(WebRequest request, Session session, PathParameters parameters) {
        Language lang = Language.of(request, Site.PORTAL);
        String action = parameters.get("action");
        if (!action.equals("rotate") && !action.equals("revoke")) {
            throw new WebError(404, "Deze pagina bestaat niet.", "This page does not exist.");
        }
        Reseller reseller = PortalApp.reseller(services, session);
        ApiToken token = active(reseller, parameters.get("name"), lang);
        String title = action.equals("rotate")
                ? lang.t("Token vernieuwen", "Rotate token")
                : lang.t("Token intrekken", "Revoke token");
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", PortalApp.chrome(request, session, title, MENU));
        model.put("name", token.name());
        model.put("action", action);
        model.put("tokenId", tokenId(token));
        model.put("expires", when(token.expiresAt(), lang));
        model.put("overlaps", OVERLAP_HOURS);
        model.put("overlap", DEFAULT_OVERLAP);
        model.put("lifetimes", AdminPages.LIFETIME_DAYS);
        model.put("lifetime", DEFAULT_LIFETIME);
        return Views.page(200, "portal/tokens/confirm.jte", model);
    }

    /**
     * A new secret with the same name; the old one works on for the chosen overlap (as
     * {@code ./sladesk token rotate --overlap}), so the reseller's software switches without an outage.
     */
    private WebResponse rotate(WebRequest request, Session session, PathParameters parameters) {
        Language lang = Language.of(request, Site.PORTAL);
        Reseller reseller = PortalApp.reseller(services, session);
        ApiToken token = active(reseller, parameters.get("name"), lang);
        if (!tokenId(token).equals(request.form("token").orElse(""))) {
            // the confirmation page was about a token replaced since (a double submit, or another tab)
            throw new WebError(
                    409,
                    "Dit token is intussen al vernieuwd. Kijk in de lijst welk token nu werkt.",
                    "This token has been rotated meanwhile. See the list for the token that works now.");
        }
        Integer overlap = OVERLAP_HOURS.stream()
                .filter(h -> Integer.toString(h).equals(request.form("overlap").orElse("")))
                .findFirst()
                .orElseThrow(() -> new WebError(
                        400,
                        "Kies hoe lang het oude token nog werkt.",
                        "Choose how long the old token keeps working."));
        Integer days = AdminPages.LIFETIME_DAYS.stream()
                .filter(d -> Integer.toString(d).equals(request.form("expires").orElse("")))
                .findFirst()
                .orElseThrow(() -> new WebError(
                        400, "Kies hoe lang het nieuwe token geldig is.", "Choose how long the new token is valid."));
        Instant now = clock.instant();
        ApiTokens.Issued issued =
                tokens.rotate(token.name(), now.plus(Duration.ofHours(overlap)), now.plus(Duration.ofDays(days)), now);
        Log.info(
                "portal.token.rotated",
                Map.of(
                        "token",
                        token.name(),
                        "overlapHours",
                        overlap,
                        "by",
                        session.user().email()));
        return page(201, request, session, new FormState(Map.of("expires", DEFAULT_LIFETIME), Map.of()), issued);
    }

    /** Ends every working token of the name now (one in a rotation's overlap too); a second click is harmless. */
    private WebResponse revoke(WebRequest request, Session session, PathParameters parameters) {
        Language lang = Language.of(request, Site.PORTAL);
        Reseller reseller = PortalApp.reseller(services, session);
        String name = parameters.get("name");
        List<ApiToken> own =
                own(reseller).stream().filter(t -> name.equals(t.name())).toList();
        if (own.isEmpty()) {
            throw notFound(lang);
        }
        try {
            tokens.revoke(name, clock.instant());
            Log.info(
                    "portal.token.revoked",
                    Map.of("token", name, "by", session.user().email()));
        } catch (NotFoundException revokedAlready) {
            // a second click: nothing works under this name any more
        }
        return WebResponse.redirect(MENU);
    }

    /** The reseller's own tokens: scope RESELLER and this reseller, nothing else. */
    private List<ApiToken> own(Reseller reseller) {
        return tokens.ofReseller(reseller.id());
    }

    /** The reseller's own active token of that name; any other (unknown, another reseller's, ended) is 404. */
    private ApiToken active(Reseller reseller, String name, Language lang) {
        Instant now = clock.instant();
        return own(reseller).stream()
                .filter(t -> name.equals(t.name()) && t.state(now) == ApiToken.State.ACTIVE)
                .findFirst()
                .orElseThrow(() -> notFound(lang));
    }

    private static WebError notFound(Language lang) {
        return new WebError(
                404, "Er is geen werkend token met deze naam.", "There is no working token with this name.");
    }

    /** Why a typed name cannot be used, if it cannot. */
    private static Optional<String> nameFault(String name, Reseller reseller, Language lang) {
        int max = Math.min(NAME_MAX, 64 - prefix(reseller).length());
        if (name.isEmpty()) {
            return Optional.of(lang.t("Geef het token een naam.", "Give the token a name."));
        }
        if (name.length() > max) {
            return Optional.of(lang.t(
                    "Een naam is hoogstens " + max + " tekens lang.",
                    "A name is at most " + max + " characters long."));
        }
        if (!TYPED_NAME.matcher(name).matches()) {
            return Optional.of(lang.t(
                    "Een naam bestaat uit kleine letters, cijfers en streepjes, zoals crm-koppeling.",
                    "A name consists of lower-case letters, digits and dashes, such as crm-link."));
        }
        return Optional.empty();
    }

    /** The start of every name of this reseller's portal tokens: {@code telnet-}. */
    static String prefix(Reseller reseller) {
        return reseller.id() + "-";
    }

    private static String tokenId(ApiToken token) {
        return token.hash().substring(0, TOKEN_ID_LENGTH);
    }

    private static Row row(ApiToken t, Instant now, Language lang) {
        return new Row(
                String.valueOf(t.name()),
                t.createdAt() == null ? lang.t("onbekend", "unknown") : when(t.createdAt(), lang),
                t.expiresAt() == null ? lang.t("verloopt niet", "does not expire") : when(t.expiresAt(), lang),
                t.lastUsedAt() == null ? lang.t("nooit", "never") : when(t.lastUsedAt(), lang),
                state(t, now, lang),
                t.state(now) == ApiToken.State.ACTIVE);
    }

    private static String state(ApiToken t, Instant now, Language lang) {
        switch (t.state(now)) {
            case ACTIVE:
                return lang.t("actief", "active");
            case ROTATED:
                return lang.t(
                        "vervangen, werkt tot " + when(t.revokedAt(), lang),
                        "replaced, works until " + when(t.revokedAt(), lang));
            case EXPIRED:
                return lang.t("verlopen", "expired");
            default:
                return lang.t("ingetrokken", "revoked");
        }
    }

    private static String when(Instant at, Language lang) {
        return Amsterdam.readable(at, lang.locale());
    }
}
