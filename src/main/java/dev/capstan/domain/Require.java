package dev.capstan.domain;

/** Invariant checks for the records read from a workspace; messages start with the field so a reader can point at it. */
final class Require {
    private Require() {
    }

    static String text(String value, String field, String hint) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is missing; " + hint);
        }
        return value.strip();
    }

    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
