package dev.capstan.domain;

/** A task's place in its lifecycle: what ECS last saw and what it is heading for. */
public record TaskState(String arn, String lastStatus, String desiredStatus) {
    public boolean running() {
        return "RUNNING".equals(lastStatus) && "RUNNING".equals(desiredStatus);
    }
}
