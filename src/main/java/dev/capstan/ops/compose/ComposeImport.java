package dev.capstan.ops.compose;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.taskdefs.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * Registers the task definition made from a compose file as the next revision of its family, then says how it differs from
 * the revision before it. It changes no service: a deploy or a branch environment puts the revision to use.
 */
public final class ComposeImport implements Operation {
    public static final String TYPE = "compose.import";
    /** The tag by which a resumed run finds the revision it registered before it could journal it. */
    static final String RUN_TAG = "capstan:run";

    private final Environment environment;
    private final ComposeImportRequest request;
    private final ComposeImports services;

    ComposeImport(Environment environment, ComposeImportRequest request, ComposeImports services) {
        this.environment = environment;
        this.request = request;
        this.services = services;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        Path file = Path.of(request.source()).getFileName();
        return "Import " + (file == null ? request.source() : file) + " as " + family() + " on " + environment.name();
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public ComposeImportRequest request() {
        return request;
    }

    @Override
    public List<Step> steps() {
        return List.of(new ReadFamily(this), new RegisterRevision(this), new CompareWithPrevious(this));
    }

    @Override
    public List<String> warnings() {
        return request.findings().stream().filter(f -> f.severity() != Finding.Severity.OK).map(Finding::sentence).toList();
    }

    String family() {
        return request.taskDefinition().family();
    }

    AwsTarget target() {
        return services.targets().of(environment);
    }

    ComposeImports services() {
        return services;
    }
}
