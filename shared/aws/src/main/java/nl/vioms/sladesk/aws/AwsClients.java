package nl.vioms.sladesk.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
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
    private final URI mailEndpoint;
    private final URI cognitoEndpoint;
    // Plain fields, no Supplier method references: a reference such as this::buildSns is resolved
    // when the object is built and loads SnsClient, which a function without SNS does not carry
    // (NoClassDefFoundError at cold start; found by the cold-start harness, issue #9).
    private DynamoDbClient dynamo;
    private SnsClient sns;
    private S3Client s3;
    private S3Presigner s3Presigner;
    private SesV2Client ses;
    private LambdaClient lambda;
    private CognitoIdentityProviderClient cognito;

    private AwsClients(
            Region region,
            AwsCredentialsProvider credentials,
            URI dynamoEndpoint,
            URI messagingEndpoint,
            URI mailEndpoint,
            URI cognitoEndpoint) {
        this.region = region;
        this.credentials = credentials;
        this.dynamoEndpoint = dynamoEndpoint;
        this.messagingEndpoint = messagingEndpoint;
        this.mailEndpoint = mailEndpoint;
        this.cognitoEndpoint = cognitoEndpoint;
    }

    /** On Lambda: region and credentials from the runtime's reserved variables. */
    public static AwsClients forLambda(Environment env) {
        // the issuer of the console's tokens follows Cognito's endpoint when the SDK's own setting
        // moves it (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: the cold-start harness's emulator)
        return new AwsClients(
                Region.of(env.region()),
                lambdaCredentials(env),
                null,
                null,
                null,
                env.sdkEndpoint("COGNITO_IDENTITY_PROVIDER").orElse(null));
    }

    /**
     * The credentials the runtime offers, named explicitly (no discovery chain at cold start): the
     * key variables on a plain start; under SnapStart the runtime sets none of those but a
     * container credentials endpoint, which also renews them after a restore.
     */
    static AwsCredentialsProvider lambdaCredentials(Environment env) {
        return env.containerCredentials()
                ? ContainerCredentialsProvider.builder().build()
                : EnvironmentVariableCredentialsProvider.create();
    }

    /**
     * A deployed stack's region with the given credentials (the operator's ./sladesk --stack:
     * the usual AWS chain), at the services' real endpoints.
     */
    public static AwsClients forRegion(Region region, AwsCredentialsProvider credentials) {
        return new AwsClients(region, credentials, null, null, null, null);
    }

    /**
     * Against local emulators (tests, ./sladesk up): DynamoDB at one endpoint, SNS and S3 at
     * another; any credentials are accepted there.
     */
    public static AwsClients forEmulators(URI dynamoEndpoint, URI messagingEndpoint, Region region) {
        return forEmulators(dynamoEndpoint, messagingEndpoint, null, region);
    }

    /**
     * As {@link #forEmulators(URI, URI, Region)}, with SES v2 at {@code mailEndpoint} (the
     * aws-ses-v2-local emulator; plain HTTP, any credentials). Null: no SES client is offered.
     */
    public static AwsClients forEmulators(URI dynamoEndpoint, URI messagingEndpoint, URI mailEndpoint, Region region) {
        return forEmulators(dynamoEndpoint, messagingEndpoint, mailEndpoint, null, region);
    }

    /**
     * As {@link #forEmulators(URI, URI, URI, Region)}, with Cognito at {@code cognitoEndpoint}
     * (cognito-local, the console's user pool; issue 17). Null: no Cognito client is offered.
     */
    public static AwsClients forEmulators(
            URI dynamoEndpoint, URI messagingEndpoint, URI mailEndpoint, URI cognitoEndpoint, Region region) {
        return new AwsClients(
                region, emulatorCredentials(), dynamoEndpoint, messagingEndpoint, mailEndpoint, cognitoEndpoint);
    }

    public static AwsCredentialsProvider emulatorCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    public static SdkHttpClient httpClient() {
        return HttpClientHolder.CLIENT;
    }

    public synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = buildDynamo();
        }
        return dynamo;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = buildSns();
        }
        return sns;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = buildS3();
        }
        return s3;
    }

    /**
     * Presigned S3 requests (a ticket's attachments, issue 18), signed with this function's own
     * credentials at the endpoint the BROWSER reaches: S3's regional name, or locally the emulator's
     * address on 127.0.0.1, path-style as the S3 client.
     */
    public synchronized S3Presigner s3Presigner() {
        if (s3Presigner == null) {
            var builder = S3Presigner.builder().region(region).credentialsProvider(credentials);
            if (messagingEndpoint != null) {
                builder.endpointOverride(messagingEndpoint)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build());
            }
            s3Presigner = builder.build();
        }
        return s3Presigner;
    }

    /** Where a browser posts a presigned POST form for {@code bucket} (virtual-hosted on AWS, path-style locally). */
    public String s3BucketUrl(String bucket) {
        if (messagingEndpoint != null) {
            return messagingEndpoint.toString().replaceAll("/+$", "") + "/" + bucket;
        }
        return "https://" + bucket + ".s3." + region.id() + ".amazonaws.com/";
    }

    /** The credentials this function signs with now (Lambda's carry a session token). */
    public AwsCredentials credentials() {
        return credentials.resolveCredentials();
    }

    /** SES v2 (the mailer function); locally the mail emulator. */
    public synchronized SesV2Client ses() {
        if (ses == null) {
            ses = buildSes();
        }
        return ses;
    }

    /** Lambda (the console starts month-end with it); the emulators have none, so locally this throws. */
    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            if (dynamoEndpoint != null) {
                throw new IllegalStateException("these emulators offer no Lambda endpoint");
            }
            lambda = LambdaClient.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(httpClient())
                    .build();
        }
        return lambda;
    }

    /** The Cognito user pools (the console's login); locally cognito-local. */
    public synchronized CognitoIdentityProviderClient cognito() {
        if (cognito == null) {
            cognito = buildCognito();
        }
        return cognito;
    }

    /**
     * The issuer ({@code iss}) of the tokens of a user pool: Cognito's regional address, or the
     * emulator's own. The pool's signing keys are at {@code <issuer>/.well-known/jwks.json}.
     */
    public String cognitoIssuer(String userPoolId) {
        if (cognitoEndpoint != null) {
            return cognitoEndpoint.toString().replaceAll("/+$", "") + "/" + userPoolId;
        }
        return "https://cognito-idp." + region.id() + ".amazonaws.com/" + userPoolId;
    }

    /** The region the clients talk to (SES rewrites Message-IDs with a host of it). */
    public Region region() {
        return region;
    }

    private SesV2Client buildSes() {
        var builder = SesV2Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient());
        if (mailEndpoint != null) {
            builder.endpointOverride(mailEndpoint);
        } else if (dynamoEndpoint != null) {
            throw new IllegalStateException("these emulators offer no SES endpoint");
        }
        return builder.build();
    }

    private CognitoIdentityProviderClient buildCognito() {
        var builder = CognitoIdentityProviderClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient());
        if (cognitoEndpoint != null) {
            builder.endpointOverride(cognitoEndpoint);
        } else if (dynamoEndpoint != null) {
            throw new IllegalStateException("these emulators offer no Cognito endpoint");
        }
        return builder.build();
    }

    private DynamoDbClient buildDynamo() {
        var builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient());
        if (dynamoEndpoint != null) {
            builder.endpointOverride(dynamoEndpoint);
        }
        return builder.build();
    }

    private SnsClient buildSns() {
        var builder = SnsClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient());
        if (messagingEndpoint != null) {
            builder.endpointOverride(messagingEndpoint);
        }
        return builder.build();
    }

    private S3Client buildS3() {
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient());
        // emulators serve buckets by path, not by virtual host name
        if (messagingEndpoint != null) {
            builder.endpointOverride(messagingEndpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    @Override
    public synchronized void close() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (sns != null) {
            sns.close();
        }
        if (s3Presigner != null) {
            s3Presigner.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (ses != null) {
            ses.close();
        }
        if (lambda != null) {
            lambda.close();
        }
        if (cognito != null) {
            cognito.close();
        }
    }

    /** One HTTP client per process, built on first use. */
    private static final class HttpClientHolder {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.builder().build();
    }
}
