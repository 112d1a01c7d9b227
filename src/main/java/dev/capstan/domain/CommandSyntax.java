package dev.capstan.domain;

/** How a typed container command is split into the words ECS receives. */
public enum CommandSyntax {
    /** Comma-separated when the text has a comma and no quotes, the way the AWS console's override field reads it; shell words otherwise. */
    AUTO,
    /** The AWS console's way: {@code run,migration:run}; each piece is trimmed. */
    COMMA,
    /** Words split on spaces, with '…' and "…" quoting and backslash escapes, as a POSIX shell reads them. */
    SHELL
}
