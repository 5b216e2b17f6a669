package nl.vioms.sladesk.console.login;

import java.time.Clock;
import java.util.Arrays;
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
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.ConsoleRouter;
import nl.vioms.sladesk.console.ConsoleUser;
import nl.vioms.sladesk.console.Login;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
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

    static final String NO_CONSOLE = "Dit account heeft geen toegang tot de console van SLA Desk.";

    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final String clientId;
    private final IdTokenVerifier verifier;
    private final SessionRevocations revocations;
    private final Clock clock;
    private final Set<Role> totpRoles;
    private final TotpSetup totp;

    /** @param cognito the client, built on first use (an emulator set without Cognito still runs the other pages) */
    public CognitoLogin(
            Supplier<CognitoIdentityProviderClient> cognito,
            String clientId,
            IdTokenVerifier verifier,
            SessionRevocations revocations,
            Clock clock,
            Set<Role> totpRoles) {
        this.cognito = cognito;
        this.clientId = clientId;
        this.verifier = verifier;
        this.revocations = revocations;
        this.clock = clock;
        this.totpRoles = Set.copyOf(totpRoles);
        this.totp = new TotpSetup(cognito, verifier, this);
    }

    /** The login as template.yaml configures it: the pool, its app client, the sessions table. */
    public static CognitoLogin of(Services services) {
        String clientId = services.setting(EnvVar.CONSOLE_CLIENT_ID);
        String issuer = services.cognitoIssuer(services.setting(EnvVar.CONSOLE_USER_POOL_ID));
        return new CognitoLogin(
                services::cognito,
                clientId,
                IdTokenVerifier.forIssuer(issuer, clientId, services.clock()),
                new SessionRevocations(services.dynamo(), services.setting(EnvVar.CONSOLE_SESSIONS_TABLE)),
                services.clock(),
                rolesOf(services.environment().optional(EnvVar.CONSOLE_TOTP_ROLES, "")));
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
        return request.cookie(SessionCookie.NAME)
                .flatMap(verifier::verify)
                .filter(token -> !roles(token).isEmpty())
                .filter(token -> !revocations.isRevoked(token.sessionId()))
                .map(CognitoLogin::session);
    }

    @Override
    public void routes(ConsoleRouter router) {
        router.open("GET", "/login", this::loginPage);
        router.open("POST", "/login", this::login);
        router.open("POST", "/login/new-password", this::newPassword);
        router.open("POST", "/login/code", this::code);
        router.open("POST", "/login/totp", totp::finish);
        router.open(
                "GET",
                "/password/forgot",
                (request, p) -> page(200, "login/forgot.jte", "Wachtwoord vergeten", Map.of()));
        router.open("POST", "/password/forgot", this::forgot);
        router.open("POST", "/password/reset", this::reset);
        // a page, not an open route: the router checks the session and its CSRF token first
        router.page("POST", "/logout", ConsoleApp.EVERYONE, this::logout);
    }

    private WebResponse loginPage(WebRequest request, PathParameters parameters) {
        String next = NextPage.of(request.query("next"));
        if (read(request).isPresent()) {
            return WebResponse.redirect(next);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("next", next);
        request.query("uitgelogd").ifPresent(v -> values.put("notice", "Je bent uitgelogd."));
        request.query("gewijzigd")
                .ifPresent(v -> values.put("notice", "Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord."));
        return page(200, "login/login.jte", "Inloggen", values);
    }

    private WebResponse login(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String next = NextPage.of(request.form("next"));
        String email = request.form("email").orElse("").trim();
        String password = request.form("password").orElse("");
        if (email.isEmpty() || password.isEmpty()) {
            return loginAgain(400, email, next, "Vul je e-mailadres en je wachtwoord in.");
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
            return loginAgain(429, email, next, "Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.");
        } catch (CognitoIdentityProviderException e) {
            // NotAuthorized, UserNotFound, a disabled user, a reset required: one answer for all
            Log.warn("console.login.refused", Map.of("email", email, "reason", errorCode(e)));
            return loginAgain(401, email, next, WRONG);
        }
    }

    /** An invited person's first login: Cognito asks for a password of their own. */
    private WebResponse newPassword(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String next = NextPage.of(request.form("next"));
        String email = request.form("email").orElse("");
        String challengeSession = request.form("session").orElse("");
        String password = request.form("password").orElse("");
        if (!password.equals(request.form("repeat").orElse(""))) {
            return challenge(
                    400,
                    "login/new-password.jte",
                    email,
                    challengeSession,
                    next,
                    "De twee wachtwoorden zijn niet gelijk.");
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
            return challenge(400, "login/new-password.jte", email, challengeSession, next, PASSWORD_RULES);
        } catch (CognitoIdentityProviderException e) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", errorCode(e)));
            return loginAgain(401, email, next, "Dat ging niet goed. Log opnieuw in met je tijdelijke wachtwoord.");
        }
    }

    /** The six digits of the person's authenticator app (TOTP), when they have set it up. */
    private WebResponse code(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String next = NextPage.of(request.form("next"));
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
                    401,
                    "login/code.jte",
                    email,
                    challengeSession,
                    next,
                    "Die code klopt niet. Neem de code die je app nu toont.");
        } catch (CognitoIdentityProviderException e) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", errorCode(e)));
            return loginAgain(401, email, next, "Dat ging niet goed. Log opnieuw in.");
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
            return challenge(200, "login/new-password.jte", email, challengeSession, next, null);
        }
        if (ChallengeNameType.SOFTWARE_TOKEN_MFA.toString().equals(challenge)) {
            return challenge(200, "login/code.jte", email, challengeSession, next, null);
        }
        if (challenge != null || result == null || result.idToken() == null) {
            Log.warn("console.login.refused", Map.of("email", email, "reason", "challenge " + challenge));
            return loginAgain(403, email, next, "Deze manier van inloggen kent de console niet. Vraag het beheer.");
        }
        Optional<VerifiedToken> token = verifier.verify(result.idToken());
        if (token.isEmpty()) {
            Log.error("console.login.refused", Map.of("email", email, "reason", "Cognito's token did not verify"));
            return loginAgain(503, email, next, "Inloggen lukt nu niet. Probeer het zo opnieuw.");
        }
        if (roles(token.get()).isEmpty()) {
            Log.warn(
                    "console.login.refused",
                    Map.of(
                            "email",
                            email,
                            "reason",
                            "no console group",
                            "groups",
                            String.join(",", token.get().groups())));
            return loginAgain(403, email, next, NO_CONSOLE);
        }
        // decision 26: with MFA optional in the pool, a login without a TOTP step means the person
        // has no authenticator app yet; the roles that require one set it up before they get a session
        if (!withTotp && roles(token.get()).stream().anyMatch(totpRoles::contains)) {
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
                .withCookies(List.of(SessionCookie.set(idToken, token.expiresAt(), clock.instant())));
    }

    private WebResponse logout(WebRequest request, Session session, PathParameters parameters) {
        request.cookie(SessionCookie.NAME).flatMap(verifier::verify).ifPresent(token -> {
            revocations.revoke(token.sessionId(), token.expiresAt(), clock.instant());
            Log.info("console.logout", Map.of("email", token.email()));
        });
        return WebResponse.redirect("/console/login?uitgelogd=1").withCookies(List.of(SessionCookie.clear()));
    }

    private WebResponse forgot(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String email = request.form("email").orElse("").trim();
        if (email.isEmpty()) {
            return page(400, "login/forgot.jte", "Wachtwoord vergeten", Map.of("message", "Vul je e-mailadres in."));
        }
        try {
            cognito.get().forgotPassword(b -> b.clientId(clientId).username(email));
            Log.info("console.password.forgot", Map.of("email", email));
        } catch (CognitoIdentityProviderException e) {
            // an unknown address answers the same as a known one: no enumeration
            Log.warn("console.password.forgot.refused", Map.of("email", email, "reason", errorCode(e)));
        }
        return page(200, "login/reset.jte", "Nieuw wachtwoord", resetValues(email, null));
    }

    private WebResponse reset(WebRequest request, PathParameters parameters) {
        refuseForeignForm(request);
        String email = request.form("email").orElse("").trim();
        String code = request.form("code").orElse("").trim();
        String password = request.form("password").orElse("");
        if (email.isEmpty() || code.isEmpty() || password.isEmpty()) {
            return page(
                    400,
                    "login/reset.jte",
                    "Nieuw wachtwoord",
                    resetValues(email, "Vul het e-mailadres, de code uit de mail en een nieuw wachtwoord in."));
        }
        try {
            cognito.get()
                    .confirmForgotPassword(b -> b.clientId(clientId)
                            .username(email)
                            .confirmationCode(code)
                            .password(password));
            Log.info("console.password.reset", Map.of("email", email));
            return WebResponse.redirect("/console/login?gewijzigd=1");
        } catch (InvalidPasswordException e) {
            return page(400, "login/reset.jte", "Nieuw wachtwoord", resetValues(email, PASSWORD_RULES));
        } catch (CodeMismatchException | ExpiredCodeException e) {
            return page(
                    400,
                    "login/reset.jte",
                    "Nieuw wachtwoord",
                    resetValues(email, "De code klopt niet of is verlopen. Vraag een nieuwe code aan."));
        } catch (CognitoIdentityProviderException e) {
            Log.warn("console.password.reset.refused", Map.of("email", email, "reason", errorCode(e)));
            return page(
                    400,
                    "login/reset.jte",
                    "Nieuw wachtwoord",
                    resetValues(email, "De code klopt niet of is verlopen. Vraag een nieuwe code aan."));
        }
    }

    static final String PASSWORD_RULES =
            "Kies een wachtwoord van minstens 12 tekens, met hoofdletters, kleine letters en cijfers.";

    private static Map<String, Object> resetValues(String email, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        if (message != null) {
            values.put("message", message);
        }
        return values;
    }

    static WebResponse loginAgain(int status, String email, String next, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("next", next);
        values.put("email", email);
        values.put("message", message);
        return page(status, "login/login.jte", "Inloggen", values);
    }

    private static WebResponse challenge(
            int status, String template, String email, String challengeSession, String next, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        values.put("session", challengeSession == null ? "" : challengeSession);
        values.put("next", next);
        if (message != null) {
            values.put("message", message);
        }
        String title = template.contains("code") ? "Code uit je app" : "Kies je wachtwoord";
        return page(status, template, title, values);
    }

    static WebResponse page(int status, String template, String title, Map<String, Object> values) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("chrome", new Chrome(title, null, ""));
        parameters.put("next", NextPage.HOME);
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
        ConsoleRouter.refuseForeignForm(request);
    }

    static Set<Role> roles(VerifiedToken token) {
        return token.groups().stream()
                .map(Role::ofGroup)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private static Session session(VerifiedToken token) {
        return new Session(
                new ConsoleUser(token.email(), token.email(), roles(token)),
                SessionCookie.csrfToken(token.sessionId()));
    }

    static String errorCode(CognitoIdentityProviderException e) {
        return e.awsErrorDetails() == null
                ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode();
    }
}
