package nl.vioms.sladesk.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline's work behind the stream entry the functions use: the same client and GetItem,
 * with the event left unread, so the runtime deserialises nothing. Shown beside the baseline so a
 * reader sees how much of a function's lead comes from the entry alone (docs/decisions/11).
 */
public final class StreamBaselineHandler implements RequestStreamHandler {
    private final DynamoDbClient dynamo;
    private final String table;

    public StreamBaselineHandler() {
        this.dynamo = DynamoDbClient.builder()
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-central-1")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
        this.table = System.getenv("BASELINE_TABLE");
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws java.io.IOException {
        var item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("BASELINE"), "sk", AttributeValue.fromS("BASELINE")))).item();
        out.write((item.isEmpty() ? "\"miss\"" : "\"hit\"").getBytes(StandardCharsets.UTF_8));
    }
}
