package nl.vioms.sladesk.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A function's jar carries only the SDK services it declares (intake-api: DynamoDB only), so
 * AwsClients must build its DynamoDB client without SNS or S3 classes present. Tests otherwise
 * see every service on their classpath; here a class loader hides SNS and S3.
 */
class AwsClientsClassPathTest {
    private static final String[] ABSENT = {"software.amazon.awssdk.services.sns.", "software.amazon.awssdk.services.s3."};

    @Test
    void buildsDynamoWithoutSnsOrS3OnTheClassPath() throws Exception {
        try (var loader = new WithoutServices()) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("software.amazon.awssdk.services.sns.SnsClient"));
            // called directly as a handler would, not through reflection on AwsClients (whose
            // method list names SnsClient)
            Runnable buildDynamo = (Runnable) loader.loadClass(BuildDynamoOnly.class.getName()).getDeclaredConstructor().newInstance();
            buildDynamo.run();
            assertEquals(loader, buildDynamo.getClass().getClassLoader());
        }
    }

    public static final class BuildDynamoOnly implements Runnable {
        @Override
        public void run() {
            try (AwsClients aws = AwsClients.forEmulators(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"),
                    software.amazon.awssdk.regions.Region.EU_CENTRAL_1)) {
                aws.dynamo();
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
            if (Arrays.stream(ABSENT).anyMatch(name::startsWith)) throw new ClassNotFoundException(name);
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(entry -> {
                try {
                    return new File(entry).toURI().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(URL[]::new);
        }
    }
}
