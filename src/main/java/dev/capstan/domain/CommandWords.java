package dev.capstan.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a typed command into the JSON array a container override sends. Refuses what would surprise
 * the person at the other end: an empty command, an empty comma piece, an unclosed quote.
 */
public final class CommandWords {
    private CommandWords() {
    }

    /** The syntax AUTO settles on for this text. */
    public static CommandSyntax resolve(String text, CommandSyntax syntax) {
        if (syntax != CommandSyntax.AUTO) {
            return syntax;
        }
        boolean quoted = text.indexOf('\'') >= 0 || text.indexOf('"') >= 0;
        return text.indexOf(',') >= 0 && !quoted ? CommandSyntax.COMMA : CommandSyntax.SHELL;
    }

    /** The most a container override can hold (ECS limits a task's overrides to 8192 characters). */
    static final int MAX_LENGTH = 8192;

    /**
     * Command words as they come back from a journal or a runbook: the same limits as typed ones (no control characters, at most
     * {@link #MAX_LENGTH} characters in all).
     *
     * @throws IllegalArgumentException with the reason and the fix
     */
    public static List<String> requireWords(List<String> words) {
        String all = String.join(" ", words);
        if (all.length() > MAX_LENGTH || !Visible.text(all).equals(all)) {
            throw new IllegalArgumentException("The command " + Visible.quoted(all, 80) + " holds control characters or is longer than "
                    + MAX_LENGTH + " characters; ECS takes neither.");
        }
        return words;
    }

    /** @throws IllegalArgumentException with the reason and the fix */
    public static List<String> split(String text, CommandSyntax syntax) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The command is empty; type the command the container should run, such as run,migration:run.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The command is " + text.length() + " characters long; ECS takes at most " + MAX_LENGTH
                    + " for a container's overrides. Shorten it, or put the work in a script in the image.");
        }
        if (!Visible.text(text).equals(text)) {
            throw new IllegalArgumentException("The command " + Visible.quoted(text, 80) + " holds control characters (shown escaped); type it "
                    + "on one line with printable characters only.");
        }
        return resolve(text, syntax) == CommandSyntax.COMMA ? commaPieces(text) : shellWords(text);
    }

    private static List<String> commaPieces(String text) {
        List<String> words = new ArrayList<>();
        String[] pieces = text.split(",", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i].trim();
            if (piece.isEmpty()) {
                throw new IllegalArgumentException("Piece " + (i + 1) + " of the comma-separated command is empty; remove the extra comma"
                        + " (write run,migration:run), or switch to shell words if a comma belongs inside a word.");
            }
            words.add(piece);
        }
        return words;
    }

    private static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    throw unclosed('\'', i);
                }
                word.append(text, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(text, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new IllegalArgumentException("The command ends with a lone backslash; remove it or write \\\\ for a backslash.");
                }
                word.append(text.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Reads "…" starting at {@code open}; inside, a backslash escapes only what a shell lets it escape. Returns the index after the close. */
    private static int doubleQuoted(String text, int open, StringBuilder word) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw unclosed('"', open);
    }

    private static IllegalArgumentException unclosed(char quote, int at) {
        return new IllegalArgumentException("The " + quote + " at column " + (at + 1) + " of the command is never closed; close it with another "
                + quote + ", or use comma-separated pieces (run,migration:run) instead of shell words.");
    }
}
