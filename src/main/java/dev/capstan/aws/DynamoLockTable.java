package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LockRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link LockTable} on DynamoDB, with conditional writes and strongly consistent reads. */
public final class DynamoLockTable implements LockTable {
    private final AwsClients clients;

    public DynamoLockTable(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean exists(AwsTarget target, String table) {
        return DynamoTables.exists(clients, target, table, "the lock table");
    }

    @Override
    public void create(AwsTarget target, String table) {
        DynamoTables.createOnDemand(clients, target, table, "the lock table", KEY_ATTRIBUTE, null);
    }

    @Override
    public Optional<LockRecord> read(AwsTarget target, String table, String key) {
        try {
            Map<String, AttributeValue> item = clients.dynamoDb(target)
                    .getItem(r -> r.tableName(table).key(keyOf(key)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read the deploy lock " + key + " in " + table);
        }
    }

    @Override
    public boolean putIfAbsent(AwsTarget target, String table, LockRecord lock) {
        return conditional(target, "take the deploy lock " + lock.key(), () -> clients.dynamoDb(target).putItem(r -> r
                .tableName(table).item(toItem(lock))
                .conditionExpression("attribute_not_exists(#k)")
                .expressionAttributeNames(Map.of("#k", KEY_ATTRIBUTE))));
    }

    @Override
    public boolean replaceIf(AwsTarget target, String table, LockRecord next, String expectedVersion) {
        return conditional(target, "renew the deploy lock " + next.key(), () -> clients.dynamoDb(target).putItem(r -> r
                .tableName(table).item(toItem(next))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":expected", s(expectedVersion)))));
    }

    @Override
    public boolean deleteIf(AwsTarget target, String table, String key, String expectedVersion) {
        return conditional(target, "release the deploy lock " + key, () -> clients.dynamoDb(target).deleteItem(r -> r
                .tableName(table).key(keyOf(key))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":expected", s(expectedVersion)))));
    }

    private static boolean conditional(AwsTarget target, String action, Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, action);
        }
    }

    private static Map<String, AttributeValue> keyOf(String key) {
        return Map.of(KEY_ATTRIBUTE, s(key));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static Map<String, AttributeValue> toItem(LockRecord lock) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(lock.key()));
        item.put("owner", s(lock.owner()));
        item.put("runId", s(lock.runId()));
        item.put("operation", s(lock.operation()));
        item.put("acquiredAt", s(lock.acquiredAt().toString()));
        item.put("heartbeatAt", s(lock.heartbeatAt().toString()));
        item.put("version", s(lock.version()));
        item.put("leaseMillis", AttributeValue.builder().n(Long.toString(lock.leaseMillis())).build());
        return item;
    }

    private static LockRecord fromItem(Map<String, AttributeValue> item) {
        return new LockRecord(text(item, KEY_ATTRIBUTE), text(item, "owner"), text(item, "runId"), text(item, "operation"),
                instant(item, "acquiredAt"), instant(item, "heartbeatAt"), text(item, "version"),
                item.containsKey("leaseMillis") ? Long.parseLong(item.get("leaseMillis").n()) : 0);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? "" : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = text(item, name);
        return value.isEmpty() ? Instant.EPOCH : Instant.parse(value);
    }
}
