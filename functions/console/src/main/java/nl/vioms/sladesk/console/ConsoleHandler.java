package nl.vioms.sladesk.console;

import java.time.Clock;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.login.CognitoLogin;

/** The operations console (issue 17): server-rendered pages on the HTTP API's {@code /console} routes. */
public final class ConsoleHandler extends SiteHandler {

    /** Lambda's constructor: runs once per execution environment. */
    public ConsoleHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /**
     * The console with its Cognito login (decision 26), configured by the environment.
     *
     * @param clients the SDK clients, or null to build them for Lambda from the environment
     */
    public ConsoleHandler(Environment env, AwsClients clients, Clock clock) {
        this(new Services(env, clients, clock), null);
    }

    /** With another login (tests of pages: TestLogin). */
    public ConsoleHandler(Environment env, AwsClients clients, Clock clock, Login login) {
        this(new Services(env, clients, clock), login);
    }

    private ConsoleHandler(Services services, Login login) {
        super(services, Site.CONSOLE, s -> new ConsoleApp(s, login != null ? login : CognitoLogin.of(s))::handle);
    }
}
