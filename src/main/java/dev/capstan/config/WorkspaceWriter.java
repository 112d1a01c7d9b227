package dev.capstan.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.domain.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a workspace file in the same shape {@link WorkspaceLoader} reads. */
public final class WorkspaceWriter {
    private final ObjectMapper mapper = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public void write(Path file, String comment, List<Environment> environments) throws IOException {
        String yaml = mapper.writeValueAsString(Map.of("environments", environments));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "# " + comment + "\n" + yaml);
    }
}
