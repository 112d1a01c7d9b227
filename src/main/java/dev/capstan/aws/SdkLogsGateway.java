package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;

public final class SdkLogsGateway implements LogsGateway {
    private final AwsClients clients;

    public SdkLogsGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Page filter(AwsTarget target, String group, String streamPrefix, List<String> streams, long startMillis, String pattern,
                       String nextToken) {
        try {
            FilterLogEventsResponse response = clients.logs(target).filterLogEvents(r -> {
                r.logGroupName(group).startTime(startMillis).limit(10_000);
                if (!streams.isEmpty()) {
                    r.logStreamNames(streams);
                } else if (streamPrefix != null && !streamPrefix.isEmpty()) {
                    r.logStreamNamePrefix(streamPrefix);
                }
                if (pattern != null && !pattern.isBlank()) {
                    r.filterPattern(pattern);
                }
                if (nextToken != null) {
                    r.nextToken(nextToken);
                }
            });
            List<LogEvent> events = response.events().stream()
                    .map(e -> new LogEvent(e.eventId(), e.timestamp(), e.logStreamName(), e.message())).toList();
            String next = response.nextToken();
            return new Page(events, next == null || next.equals(nextToken) ? null : next);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (code.startsWith("Throttling") || code.equals("TooManyRequestsException") || e.statusCode() == 429) {
                throw new ThrottledException("CloudWatch Logs is throttling FilterLogEvents (" + code + ")");
            }
            throw AwsErrors.explain(e, target, "read log group " + group);
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "read log group " + group);
        }
    }
}
