package dev.capstan.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Finds the line of a path (such as /environments/1/cluster) in a YAML text. Jackson reports where
 * it was when a record refused its values, which is the end of the mapping; a person wants the line
 * of the entry or the field itself, so we walk the tokens once more and stop at the deepest match.
 */
final class YamlLocator {
    private final YAMLFactory factory = new YAMLFactory();

    /** The line of the deepest part of {@code target} present in the text, or 0 if none is. */
    int lineOf(String yaml, JsonPointer target) {
        String wanted = target.toString();
        int bestDepth = -1;
        int bestLine = 0;
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token.isStructEnd()) {
                    continue;
                }
                // A struct start has opened its own context, whose pointer names the element itself; a
                // field name or a scalar is named by the context it sits in. Either way the context knows.
                String here = parser.getParsingContext().pathAsPointer().toString();
                if (isPrefix(here, wanted)) {
                    int depth = here.isEmpty() ? 0 : here.split("/").length;
                    if (depth > bestDepth) {
                        bestDepth = depth;
                        bestLine = parser.currentTokenLocation().getLineNr();
                    }
                }
            }
        } catch (IOException e) {
            return bestLine;
        }
        return bestLine;
    }

    private static boolean isPrefix(String here, String wanted) {
        return wanted.equals(here) || wanted.startsWith(here + "/");
    }
}
