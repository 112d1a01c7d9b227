package dev.capstan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandWordsTest {
    @Test
    void theConsolesCommaFormIsSplitOnCommasAndTrimmed() {
        assertThat(CommandWords.split("run,migration:run", CommandSyntax.AUTO)).containsExactly("run", "migration:run");
        assertThat(CommandWords.split("sh, -c, echo hello world", CommandSyntax.AUTO)).containsExactly("sh", "-c", "echo hello world");
        assertThat(CommandWords.resolve("run,migration:run", CommandSyntax.AUTO)).isEqualTo(CommandSyntax.COMMA);
    }

    @Test
    void shellWordsHonourQuotesAndEscapes() {
        assertThat(CommandWords.split("npm run 'migration:run'", CommandSyntax.AUTO)).containsExactly("npm", "run", "migration:run");
        assertThat(CommandWords.split("psql -c \"select 1, 2\"", CommandSyntax.AUTO)).containsExactly("psql", "-c", "select 1, 2");
        assertThat(CommandWords.split("echo \"a \\\"b\\\" \\n\" it\\'s ''", CommandSyntax.SHELL))
                .containsExactly("echo", "a \"b\" \\n", "it's", "");
        assertThat(CommandWords.split("a,b c", CommandSyntax.SHELL)).containsExactly("a,b", "c");
    }

    @Test
    void whatWouldSurpriseIsRefusedWithTheFix() {
        assertThatThrownBy(() -> CommandWords.split("", CommandSyntax.AUTO)).hasMessageContaining("The command is empty");
        assertThatThrownBy(() -> CommandWords.split("run,,x", CommandSyntax.AUTO)).hasMessageContaining("Piece 2 of the comma-separated command is empty");
        assertThatThrownBy(() -> CommandWords.split("echo \"hi", CommandSyntax.AUTO)).hasMessageContaining("The \" at column 6");
        assertThatThrownBy(() -> CommandWords.split("echo hi\\", CommandSyntax.AUTO)).hasMessageContaining("lone backslash");
    }

    @Test
    void environmentOverridesAreNameValueLines() {
        assertThat(EnvironmentOverrides.parse("# comment\nLOG_LEVEL=debug\n\nDSN=postgres://x?a=b\n"))
                .containsExactly(java.util.Map.entry("LOG_LEVEL", "debug"), java.util.Map.entry("DSN", "postgres://x?a=b"));
        assertThatThrownBy(() -> EnvironmentOverrides.parse("A=1\nA=2")).hasMessageContaining("A is given twice (line 2)");
        assertThatThrownBy(() -> EnvironmentOverrides.parse("novalue")).hasMessageContaining("write it as NAME=value");
    }
}
