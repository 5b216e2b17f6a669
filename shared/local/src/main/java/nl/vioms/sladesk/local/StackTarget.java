package nl.vioms.sladesk.local;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * A deployed stack as an operator's target ({@code ./sladesk --stack NAME [--region R]}): its
 * resources' physical names from CloudFormation's DescribeStackResources, keyed by template.yaml's
 * logical ids; SDK clients for the stack's region with the usual AWS credentials chain; its
 * functions invoked through Lambda, their environment read from the deployed configuration.
 */
final class StackTarget implements OperatorTarget {
    /** Month-end may run for minutes; Lambda's own limit is 15. */
    private static final Duration INVOKE_TIMEOUT = Duration.ofMinutes(15).plusSeconds(30);

    /** Opens a stack; tests replace it to point the clients at their stubs and emulators. */
    interface Connector {
        OperatorTarget open(String stack, String region);
    }

    static volatile Connector connector = StackTarget::connect;

    private final String stack;
    private final Region region;
    private final Map<String, String> physicalIds;
    private final LambdaClient lambda;
    private final AwsClients clients;

    private StackTarget(
            String stack, Region region, Map<String, String> physicalIds, LambdaClient lambda, AwsClients clients) {
        this.stack = stack;
        this.region = region;
        this.physicalIds = physicalIds;
        this.lambda = lambda;
        this.clients = clients;
    }

    /** The real stack: the region given, else the usual chain's; credentials from the usual chain. */
    static OperatorTarget connect(String stack, String regionName) {
        Region region;
        try {
            region = regionName != null
                    ? Region.of(regionName)
                    : DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            // the SDK's message lists every provider of its chain; what to do is shorter
            throw new IllegalStateException(
                    "no AWS region for stack " + stack
                            + ": give --region, or set AWS_REGION or a region in the AWS profile",
                    e);
        }
        AwsCredentialsProvider credentials =
                DefaultCredentialsProvider.builder().build();
        return open(stack, region, credentials, null, null, AwsClients.forRegion(region, credentials));
    }

    /**
     * A stack whose CloudFormation and Lambda calls go to {@code cloudFormationEndpoint} and
     * {@code lambdaEndpoint} when they are given (tests' stubs; null: AWS), its other calls to
     * {@code clients}.
     */
    static StackTarget open(
            String stack,
            Region region,
            AwsCredentialsProvider credentials,
            URI cloudFormationEndpoint,
            URI lambdaEndpoint,
            AwsClients clients) {
        var cloudFormation = CloudFormationClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(AwsClients.httpClient());
        if (cloudFormationEndpoint != null) {
            cloudFormation.endpointOverride(cloudFormationEndpoint);
        }
        Map<String, String> physicalIds = new LinkedHashMap<>();
        try (CloudFormationClient client = cloudFormation.build()) {
            for (StackResource resource :
                    client.describeStackResources(b -> b.stackName(stack)).stackResources()) {
                if (resource.physicalResourceId() != null) {
                    physicalIds.put(resource.logicalResourceId(), resource.physicalResourceId());
                }
            }
        } catch (CloudFormationException e) {
            clients.close();
            throw new IllegalStateException("stack " + stack + ": " + message(e), e);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
        var lambda = LambdaClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(invokeHttpClient())
                // an invocation is not repeated behind the operator's back (month-end writes reports)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (lambdaEndpoint != null) {
            lambda.endpointOverride(lambdaEndpoint);
        }
        return new StackTarget(stack, region, physicalIds, lambda.build(), clients);
    }

    private static SdkHttpClient invokeHttpClient() {
        return UrlConnectionHttpClient.builder().socketTimeout(INVOKE_TIMEOUT).build();
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : e.getMessage();
    }

    @Override
    public AwsClients clients() {
        return clients;
    }

    @Override
    public String tableName(String logicalId) {
        return require(logicalId);
    }

    @Override
    public Environment environmentOf(String functionLogicalId) {
        String name = functionName(functionLogicalId);
        Map<String, String> values = new LinkedHashMap<>();
        try {
            var configuration = lambda.getFunctionConfiguration(b -> b.functionName(name));
            if (configuration.environment() != null
                    && configuration.environment().variables() != null) {
                values.putAll(configuration.environment().variables());
            }
        } catch (LambdaException e) {
            throw new IllegalStateException("stack " + stack + ": " + functionLogicalId + ": " + message(e), e);
        }
        values.put("AWS_REGION", region.id());
        return Environment.of(values);
    }

    @Override
    public String functionName(String logicalId) {
        return require(logicalId);
    }

    @Override
    public Optional<LocalAws> local() {
        return Optional.empty();
    }

    @Override
    public String invoke(String functionLogicalId, String event) {
        String name = functionName(functionLogicalId);
        InvokeResponse response;
        try {
            response = lambda.invoke(b -> b.functionName(name)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromUtf8String(event)));
        } catch (LambdaException e) {
            throw new IllegalStateException("stack " + stack + ": " + functionLogicalId + ": " + message(e), e);
        }
        String result = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new IllegalStateException(functionLogicalId + " (" + name + ") failed: " + result);
        }
        return result;
    }

    private String require(String logicalId) {
        String physical = physicalIds.get(logicalId);
        if (physical == null) {
            throw new IllegalStateException("stack " + stack + " has no resource " + logicalId
                    + " (is it a stack of template.yaml, fully deployed?)");
        }
        return physical;
    }

    @Override
    public void close() {
        lambda.close();
        clients.close();
    }
}
