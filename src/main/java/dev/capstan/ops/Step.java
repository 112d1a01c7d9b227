package dev.capstan.ops;

/**
 * One step of an operation. {@link #preview()} only reads. {@link #run(StepContext)} looks at the live
 * state first and does only what is still missing, so running it again after a crash does nothing twice.
 */
public interface Step {
    /** Stable across versions of a plan: the journal refers to steps by it. */
    String id();

    StepKind kind();

    StepPreview preview() throws Exception;

    /** Does the step and returns a sentence that says what happened ("Desired count is now 4"). */
    String run(StepContext context) throws Exception;
}
