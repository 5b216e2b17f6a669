package nl.vioms.sladesk.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients a function uses, created once per execution environment. Every client shares
 * one explicit, lightweight HTTP client (URLConnection): no Apache or Netty on the classpath and
 * no credential or region discovery chain at cold start.
 */
public record AwsClients(DynamoDbClient dynamo, SnsClient sns, S3Client s3) {

    /** On Lambda: region and credentials from the runtime's reserved variables. */
    public static AwsClients forLambda(Environment env) {
        return build(Region.of(env.region()), EnvironmentVariableCredentialsProvider.create(), null, null);
    }

    /**
     * Against local emulators (tests, ./sladesk up): DynamoDB at one endpoint, SNS and S3 at
     * another; any credentials are accepted there.
     */
    public static AwsClients forEmulators(URI dynamoEndpoint, URI messagingEndpoint, Region region) {
        return build(region, emulatorCredentials(), dynamoEndpoint, messagingEndpoint);
    }

    public static AwsCredentialsProvider emulatorCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    public static SdkHttpClient httpClient() {
        return HttpClientHolder.CLIENT;
    }

    private static AwsClients build(Region region, AwsCredentialsProvider credentials,
                                    URI dynamoEndpoint, URI messagingEndpoint) {
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder().build();
        var dynamo = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(httpClient()).overrideConfiguration(overrides);
        var sns = SnsClient.builder().region(region).credentialsProvider(credentials)
                .httpClient(httpClient()).overrideConfiguration(overrides);
        var s3 = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClient(httpClient()).overrideConfiguration(overrides);
        if (dynamoEndpoint != null) dynamo.endpointOverride(dynamoEndpoint);
        if (messagingEndpoint != null) {
            sns.endpointOverride(messagingEndpoint);
            // emulators serve buckets by path, not by virtual host name
            s3.endpointOverride(messagingEndpoint).forcePathStyle(true);
        }
        return new AwsClients(dynamo.build(), sns.build(), s3.build());
    }

    /** One HTTP client per process, built on first use. */
    private static final class HttpClientHolder {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.builder().build();
    }
}
