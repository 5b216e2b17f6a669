package nl.vioms.sladesk.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/** A SnapStart function gets no key variables, only the container endpoint (issue #9). */
class LambdaCredentialsTest {
    @Test
    void keyVariablesOnAPlainStart() {
        var env = Environment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "s"));
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class, AwsClients.lambdaCredentials(env));
    }

    @Test
    void theContainerEndpointUnderSnapStart() {
        var env = Environment.of(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                "t"));
        assertInstanceOf(ContainerCredentialsProvider.class, AwsClients.lambdaCredentials(env));
    }
}
