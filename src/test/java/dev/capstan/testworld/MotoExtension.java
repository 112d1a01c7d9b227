package dev.capstan.testworld;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts a moto_server on a free loopback port for the test class, resets it before each test, and injects the {@link MotoWorld}. */
public final class MotoExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        MotoWorld world = new MotoWorld(Files.createTempDirectory("capstan-moto-"));
        context.getStore(NAMESPACE).put(context.getRequiredTestClass(), world);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        world(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MotoWorld world = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), MotoWorld.class);
        if (world != null) {
            world.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoWorld.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return world(context);
    }

    private static MotoWorld world(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(context.getRequiredTestClass(), MotoWorld.class);
    }
}
