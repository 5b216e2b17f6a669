package nl.vioms.sladesk.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * A function's jar carries only the SDK services it declares (intake-api: DynamoDB only), so
 * AwsClients must build its DynamoDB client without SNS, S3 or SES classes present. Tests otherwise
 * see every service on their classpath; here a class loader hides SNS, S3 and SES v2.
 */
class AwsClientsClassPathTest {
    private static final String[] ABSENT = {
        "software.amazon.awssdk.services.sns.",
        "software.amazon.awssdk.services.s3.",
        "software.amazon.awssdk.services.sesv2.",
    };

    @Test
    void buildsDynamoWithoutSnsOrS3OnTheClassPath() throws Exception {
        try (var loader = new WithoutServices()) {
            assertThrows(
                    ClassNotFoundException.class,
                    () -> loader.loadClass("software.amazon.awssdk.services.sns.SnsClient"));
            // called directly as a handler would, not through reflection on AwsClients (whose
            // method list names SnsClient)
            Runnable buildDynamo = (Runnable) loader.loadClass(BuildDynamoOnly.class.getName())
                    .getDeclaredConstructor()
                    .newInstance();
            buildDynamo.run();
            assertEquals(loader, buildDynamo.getClass().getClassLoader());
        }
    }

    /** The composition root too: a function using DynamoDB only builds its services without SNS or S3. */
    @Test
    void buildsDynamoServicesWithoutSnsOrS3OnTheClassPath() throws Exception {
        try (var loader = new WithoutServices()) {
            Runnable build = (Runnable) loader.loadClass(BuildDynamoServicesOnly.class.getName())
                    .getDeclaredConstructor()
                    .newInstance();
            build.run();
            assertEquals(loader, build.getClass().getClassLoader());
        }
    }

    public static final class BuildDynamoOnly implements Runnable {
        @Override
        public void run() {
            try (AwsClients aws = AwsClients.forEmulators(
                    URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"), Region.EU_CENTRAL_1)) {
                aws.dynamo();
            }
        }
    }

    public static final class BuildDynamoServicesOnly implements Runnable {
        @Override
        public void run() {
            Map<String, String> env = Map.of(
                    "TICKETS_TABLE",
                    "t",
                    "OUTBOX_TABLE",
                    "o",
                    "DIRECTORY_TABLE",
                    "d",
                    "MONITORING_TABLE",
                    "m",
                    "REPORTS_TABLE",
                    "r",
                    "PUBLIC_BASE_URL",
                    "http://127.0.0.1:3000");
            try (AwsClients aws = AwsClients.forEmulators(
                    URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"), Region.EU_CENTRAL_1)) {
                Services services = new Services(Environment.of(env), aws, Clock.systemUTC());
                services.ticketService();
                services.directory();
                services.outbox();
                services.monitoring();
                services.probeRepository();
                services.reports();
            }
        }
    }

    /** The test's class path, loaded afresh (not delegated), with SNS and S3 left out. */
    private static final class WithoutServices extends URLClassLoader {
        WithoutServices() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (Arrays.stream(ABSENT).anyMatch(name::startsWith)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(entry -> {
                        try {
                            return new File(entry).toURI().toURL();
                        } catch (MalformedURLException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toArray(URL[]::new);
        }
    }
}
