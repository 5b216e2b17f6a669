package nl.vioms.sladesk.testing;

import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a {@link LocalAws}: real emulators of the AWS wire protocols
 * with the resources of template.yaml, started once per test JVM and stopped when it exits.
 * Use {@code @ExtendWith(AwsEmulators.class)} and take a {@code LocalAws} parameter.
 * With {@code SLADESK_EMULATORS=localstack} and no Docker engine, the tests are skipped.
 */
public final class AwsEmulators implements BeforeAllCallback, ParameterResolver {
    /** Local base URL the HTTP API resolves to in tests. */
    public static final String TEST_BASE_URL = "http://127.0.0.1:3000";

    private static LocalAws shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        instance();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return instance();
    }

    /** The JVM's one emulated account, started on first use. */
    public static synchronized LocalAws instance() {
        if (shared == null) {
            LocalAws started;
            if ("localstack".equals(backendName())) {
                Assumptions.assumeTrue(
                        LocalStackEmulators.dockerAvailable(),
                        "SLADESK_EMULATORS=localstack needs a Docker engine; none runs here");
                started = LocalAws.start(LocalStackEmulators.start(), Template.ofProject(), TEST_BASE_URL);
            } else {
                started = LocalAws.start(Template.ofProject(), null, TEST_BASE_URL);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "sladesk-emulators-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * {@code SLADESK_EMULATORS}: {@code node} (the default: dynoxide or dynalite, and fauxqs) or {@code localstack}.
     */
    static String backendName() {
        String name = System.getenv("SLADESK_EMULATORS");
        return name == null || name.isBlank() ? "node" : name.trim();
    }
}
