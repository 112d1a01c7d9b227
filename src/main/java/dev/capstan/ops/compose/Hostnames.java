package dev.capstan.ops.compose;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another compose service's name used as a host in a value ("db", "postgres://app@db:5432/app", "http://api:8080/"):
 * on compose's network it resolves to that container; in an awsvpc task the containers share one network
 * namespace, so the same container is reached on localhost.
 */
final class Hostnames {
    private final Set<String> hosts;

    Hostnames(Set<String> hosts) {
        this.hosts = Set.copyOf(hosts);
    }

    /** The host a value names, of those known; null when it names none. */
    String hostIn(String value) {
        for (String host : hosts) {
            if (pattern(host).matcher(value).find()) {
                return host;
            }
        }
        return null;
    }

    /** The value with each known host (as a whole host: alone, after // or @, before :, / or ?) replaced by localhost. */
    String rewrite(String value) {
        String result = value;
        for (String host : hosts) {
            result = pattern(host).matcher(result).replaceAll(Matcher.quoteReplacement("localhost"));
        }
        return result;
    }

    private static Pattern pattern(String host) {
        return Pattern.compile("(?<=^|//|@|,)" + Pattern.quote(host) + "(?=$|[:/?,])");
    }
}
