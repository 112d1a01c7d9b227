package dev.capstan.ops.taskdefs;

/** One thing a check found, in one plain sentence with the fix. */
public record Finding(Severity severity, String sentence) {
    public enum Severity { BLOCKER, WARNING, OK }
}
