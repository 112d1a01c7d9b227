package dev.capstan.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Environment variables to override in a one-off task, typed one NAME=value per line (or per --env-var). */
public final class EnvironmentOverrides {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvironmentOverrides() {
    }

    /** Blank lines and lines starting with # are skipped. */
    public static Map<String, String> parse(String lines) {
        Map<String, String> values = new LinkedHashMap<>();
        if (lines == null) {
            return values;
        }
        String[] all = lines.split("\\R");
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Map.Entry<String, String> entry = entry(line, "line " + (i + 1));
            if (values.put(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalArgumentException("Environment variable " + entry.getKey() + " is given twice (line " + (i + 1) + "); keep one.");
            }
        }
        return values;
    }

    /** One NAME=value; {@code where} says where it was typed, for the error. */
    public static Map.Entry<String, String> entry(String text, String where) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("Environment override '" + text + "' (" + where + ") has no NAME=; write it as NAME=value.");
        }
        String name = text.substring(0, equals).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(Visible.quoted(name, 80) + " (" + where + ") is not an environment variable name; use letters, digits and _,"
                    + " not starting with a digit.");
        }
        return Map.entry(name, text.substring(equals + 1));
    }
}
