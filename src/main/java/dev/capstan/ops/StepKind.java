package dev.capstan.ops;

/** What a step does to the world, so a person can see at a glance which steps change something. */
public enum StepKind {
    /** Only looks, and may remember what it saw for later steps. */
    READ,
    /** Changes something in AWS or the database. */
    CHANGE,
    /** Waits for the world to reach a state, with a timeout. */
    WAIT,
    /** Something a person does and ticks. */
    MANUAL
}
