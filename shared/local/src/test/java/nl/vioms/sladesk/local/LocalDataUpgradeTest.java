package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Data kept in .sladesk/data meets a template that has changed since (git pull): an index the
 * template gained is added to the existing table, with the items already in it, as deploying the
 * changed template would; nothing stored is lost.
 */
@ExtendWith(AwsEmulators.class)
class LocalDataUpgradeTest {
    @Test
    void anIndexAddedToTheTemplateIsAddedToTheKeptTable(LocalAws emulators) {
        String key = "item-" + System.nanoTime();
        try (LocalAws before = emulators.with(template("upgrade-v1.yaml"), "http://127.0.0.1:3000")) {
            before.clients()
                    .dynamo()
                    .putItem(b -> b.tableName("UpgradeTable")
                            .item(Map.of(
                                    "pk",
                                    AttributeValue.fromS(key),
                                    "customerId",
                                    AttributeValue.fromS("hotel-" + key))));
        }

        try (LocalAws after = emulators.with(template("upgrade-v2.yaml"), "http://127.0.0.1:3000")) {
            var found = after.clients()
                    .dynamo()
                    .query(b -> b.tableName("UpgradeTable")
                            .indexName("by-customer")
                            .keyConditionExpression("customerId = :c")
                            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("hotel-" + key))));

            assertEquals(1, found.count(), "the item stored before the index existed is in it");
            assertEquals(key, found.items().get(0).get("pk").s());
        }
    }

    private static Template template(String name) {
        return Template.read(ProjectRoot.find()
                .resolve("shared/local/src/test/resources/runtime")
                .resolve(name));
    }
}
