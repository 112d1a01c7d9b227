package dev.capstan.domain;

/**
 * Text from outside (AWS, a journal, a workspace, what someone typed) made safe to show: control characters become visible
 * escapes (ESC as {@code \e}, other C0 and C1 controls and DEL as {@code \xNN} or {@code \u0085}), so a log line cannot set a
 * terminal's title, clear its screen or rewrite what was printed above. Tabs stay.
 */
public final class Visible {
    private Visible() {
    }

    public static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? value : out.toString();
    }

    /** As {@link #text(String)}, cut to {@code max} characters with an ellipsis: for a value quoted in a sentence. */
    public static String quoted(String value, int max) {
        String shown = text(value == null ? "" : value);
        return "'" + (shown.length() > max ? shown.substring(0, max) + "…" : shown) + "'";
    }

    private static String escape(char c) {
        if (c == '\t') {
            return null;
        }
        if (c == 0x1b) {
            return "\\e";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", (int) c);
        }
        if (c >= 0x80 && c <= 0x9f) {
            return String.format("\\u%04x", (int) c);
        }
        // Right-to-left and other bidirectional controls reorder what follows them on screen.
        if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
