package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionUpdate;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.SessionTimeoutException;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseHandler;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseStream;

public final class SdkLiveTailGateway implements LiveTailGateway {
    private final AwsClients clients;

    public SdkLiveTailGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Session start(AwsTarget target, String group, String streamPrefix, List<String> streams, String pattern, Listener listener) {
        String arn = groupArn(target, group);
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        AtomicBoolean over = new AtomicBoolean();
        // The SDK may call onError more than once, and after onComplete: the listener hears of the end once.
        Consumer<AwsProblem> end = problem -> {
            if (over.compareAndSet(false, true)) {
                listener.ended(problem);
            }
        };
        StartLiveTailResponseHandler.Visitor visitor = StartLiveTailResponseHandler.Visitor.builder()
                .onSessionStart(start -> listener.started())
                .onSessionUpdate(update -> listener.update(events(update), Boolean.TRUE.equals(update.sessionMetadata() == null
                        ? null : update.sessionMetadata().sampled())))
                .build();
        StartLiveTailResponseHandler handler = StartLiveTailResponseHandler.builder()
                .onEventStream(publisher -> publisher.subscribe(new Subscriber<StartLiveTailResponseStream>() {
                    @Override
                    public void onSubscribe(Subscription s) {
                        subscription.set(s);
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(StartLiveTailResponseStream event) {
                        event.accept(visitor);
                    }

                    @Override
                    public void onError(Throwable t) {
                        end.accept(problem(t, target, group));
                    }

                    @Override
                    public void onComplete() {
                        end.accept(null);
                    }
                }))
                .onError(t -> end.accept(problem(t, target, group)))
                .onComplete(() -> end.accept(null))
                .build();
        CompletableFuture<Void> call = clients.logsStreaming(target).startLiveTail(r -> {
            r.logGroupIdentifiers(arn);
            if (!streams.isEmpty()) {
                r.logStreamNames(streams);
            } else if (streamPrefix != null && !streamPrefix.isEmpty()) {
                r.logStreamNamePrefixes(streamPrefix);
            }
            if (pattern != null && !pattern.isBlank()) {
                r.logEventFilterPattern(pattern);
            }
        }, handler);
        return () -> {
            over.set(true);
            Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
            call.cancel(true);
        };
    }

    /** Live Tail names log groups by ARN; the ARN comes from AWS, so it holds in any account, partition and region. */
    private String groupArn(AwsTarget target, String group) {
        try {
            LogGroup found = clients.logs(target).describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream()
                    .filter(g -> group.equals(g.logGroupName())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("There is no log group " + group + " in " + target.region() + "."));
            if (found.logGroupArn() != null) {
                return found.logGroupArn();
            }
            // Older answers give only the ARN that ends ":*" (every stream); Live Tail wants the group's own.
            String arn = found.arn();
            return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsErrors.explain(e, target, "find log group " + group);
        }
    }

    private static List<LogEvent> events(LiveTailSessionUpdate update) {
        return update.sessionResults().stream().map(SdkLiveTailGateway::event).toList();
    }

    /** Live Tail gives no event id: the stream, the time and the text are the event's identity. */
    private static LogEvent event(LiveTailSessionLogEvent e) {
        long timestamp = e.timestamp() == null ? 0 : e.timestamp();
        return new LogEvent(null, timestamp, e.logStreamName(), e.message());
    }

    /** A session that AWS ended at its time limit is not a problem: the follower starts the next one. */
    private static AwsProblem problem(Throwable t, AwsTarget target, String group) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof SessionTimeoutException) {
            return null;
        }
        return AwsErrors.explain(cause, target, "tail log group " + group + " live");
    }
}
