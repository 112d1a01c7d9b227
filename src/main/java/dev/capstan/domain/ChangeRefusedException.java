package dev.capstan.domain;

/**
 * A change was refused before it left the process because the environment or profile is marked read-only.
 * The AWS and database gateways throw it; nothing has been changed when it arrives.
 */
public final class ChangeRefusedException extends RuntimeException {
    public ChangeRefusedException(String message) {
        super(message);
    }
}
