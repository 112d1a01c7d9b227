package dev.capstan.domain;

/** How a typed container command is split into the words ECS receives. */
public enum CommandSyntax {
    /** Comma-separated when the text has a comma and no quotes, the way the AWS console's override field reads it; shell words otherwise. */
    AUTO,
    /** The AWS console's way: {@code run,migration:run}; each piece is trimmed. */
    COMMA,
    /** Words split on spaces, with '…' and "…" quoting and backslash escapes, as a POSIX shell reads them. */
    SHELL;

    /** auto, comma or shell, as typed; anything else is refused with the words that are known. */
    public static CommandSyntax parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Command syntax '" + text + "' is not known; use auto, comma or shell.");
        }
    }
}
