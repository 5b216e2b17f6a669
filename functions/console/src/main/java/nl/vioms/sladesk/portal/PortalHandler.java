package nl.vioms.sladesk.portal;

import java.time.Clock;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.Login;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.SiteHandler;
import nl.vioms.sladesk.console.login.CognitoLogin;

/**
 * The reseller portal (issue 18, decision 28): resellers' staff open and follow their tickets on the
 * HTTP API's {@code /portal} routes. Its own function (its own IAM role and concurrency) from the
 * console's jar: the login, the router and the layout are the console's, the pages its own.
 */
public final class PortalHandler extends SiteHandler {

    /** Lambda's constructor: runs once per execution environment. */
    public PortalHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public PortalHandler(Environment env, AwsClients clients, Clock clock) {
        this(new Services(env, clients, clock), null);
    }

    /** With another login (tests of pages: TestLogin). */
    public PortalHandler(Environment env, AwsClients clients, Clock clock, Login login) {
        this(new Services(env, clients, clock), login);
    }

    private PortalHandler(Services services, Login login) {
        super(
                services,
                Site.PORTAL,
                s -> new PortalApp(s, login != null ? login : CognitoLogin.of(s, Site.PORTAL))::handle);
    }
}
