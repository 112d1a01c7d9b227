package dev.capstan.ops.taskdefs;

/** One thing a check found, in one plain sentence with the fix. */
public record Finding(Severity severity, String sentence) {
    /** CHANGED: a translation (such as a compose import) changed what the source meant, and says why. */
    public enum Severity { BLOCKER, WARNING, CHANGED, OK }
}
