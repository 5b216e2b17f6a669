package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Every handler starts with exactly the variables template.yaml sets for its function: the
 * composition root (Services, in shared/aws) reads the tables and URLs a handler asks it for, so
 * the source scan of TemplateTest sees only the variables a function names itself; this builds
 * each handler as Lambda would, which reads all of them (nothing is sent: no client is used).
 */
class HandlerEnvironmentTest {
    private static final Template TEMPLATE = Template.read(ProjectRoot.find().resolve("template.yaml"));

    @Test
    void everyHandlerStartsWithTheVariablesTheTemplateSetsForIt() throws Exception {
        try (AwsClients aws = nowhere()) {
            for (Template.Function function : TEMPLATE.functions()) {
                construct(function, templateEnvironment(function), aws);
            }
        }
    }

    @Test
    void aVariableTheTemplateLacksStopsTheHandlerAtInitNamingIt() throws Exception {
        Template.Function slaCheck = TEMPLATE.function("SlaCheckFunction").orElseThrow();
        Map<String, String> env = templateEnvironment(slaCheck);
        env.remove("OUTBOX_TABLE");
        try (AwsClients aws = nowhere()) {
            var e = assertThrows(InvocationTargetException.class, () -> construct(slaCheck, env, aws));
            assertEquals(IllegalStateException.class, e.getCause().getClass());
            assertTrue(
                    e.getCause().getMessage().contains("OUTBOX_TABLE"),
                    e.getCause().getMessage());
        }
    }

    private static Map<String, String> templateEnvironment(Template.Function function) {
        Map<String, String> env = new HashMap<>();
        for (String name : function.environment().keySet()) {
            // a number where the code reads one (MAIL_HOURLY_LIMIT), console groups where it reads
            // those (CONSOLE_TOTP_ROLES), an address anywhere else
            env.put(
                    name,
                    name.endsWith("_LIMIT")
                            ? "10"
                            : name.endsWith("_ROLES") ? "operations,admin" : "http://127.0.0.1:3000");
        }
        return env;
    }

    private static void construct(Template.Function function, Map<String, String> env, AwsClients aws)
            throws ReflectiveOperationException {
        Class.forName(function.handlerClass())
                .getConstructor(Environment.class, AwsClients.class, Clock.class)
                .newInstance(Environment.of(env), aws, Clock.systemUTC());
    }

    private static AwsClients nowhere() {
        return AwsClients.forEmulators(
                URI.create("http://127.0.0.1:1"),
                URI.create("http://127.0.0.1:1"),
                URI.create("http://127.0.0.1:1"),
                Region.EU_CENTRAL_1);
    }
}
