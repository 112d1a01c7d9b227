package dev.capstan.ops.taskdefs;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names of environment variables whose values should not be shown until asked. */
public final class SecretNames {
    private static final Pattern SECRET = Pattern.compile("PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL");

    private SecretNames() {
    }

    public static boolean looksSecret(String name) {
        return SECRET.matcher(name.toUpperCase(Locale.ROOT)).find();
    }

    public static String mask(String name, String value, boolean reveal) {
        return reveal || !looksSecret(name) ? value : "••••••••";
    }
}
