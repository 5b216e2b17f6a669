package nl.vioms.sladesk.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start yardstick: the DynamoDB client built as {@code AwsClients.forLambda} builds it
 * (region from AWS_REGION, credentials from the environment, the URLConnection HTTP client), once
 * per execution environment, and one GetItem per invocation. Anything a function costs beyond
 * this is its own.
 */
public final class BaselineHandler implements RequestHandler<Map<String, Object>, String> {
    private final DynamoDbClient dynamo;
    private final String table;

    public BaselineHandler() {
        this.dynamo = DynamoDbClient.builder()
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-central-1")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
        this.table = System.getenv("BASELINE_TABLE");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        var item = dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS("BASELINE"), "sk", AttributeValue.fromS("BASELINE"))))
                .item();
        return item.isEmpty() ? "miss" : "hit";
    }
}
