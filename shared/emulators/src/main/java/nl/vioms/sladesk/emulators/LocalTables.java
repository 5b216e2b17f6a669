package nl.vioms.sladesk.emulators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The template's DynamoDB tables on the emulator: each {@code AWS::DynamoDB::Table}'s keys,
 * indexes and stream as {@link LocalResources} finds them, created once and kept up to date.
 */
final class LocalTables {
    private LocalTables() {}

    /** A table of the template as a CreateTable request (streams only where the emulator has them). */
    static CreateTableRequest request(String logicalId, Map<String, Object> props, boolean withStreams) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (Object d : Template.list(props.get("AttributeDefinitions"))) {
            Map<String, Object> def = Template.map(d);
            definitions.add(AttributeDefinition.builder()
                    .attributeName((String) def.get("AttributeName"))
                    .attributeType((String) def.get("AttributeType"))
                    .build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object i : Template.list(props.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = Template.map(i);
            Map<String, Object> projection = Template.map(index.get("Projection"));
            Projection.Builder projected =
                    Projection.builder().projectionType((String) projection.getOrDefault("ProjectionType", "ALL"));
            List<String> nonKey = Template.list(projection.get("NonKeyAttributes")).stream()
                    .map(String::valueOf)
                    .toList();
            if (!nonKey.isEmpty()) {
                projected.nonKeyAttributes(nonKey);
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName((String) index.get("IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projected.build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(logicalId)
                .attributeDefinitions(definitions)
                .keySchema(keySchema(props.get("KeySchema")))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        Map<String, Object> stream = Template.map(props.get("StreamSpecification"));
        if (withStreams && !stream.isEmpty()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType((String) stream.get("StreamViewType"))
                    .build());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return Template.list(value).stream()
                .map(Template::map)
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
    }

    /** Creates the table, or adds the indexes the template gained to one kept from an earlier run. */
    static void create(DynamoDbClient dynamo, CreateTableRequest request) {
        try {
            dynamo.createTable(request);
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
        } catch (ResourceInUseException exists) {
            // kept from an earlier run (./sladesk up persists its data): indexes the template
            // gained since are added, as a deployment of the changed template would add them
            addMissingIndexes(dynamo, request);
        }
    }

    private static void addMissingIndexes(DynamoDbClient dynamo, CreateTableRequest request) {
        if (!request.hasGlobalSecondaryIndexes()) {
            return;
        }
        var existing =
                dynamo.describeTable(b -> b.tableName(request.tableName())).table().globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexName)
                        .toList();
        for (GlobalSecondaryIndex index : request.globalSecondaryIndexes()) {
            if (existing.contains(index.indexName())) {
                continue;
            }
            dynamo.updateTable(b -> b.tableName(request.tableName())
                    .attributeDefinitions(request.attributeDefinitions())
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                            .keySchema(index.keySchema())
                            .projection(index.projection()))));
            for (int i = 0; i < 200; i++) {
                var status =
                        dynamo
                                .describeTable(b -> b.tableName(request.tableName()))
                                .table()
                                .globalSecondaryIndexes()
                                .stream()
                                .filter(g -> g.indexName().equals(index.indexName()))
                                .findFirst()
                                .map(GlobalSecondaryIndexDescription::indexStatusAsString)
                                .orElse("CREATING");
                if ("ACTIVE".equals(status)) {
                    break;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
