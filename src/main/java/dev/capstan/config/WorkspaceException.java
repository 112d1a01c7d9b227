package dev.capstan.config;

import java.nio.file.Path;

/** A workspace file that cannot be used, with the place in it and what to fix. */
public class WorkspaceException extends Exception {
    private final Path file;
    private final int line;
    private final String field;

    public WorkspaceException(Path file, int line, String field, String reason) {
        super(format(file, line, field, reason));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String format(Path file, int line, String field, String reason) {
        StringBuilder text = new StringBuilder(file.getFileName().toString());
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            text.append(", ").append(field);
        }
        return text.append(": ").append(reason).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** The path of the field in the file, such as {@code environments[1].cluster}; empty for the whole file. */
    public String field() {
        return field;
    }
}
