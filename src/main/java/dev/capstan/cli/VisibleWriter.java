package dev.capstan.cli;

import dev.capstan.domain.Visible;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything the CLI prints passes through here: control characters in text from AWS, journals or a workspace (a log line's
 * escape sequences, a carriage return that rewrites a line) are printed as visible escapes, so they never act on the terminal
 * of whoever reads them. New lines and tabs stay; JSON output is unchanged, since JSON escapes its control characters itself.
 */
final class VisibleWriter extends PrintWriter {
    VisibleWriter(Writer out) {
        super(out, true);
    }

    static PrintWriter around(PrintWriter out) {
        return out instanceof VisibleWriter ? out : new VisibleWriter(out);
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        write(new String(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) {
        String part = text.substring(offset, offset + length);
        StringBuilder shown = new StringBuilder(part.length());
        int start = 0;
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) == '\n') {
                shown.append(Visible.text(part.substring(start, i))).append('\n');
                start = i + 1;
            }
        }
        shown.append(Visible.text(part.substring(start)));
        super.write(shown.toString(), 0, shown.length());
    }
}
