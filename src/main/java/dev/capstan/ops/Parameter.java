package dev.capstan.ops;

/**
 * One word an operation takes, as a person writes it in a runbook's {@code with:} and on the command line
 * ({@code --name}): what it means and, where it has one, its default. Declared once, with its operation.
 *
 * @param defaultValue the value when none is given, as it would be typed ("60m"); null when there is none
 * @param required     whether the operation cannot be built without it (a required word has no default)
 */
public record Parameter(String name, String help, String defaultValue, boolean required) {
    public Parameter {
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("A required parameter has no default: " + name);
        }
    }

    public static Parameter required(String name, String help) {
        return new Parameter(name, help, null, true);
    }

    public static Parameter optional(String name, String help) {
        return new Parameter(name, help, null, false);
    }

    public static Parameter withDefault(String name, String help, String defaultValue) {
        return new Parameter(name, help, defaultValue, false);
    }
}
