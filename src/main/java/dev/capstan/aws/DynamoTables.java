package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What Capstan's own tables (the deploy lock's, the team history's) do alike: say whether they exist, and be made on demand. */
final class DynamoTables {
    private DynamoTables() {
    }

    /** @param what the table as a sentence names it, such as "the lock table" */
    static boolean exists(AwsClients clients, AwsTarget target, String table, String what) {
        try {
            clients.dynamoDb(target).describeTable(r -> r.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "look for " + what + " " + table);
        }
    }

    /** Creates the table with string keys and on-demand billing, and waits until it can be used; {@code sortKey} null for none. */
    static void createOnDemand(AwsClients clients, AwsTarget target, String table, String what, String partitionKey, String sortKey) {
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(stringAttribute(partitionKey)));
        List<KeySchemaElement> keys = new ArrayList<>(List.of(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build()));
        if (sortKey != null) {
            attributes.add(stringAttribute(sortKey));
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        try {
            DynamoDbClient dynamo = clients.dynamoDb(target);
            dynamo.createTable(r -> r.tableName(table).attributeDefinitions(attributes).keySchema(keys).billingMode(BillingMode.PAY_PER_REQUEST));
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "create " + what + " " + table);
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
