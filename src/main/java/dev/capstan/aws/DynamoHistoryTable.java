package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@link HistoryTable} on DynamoDB: conditional header writes, strongly consistent queries. */
public final class DynamoHistoryTable implements HistoryTable {
    private static final String PK = "pk";
    private static final String SK = "sk";

    private final AwsClients clients;

    public DynamoHistoryTable(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean exists(AwsTarget target, String table) {
        return DynamoTables.exists(clients, target, table, "the history table");
    }

    @Override
    public void create(AwsTarget target, String table) {
        DynamoTables.createOnDemand(clients, target, table, "the history table", PK, SK);
    }

    @Override
    public void putChunk(AwsTarget target, String table, String environment, String runId, int start, List<String> lines) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(runPartition(environment, runId)));
        item.put(SK, s(chunkKey(start)));
        item.put("start", n(start));
        item.put("count", n(lines.size()));
        item.put("text", s(String.join("\n", lines)));
        try {
            clients.dynamoDb(target).putItem(r -> r.tableName(table).item(item));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "mirror run " + runId + " to " + table);
        }
    }

    @Override
    public boolean putHeader(AwsTarget target, String table, Header header) {
        return conditionalPut(target, table, header, "attribute_not_exists(#pk) OR #console = :me", Map.of("#pk", PK, "#console", "console"),
                Map.of(":me", s(header.console())), "mirror run " + header.runId() + " to " + table);
    }

    @Override
    public boolean claim(AwsTarget target, String table, Header seen, String console, String consoleName, Instant at) {
        Header mine = new Header(seen.environment(), seen.runId(), seen.summaryJson(), console, consoleName, at, seen.lines());
        return conditionalPut(target, table, mine, "#console = :owner AND #heartbeat = :seen AND #lines = :lines",
                Map.of("#console", "console", "#heartbeat", "heartbeat", "#lines", "lines"),
                Map.of(":owner", s(seen.console()), ":seen", s(seen.heartbeat().toString()), ":lines", n(seen.lines())),
                "take run " + seen.runId() + " over in " + table);
    }

    /** Writes the header if the condition holds; false if it does not (another console's write came first). */
    private boolean conditionalPut(AwsTarget target, String table, Header header, String condition, Map<String, String> names,
                                   Map<String, AttributeValue> values, String action) {
        try {
            clients.dynamoDb(target).putItem(r -> r.tableName(table).item(toItem(header))
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, action);
        }
    }

    @Override
    public List<Header> headers(AwsTarget target, String table, String environment) {
        List<Header> headers = new ArrayList<>();
        query(target, table, envPartition(environment), "read the team's runs of " + environment + " from " + table)
                .forEach(item -> headers.add(fromItem(environment, item)));
        return headers;
    }

    @Override
    public Optional<Header> header(AwsTarget target, String table, String environment, String runId) {
        try {
            Map<String, AttributeValue> item = clients.dynamoDb(target).getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of(PK, s(envPartition(environment)), SK, s(runKey(runId))))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(environment, item));
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read run " + runId + " from " + table);
        }
    }

    @Override
    public List<String> lines(AwsTarget target, String table, String environment, String runId, int count) {
        List<String> lines = new ArrayList<>(count);
        for (Map<String, AttributeValue> chunk : query(target, table, runPartition(environment, runId), "read run " + runId + " from " + table)) {
            int start = Integer.parseInt(chunk.get("start").n());
            if (start != lines.size()) {
                // A chunk past one that was cut short by a retry: the header's count is what was mirrored whole.
                break;
            }
            lines.addAll(Arrays.asList(chunk.get("text").s().split("\n", -1)));
            if (lines.size() >= count) {
                break;
            }
        }
        if (lines.size() < count) {
            throw new IllegalStateException("The history table " + table + " holds " + lines.size() + " of run " + runId + "'s "
                    + count + " journal lines; its mirror may be still on its way.");
        }
        return List.copyOf(lines.subList(0, count));
    }

    private List<Map<String, AttributeValue>> query(AwsTarget target, String table, String partition, String action) {
        try {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", s(partition))).build();
            clients.dynamoDb(target).queryPaginator(request).items().forEach(items::add);
            return items;
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, action);
        }
    }

    private static Map<String, AttributeValue> toItem(Header header) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(envPartition(header.environment())));
        item.put(SK, s(runKey(header.runId())));
        item.put("runId", s(header.runId()));
        item.put("summary", s(header.summaryJson()));
        item.put("console", s(header.console()));
        item.put("consoleName", s(header.consoleName()));
        item.put("heartbeat", s(header.heartbeat().toString()));
        item.put("lines", n(header.lines()));
        return item;
    }

    private static Header fromItem(String environment, Map<String, AttributeValue> item) {
        return new Header(environment, item.get("runId").s(), item.get("summary").s(), item.get("console").s(), item.get("consoleName").s(),
                Instant.parse(item.get("heartbeat").s()), Integer.parseInt(item.get("lines").n()));
    }

    private static String envPartition(String environment) {
        return "env#" + environment;
    }

    private static String runKey(String runId) {
        return "run#" + runId;
    }

    private static String runPartition(String environment, String runId) {
        return "lines#" + environment + "#" + runId;
    }

    /** Zero-padded, so the chunks of a run sort by where they start. */
    private static String chunkKey(int start) {
        return String.format("lines#%09d", start);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
