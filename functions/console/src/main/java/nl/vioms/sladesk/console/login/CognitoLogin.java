package nl.vioms.sladesk.console.login;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.ConsoleUser;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.Login;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/**
 * The console's login with Amazon Cognito (issue 17, decision 26). The function itself signs people
 * in (USER_PASSWORD_AUTH) and keeps the verified ID token in one HttpOnly cookie; every request's
 * token is verified again ({@link IdTokenVerifier}) and looked up among the sessions ended by logout
 * ({@link SessionRevocations}). Its groups become the console's {@link Role}s; a person with none of
 * them (a reseller's portal account) gets no session at all.
 */
public final class CognitoLogin implements Login {
    /** The same sentence for an unknown address, a wrong password and a disabled account: no enumeration. */
    static final String WRONG = "Het e-mailadres of het wachtwoord klopt niet.";

    static final String WRONG_EN = "The e-mail address or the password is not right.";

    private final Site site;
    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final String clientId;
    private final IdTokenVerifier verifier;
    private final SessionRevocations revocations;
    private final Clock clock;
    private final Set<Role> totpRoles;
    private final TotpSetup totp;

    /** The console's login. */
    public CognitoLogin(
            Supplier<CognitoIdentityProviderClient> cognito,
            String clientId,
            IdTokenVerifier verifier,
            SessionRevocations revocations,
            Clock clock,
            Set<Role> totpRoles) {
        this(Site.CONSOLE, cognito, clientId, verifier, revocations, clock, totpRoles);
    }

    /**
     * The login of one site (the console or the portal, decision 28): the same pool and app client,
     * the site's own cookie, and only the people the site admits.
     *
     * @param cognito the client, built on first use (an emulator set without Cognito still runs the other pages)
     */
    public CognitoLogin(
            Site site,
            Supplier<CognitoIdentityProviderClient> cognito,
            String clientId,
            IdTokenVerifier verifier,
            SessionRevocations revocations,
            Clock clock,
            Set<Role> totpRoles) {
        this.site = site;
        this.cognito = cognito;
        this.clientId = clientId;
        this.verifier = verifier;
        this.revocations = revocations;
        this.clock = clock;
        this.totpRoles = Set.copyOf(totpRoles);
        this.totp = new TotpSetup(cognito, verifier, this);
    }

    /** The console's login as template.yaml configures it: the pool, its app client, the sessions table. */
    public static CognitoLogin of(Services services) {
        return of(services, Site.CONSOLE);
    }

    /** A site's login as template.yaml configures it; TOTP is required of console roles only. */
    public static CognitoLogin of(Services services, Site site) {
        String clientId = services.setting(EnvVar.CONSOLE_CLIENT_ID);
        String issuer = services.cognitoIssuer(services.setting(EnvVar.CONSOLE_USER_POOL_ID));
        return new CognitoLogin(
                site,
                services::cognito,
                clientId,
                IdTokenVerifier.forIssuer(issuer, clientId, services.clock()),
                new SessionRevocations(services.dynamo(), services.setting(EnvVar.CONSOLE_SESSIONS_TABLE)),
                services.clock(),
                site.equals(Site.CONSOLE)
                        ? rolesOf(services.environment().optional(EnvVar.CONSOLE_TOTP_ROLES, ""))
                        : Set.of());
    }

    /** "operations,admin" -> those roles; an unknown group name is an error at start, not a silent gap. */
    static Set<Role> rolesOf(String groups) {
        return Arrays.stream(groups.split(","))
                .map(String::trim)
                .filter(group -> !group.isEmpty())
                .map(group -> Role.ofGroup(group)
                        .orElseThrow(() -> new IllegalStateException("CONSOLE_TOTP_ROLES: no console group " + group)))
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<Session> read(WebRequest request) {
        return request.cookie(site.cookie())
                .flatMap(verifier::verify)
                .filter(token -> site.admits(user(token)))
                .filter(token -> !revocations.isRevoked(token.sessionId()))
                .map(this::session);
    }

    @Override
    public void routes(PageRouter router) {
        router.open("GET", "/login", this::loginPage);
        router.open("POST", "/login", this::login);
        router.open("POST", "/login/new-password", this::newPassword);
        router.open("POST", "/login/code", this::code);
        router.open("POST", "/login/totp", totp::finish);
        router.open(
                "GET",
                "/password/forgot",
                (request, p) -> page(
                        200,
                        "login/forgot.jte",
                        lang(request).t("Wachtwoord vergeten", "Forgotten password"),
                        Map.of(),
                        request));
        router.open("POST", "/password/forgot", this::forgot);
        router.open("POST", "/password/reset", this::reset);
        // a page, not an open route: the router checks the session and its CSRF token first
        router.page("POST", "/logout", EnumSet.allOf(Role.class), this::logout);
    }

    private WebResponse loginPage(WebRequest request, PathParameters parameters) {
        String next = NextPage.of(site, request.query("next"));
        if (read(request).isPresent()) {
            return WebResponse.redirect(next);
        }
        Language lang = lang(request);
        Map<String, Object> values = new HashMap<>();
        values.put("next", next);
        request.query("uitgelogd")
                .ifPresent(v -> values.put("notice", lang.t("Je bent uitgelogd.", "You are logged out.")));
        request.query("gewijzigd")
                .ifPresent(v -> values.put(
                        "notice",
                        lang.t(
                                "Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.",
                                "Your password has been changed. Log in with your new password.")));
        return page(200, "login/login.jte", lang.t("Inloggen", "Log in"), values, request);
    }

    private WebResponse login(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String next = NextPage.of(site, request.form("next"));
        String email = request.form("email").orElse("").trim();
        String password = request.form("password").orElse("");
        if (email.isEmpty() || password.isEmpty()) {
            return loginAgain(
                    request,
                    400,
                    email,
                    next,
                    lang(request)
                            .t("Vul je e-mailadres en je wachtwoord in.", "Enter your e-mail address and password."));
        }
        try {
            var result = cognito.get()
                    .initiateAuth(b -> b.clientId(clientId)
                            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
            return signedIn(
                    request,
                    email,
                    next,
                    result.challengeNameAsString(),
                    result.session(),
                    result.authenticationResult(),
                    false);
        } catch (TooManyRequestsException e) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", "too many attempts"));
            return loginAgain(
                    request,
                    429,
                    email,
                    next,
                    lang(request)
                            .t(
                                    "Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.",
                                    "Too many attempts. Wait a few minutes and try again."));
        } catch (CognitoIdentityProviderException e) {
            // NotAuthorized, UserNotFound, a disabled user, a reset required: one answer for all
            Log.warn("console.login.refused", Map.of("email", email, "reason", errorCode(e)));
            return loginAgain(request, 401, email, next, lang(request).t(WRONG, WRONG_EN));
        }
    }

    /** An invited person's first login: Cognito asks for a password of their own. */
    private WebResponse newPassword(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String next = NextPage.of(site, request.form("next"));
        String email = request.form("email").orElse("");
        String challengeSession = request.form("session").orElse("");
        String password = request.form("password").orElse("");
        if (!password.equals(request.form("repeat").orElse(""))) {
            return challenge(
                    request,
                    400,
                    "login/new-password.jte",
                    email,
                    challengeSession,
                    next,
                    lang(request).t("De twee wachtwoorden zijn niet gelijk.", "The two passwords are not the same."));
        }
        try {
            return answer(
                    request,
                    email,
                    next,
                    challengeSession,
                    ChallengeNameType.NEW_PASSWORD_REQUIRED,
                    "NEW_PASSWORD",
                    password,
                    false);
        } catch (InvalidPasswordException e) {
            return challenge(
                    request,
                    400,
                    "login/new-password.jte",
                    email,
                    challengeSession,
                    next,
                    lang(request).t(PASSWORD_RULES, PASSWORD_RULES_EN));
        } catch (CognitoIdentityProviderException e) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", errorCode(e)));
            return loginAgain(
                    request,
                    401,
                    email,
                    next,
                    lang(request)
                            .t(
                                    "Dat ging niet goed. Log opnieuw in met je tijdelijke wachtwoord.",
                                    "That did not work. Log in again with your temporary password."));
        }
    }

    /** The six digits of the person's authenticator app (TOTP), when they have set it up. */
    private WebResponse code(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String next = NextPage.of(site, request.form("next"));
        String email = request.form("email").orElse("");
        String challengeSession = request.form("session").orElse("");
        String code = request.form("code").orElse("").replace(" ", "");
        try {
            return answer(
                    request,
                    email,
                    next,
                    challengeSession,
                    ChallengeNameType.SOFTWARE_TOKEN_MFA,
                    "SOFTWARE_TOKEN_MFA_CODE",
                    code,
                    true);
        } catch (CodeMismatchException e) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", "wrong code"));
            return challenge(
                    request,
                    401,
                    "login/code.jte",
                    email,
                    challengeSession,
                    next,
                    lang(request)
                            .t(
                                    "Die code klopt niet. Neem de code die je app nu toont.",
                                    "That code is not right. Take the code your app shows now."));
        } catch (CognitoIdentityProviderException e) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", errorCode(e)));
            return loginAgain(
                    request,
                    401,
                    email,
                    next,
                    lang(request).t("Dat ging niet goed. Log opnieuw in.", "That did not work. Log in again."));
        }
    }

    /** Answers Cognito's challenge with the one value it asks for, then goes on as after a password. */
    private WebResponse answer(
            WebRequest request,
            String email,
            String next,
            String challengeSession,
            ChallengeNameType challenge,
            String field,
            String value,
            boolean withTotp) {
        var result = cognito.get()
                .respondToAuthChallenge(b -> b.clientId(clientId)
                        .challengeName(challenge)
                        .session(challengeSession)
                        .challengeResponses(Map.of("USERNAME", email, field, value)));
        return signedIn(
                request,
                email,
                next,
                result.challengeNameAsString(),
                result.session(),
                result.authenticationResult(),
                withTotp);
    }

    /**
     * What comes after a password or a challenge: another challenge, the set-up of an
     * authenticator app (a role that requires one, logged in without it), or the session.
     */
    private WebResponse signedIn(
            WebRequest request,
            String email,
            String next,
            String challenge,
            String challengeSession,
            AuthenticationResultType result,
            boolean withTotp) {
        if (ChallengeNameType.NEW_PASSWORD_REQUIRED.toString().equals(challenge)) {
            return challenge(request, 200, "login/new-password.jte", email, challengeSession, next, null);
        }
        if (ChallengeNameType.SOFTWARE_TOKEN_MFA.toString().equals(challenge)) {
            return challenge(request, 200, "login/code.jte", email, challengeSession, next, null);
        }
        if (challenge != null || result == null || result.idToken() == null) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", "challenge " + challenge));
            return loginAgain(
                    request,
                    403,
                    email,
                    next,
                    lang(request)
                            .t(
                                    "Deze manier van inloggen kent SLA Desk niet. Vraag het beheer.",
                                    "SLA Desk does not know this way of logging in. Ask the administrator."));
        }
        Optional<VerifiedToken> token = verifier.verify(result.idToken());
        if (token.isEmpty()) {
            Log.error("console.login.refused", Map.of("email", email, "reason", "Cognito's token did not verify"));
            return loginAgain(
                    request,
                    503,
                    email,
                    next,
                    lang(request)
                            .t(
                                    "Inloggen lukt nu niet. Probeer het zo opnieuw.",
                                    "Logging in fails now. Try again shortly."));
        }
        if (!site.admits(user(token.get()))) {
            Log.warn(
                    "console.login.refused",
                    Map.of(
                            "email",
                            email,
                            "reason",
                            "no group of " + site.base(),
                            "groups",
                            String.join(",", token.get().groups())));
            return loginAgain(
                    request,
                    403,
                    email,
                    next,
                    lang(request).t(site.noAccess(), "This account has no access to " + site.brand() + "."));
        }
        // decision 26: with MFA optional in the pool, a login without a TOTP step means the person
        // has no authenticator app yet; the roles that require one set it up before they get a session
        if (!withTotp && user(token.get()).roles().stream().anyMatch(totpRoles::contains)) {
            Log.info("console.login.totp-setup", Map.of("email", token.get().email()));
            return totp.start(token.get(), result, next);
        }
        return session(request, result.idToken(), token.get(), next);
    }

    /** The session cookie for a verified token, and on to the page the person asked for. */
    WebResponse session(WebRequest request, String idToken, VerifiedToken token, String next) {
        Log.info(
                "console.login",
                Map.of(
                        "email",
                        token.email(),
                        "groups",
                        String.join(",", token.groups()),
                        "sourceIp",
                        request.sourceIp()));
        return WebResponse.redirect(next)
                .withCookies(List.of(SessionCookie.set(site, idToken, token.expiresAt(), clock.instant())));
    }

    private WebResponse logout(WebRequest request, Session session, PathParameters parameters) {
        request.cookie(site.cookie()).flatMap(verifier::verify).ifPresent(token -> {
            revocations.revoke(token.sessionId(), token.expiresAt(), clock.instant());
            Log.info("console.logout", Map.of("email", token.email()));
        });
        return WebResponse.redirect(site.path("/login?uitgelogd=1")).withCookies(List.of(SessionCookie.clear(site)));
    }

    private WebResponse forgot(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String email = request.form("email").orElse("").trim();
        Language lang = lang(request);
        if (email.isEmpty()) {
            return page(
                    400,
                    "login/forgot.jte",
                    lang.t("Wachtwoord vergeten", "Forgotten password"),
                    Map.of("message", lang.t("Vul je e-mailadres in.", "Enter your e-mail address.")),
                    request);
        }
        try {
            cognito.get().forgotPassword(b -> b.clientId(clientId).username(email));
            Log.info("console.password.forgot", Map.of("email", email));
        } catch (CognitoIdentityProviderException e) {
            // an unknown address answers the same as a known one: no enumeration
            Log.warn("console.password.forgot.refused", Map.of("email", email, "reason", errorCode(e)));
        }
        return page(
                200, "login/reset.jte", lang.t("Nieuw wachtwoord", "New password"), resetValues(email, null), request);
    }

    private WebResponse reset(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String email = request.form("email").orElse("").trim();
        String code = request.form("code").orElse("").trim();
        String password = request.form("password").orElse("");
        Language lang = lang(request);
        String title = lang.t("Nieuw wachtwoord", "New password");
        String wrongCode = lang.t(
                "De code klopt niet of is verlopen. Vraag een nieuwe code aan.",
                "The code is not right or has expired. Ask for a new code.");
        if (email.isEmpty() || code.isEmpty() || password.isEmpty()) {
            return page(
                    400,
                    "login/reset.jte",
                    title,
                    resetValues(
                            email,
                            lang.t(
                                    "Vul het e-mailadres, de code uit de mail en een nieuw wachtwoord in.",
                                    "Enter the e-mail address, the code from the mail and a new password.")),
                    request);
        }
        try {
            cognito.get()
                    .confirmForgotPassword(b -> b.clientId(clientId)
                            .username(email)
                            .confirmationCode(code)
                            .password(password));
            Log.info("console.password.reset", Map.of("email", email));
            return WebResponse.redirect(site.path("/login?gewijzigd=1"));
        } catch (InvalidPasswordException e) {
            return page(
                    400,
                    "login/reset.jte",
                    title,
                    resetValues(email, lang.t(PASSWORD_RULES, PASSWORD_RULES_EN)),
                    request);
        } catch (CodeMismatchException | ExpiredCodeException e) {
            return page(400, "login/reset.jte", title, resetValues(email, wrongCode), request);
        } catch (CognitoIdentityProviderException e) {
            Log.warn("console.password.reset.refused", Map.of("email", email, "reason", errorCode(e)));
            return page(400, "login/reset.jte", title, resetValues(email, wrongCode), request);
        }
    }

    static final String PASSWORD_RULES =
            "Kies een wachtwoord van minstens 12 tekens, met hoofdletters, kleine letters en cijfers.";
    static final String PASSWORD_RULES_EN =
            "Choose a password of at least 12 characters, with upper case, lower case and digits.";

    private static Map<String, Object> resetValues(String email, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        if (message != null) {
            values.put("message", message);
        }
        return values;
    }

    /** The console's login page again, with a message (TOTP set-up). */
    static WebResponse loginAgain(int status, String email, String next, String message) {
        return loginPage(Site.CONSOLE, Language.NL, status, email, next, message);
    }

    private WebResponse loginAgain(WebRequest request, int status, String email, String next, String message) {
        return loginPage(site, lang(request), status, email, next, message);
    }

    private static WebResponse loginPage(
            Site site, Language lang, int status, String email, String next, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("next", next);
        values.put("email", email);
        values.put("message", message);
        return page(site, lang, status, "login/login.jte", lang.t("Inloggen", "Log in"), values);
    }

    private WebResponse challenge(
            WebRequest request,
            int status,
            String template,
            String email,
            String challengeSession,
            String next,
            String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        values.put("session", challengeSession == null ? "" : challengeSession);
        values.put("next", next);
        if (message != null) {
            values.put("message", message);
        }
        Language lang = lang(request);
        String title = template.contains("code")
                ? lang.t("Code uit je app", "Code from your app")
                : lang.t("Kies je wachtwoord", "Choose your password");
        return page(status, template, title, values, request);
    }

    private WebResponse page(
            int status, String template, String title, Map<String, Object> values, WebRequest request) {
        return page(site, lang(request), status, template, title, values);
    }

    /** A console login page (TOTP set-up). */
    static WebResponse page(int status, String template, String title, Map<String, Object> values) {
        return page(Site.CONSOLE, Language.NL, status, template, title, values);
    }

    private static WebResponse page(
            Site site, Language lang, int status, String template, String title, Map<String, Object> values) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("chrome", new Chrome(site, title, null, "", lang));
        parameters.put("next", site.home());
        parameters.put("email", "");
        parameters.put("message", null);
        parameters.put("notice", null);
        parameters.put("session", "");
        parameters.putAll(values);
        return Views.page(status, template, parameters);
    }

    /**
     * Forms before a session have no CSRF token: the browser's Origin must be the console's own
     * host, so another site cannot log a person in to its own account (login CSRF).
     */
    static void refuseForeignForm(WebRequest request) {
        PageRouter.refuseForeignForm(request);
    }

    private Language lang(WebRequest request) {
        return Language.of(request, site);
    }

    private static ConsoleUser user(VerifiedToken token) {
        return ConsoleUser.ofGroups(token.email(), token.groups());
    }

    private Session session(VerifiedToken token) {
        return new Session(user(token), SessionCookie.csrfToken(site, token.sessionId()));
    }

    static String errorCode(CognitoIdentityProviderException e) {
        return e.awsErrorDetails() == null
                ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode();
    }
}
