package nl.vioms.sladesk.aws;

import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients of a function, each built on first use and then kept for the life of the
 * execution environment. All share one explicit, lightweight HTTP client (URLConnection): no
 * Apache or Netty on the classpath, no region or credential discovery chain at cold start.
 * A function only carries the SDK services it declares, and only touches the ones it uses.
 */
public final class AwsClients implements AutoCloseable {
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final URI dynamoEndpoint;
    private final URI messagingEndpoint;
    private final Lazy<DynamoDbClient> dynamo = new Lazy<>(this::buildDynamo);
    private final Lazy<SnsClient> sns = new Lazy<>(this::buildSns);
    private final Lazy<S3Client> s3 = new Lazy<>(this::buildS3);

    private AwsClients(Region region, AwsCredentialsProvider credentials, URI dynamoEndpoint, URI messagingEndpoint) {
        this.region = region;
        this.credentials = credentials;
        this.dynamoEndpoint = dynamoEndpoint;
        this.messagingEndpoint = messagingEndpoint;
    }

    /** On Lambda: region and credentials from the runtime's reserved variables. */
    public static AwsClients forLambda(Environment env) {
        return new AwsClients(Region.of(env.region()), EnvironmentVariableCredentialsProvider.create(), null, null);
    }

    /**
     * Against local emulators (tests, ./sladesk up): DynamoDB at one endpoint, SNS and S3 at
     * another; any credentials are accepted there.
     */
    public static AwsClients forEmulators(URI dynamoEndpoint, URI messagingEndpoint, Region region) {
        return new AwsClients(region, emulatorCredentials(), dynamoEndpoint, messagingEndpoint);
    }

    public static AwsCredentialsProvider emulatorCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    public static SdkHttpClient httpClient() {
        return HttpClientHolder.CLIENT;
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    private DynamoDbClient buildDynamo() {
        var builder = DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(httpClient());
        if (dynamoEndpoint != null) builder.endpointOverride(dynamoEndpoint);
        return builder.build();
    }

    private SnsClient buildSns() {
        var builder = SnsClient.builder().region(region).credentialsProvider(credentials).httpClient(httpClient());
        if (messagingEndpoint != null) builder.endpointOverride(messagingEndpoint);
        return builder.build();
    }

    private S3Client buildS3() {
        var builder = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(httpClient());
        // emulators serve buckets by path, not by virtual host name
        if (messagingEndpoint != null) builder.endpointOverride(messagingEndpoint).forcePathStyle(true);
        return builder.build();
    }

    @Override
    public void close() {
        dynamo.ifBuilt(DynamoDbClient::close);
        sns.ifBuilt(SnsClient::close);
        s3.ifBuilt(S3Client::close);
    }

    /** One HTTP client per process, built on first use. */
    private static final class HttpClientHolder {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.builder().build();
    }

    private static final class Lazy<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) value = result = factory.get();
                }
            }
            return result;
        }

        void ifBuilt(java.util.function.Consumer<T> action) {
            if (value != null) action.accept(value);
        }
    }
}
