package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.LogEvent;
import java.util.List;

/**
 * CloudWatch Logs Live Tail: a session that pushes a log group's new lines about once a second, filtered on AWS's side,
 * until it is closed or AWS ends it (after three hours). What the session sends arrives on the SDK's threads.
 */
public interface LiveTailGateway {
    /**
     * Asks for a session; the answer comes to the listener: {@link Listener#started()} once AWS accepted it, or
     * {@link Listener#ended} with the refusal.
     *
     * @param streamPrefix only streams whose names start so (null: all); ignored when {@code streams} is not empty
     * @param pattern      a CloudWatch filter pattern applied by the server, or null
     */
    Session start(AwsTarget target, String group, String streamPrefix, List<String> streams, String pattern, Listener listener);

    interface Listener {
        void started();

        /** @param sampled AWS sent only a sample: more than 500 matching lines a second */
        void update(List<LogEvent> events, boolean sampled);

        /**
         * The session is over. {@code problem} is null when it ended as sessions end (AWS's three-hour limit, or the stream
         * completed); otherwise it says why AWS refused or broke it.
         */
        void ended(AwsProblem problem);
    }

    interface Session extends AutoCloseable {
        @Override
        void close();
    }
}
