package nl.vioms.sladesk.console.login;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * Setting up an authenticator app (TOTP) at login, for the roles that require one (decision 26):
 * Cognito makes a secret for the person's access token (AssociateSoftwareToken), the page shows it,
 * the person types the first code (VerifySoftwareToken), TOTP becomes their preferred MFA
 * (SetUserMFAPreference) and only then do they get a session. Between the two steps the tokens wait
 * in two HttpOnly cookies sent to the set-up form only ({@value #PATH}), for ten minutes.
 */
final class TotpSetup {
    static final String PATH = "/console/login/totp";
    static final String ACCESS_COOKIE = "sladesk-totp-access";
    static final String ID_COOKIE = "sladesk-totp-id";
    private static final int MINUTES = 10;

    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final IdTokenVerifier verifier;
    private final CognitoLogin login;

    TotpSetup(Supplier<CognitoIdentityProviderClient> cognito, IdTokenVerifier verifier, CognitoLogin login) {
        this.cognito = cognito;
        this.verifier = verifier;
        this.login = login;
    }

    /** The secret for the person's app, and the form for its first code. */
    WebResponse start(VerifiedToken token, AuthenticationResultType result, String next) {
        String secret = cognito.get()
                .associateSoftwareToken(b -> b.accessToken(result.accessToken()))
                .secretCode();
        return page(200, token.email(), secret, next, null)
                .withCookies(List.of(cookie(ACCESS_COOKIE, result.accessToken()), cookie(ID_COOKIE, result.idToken())));
    }

    WebResponse finish(WebRequest request, PathParameters parameters) {
        CognitoLogin.refuseForeignForm(request);
        String next = NextPage.of(request.form("next"));
        Optional<String> access = request.cookie(ACCESS_COOKIE);
        Optional<String> id = request.cookie(ID_COOKIE);
        Optional<VerifiedToken> token = id.flatMap(verifier::verify);
        if (access.isEmpty() || token.isEmpty()) {
            return CognitoLogin.loginAgain(401, "", next, "Het instellen duurde te lang. Log opnieuw in.");
        }
        String secret = request.form("secret").orElse("");
        String code = request.form("code").orElse("").replace(" ", "");
        try {
            var verified = cognito.get()
                    .verifySoftwareToken(
                            b -> b.accessToken(access.get()).userCode(code).friendlyDeviceName("SLA Desk"));
            if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
                return page(401, token.get().email(), secret, next, WRONG_CODE);
            }
            cognito.get()
                    .setUserMFAPreference(b -> b.accessToken(access.get())
                            .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        } catch (CodeMismatchException | EnableSoftwareTokenMfaException e) {
            return page(401, token.get().email(), secret, next, WRONG_CODE);
        } catch (CognitoIdentityProviderException e) {
            Log.warn(
                    "console.login.refused", Map.of("email", token.get().email(), "reason", CognitoLogin.errorCode(e)));
            return CognitoLogin.loginAgain(401, token.get().email(), next, "Het instellen lukte niet. Log opnieuw in.");
        }
        Log.info("console.login.totp-set-up", Map.of("email", token.get().email()));
        WebResponse session = login.session(request, id.get(), token.get(), next);
        return session.withCookies(List.of(session.cookies().get(0), clear(ACCESS_COOKIE), clear(ID_COOKIE)));
    }

    static final String WRONG_CODE = "Die code klopt niet. Neem de code die je app nu toont.";

    private static WebResponse page(int status, String email, String secret, String next, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("next", next);
        values.put("email", email);
        values.put("session", secret);
        values.put(
                "notice",
                "otpauth://totp/"
                        + URLEncoder.encode("SLA Desk:" + email, StandardCharsets.UTF_8)
                                .replace("+", "%20") + "?secret=" + secret + "&issuer=SLA%20Desk");
        if (message != null) {
            values.put("message", message);
        }
        return CognitoLogin.page(status, "login/totp-setup.jte", "Authenticator-app instellen", values);
    }

    private static String cookie(String name, String value) {
        return name + "=" + value + "; Max-Age=" + (MINUTES * 60) + "; Path=" + PATH
                + "; HttpOnly; Secure; SameSite=Strict";
    }

    private static String clear(String name) {
        return name + "=; Max-Age=0; Path=" + PATH + "; HttpOnly; Secure; SameSite=Strict";
    }
}
