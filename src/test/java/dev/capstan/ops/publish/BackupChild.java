package dev.capstan.ops.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.ops.Decision;
import dev.capstan.ops.EngineWorld;
import dev.capstan.ops.Operation;
import dev.capstan.ops.RunListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;

/**
 * The console the copy resume test kills half-way through a backup: it sends exactly the given number of
 * CopyObject requests (any copy beyond them waits at the gate) and dies (halt, no shutdown hooks: as good
 * as SIGKILL for the journal and the lock) as soon as the last of them is answered. Arguments: runs
 * folder, AWS config, AWS credentials, endpoint, the operation's type, its parameters as JSON, and the
 * number of copies to let through.
 */
public final class BackupChild {
    private BackupChild() {
    }

    public static void main(String[] args) throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(Path.of(args[1]), Path.of(args[2]));
        Map<String, String> parameters = new ObjectMapper().readValue(args[5], new TypeReference<Map<String, String>>() { });
        CopyGate gate = new CopyGate(Integer.parseInt(args[6]));
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn().withInterceptor(gate));
             EngineWorld engine = new EngineWorld(clients, catalog, Path.of(args[0]), "child@test-host")) {
            Operation operation = engine.fromFlat(args[4], EngineWorld.plainEnvironment("copy-crash", args[3], false, null), parameters);
            engine.runner.start(operation, engine.runner.plan(operation), Decision.yes(), RunListener.NONE).finished().get(5, TimeUnit.MINUTES);
            System.out.println("finished without dying");
        }
    }

    /** Lets {@code allowed} copies onto the wire and holds the rest; halts the process once all of those are answered. */
    private static final class CopyGate implements ExecutionInterceptor {
        private final Semaphore passes;
        private final AtomicInteger answered = new AtomicInteger();
        private final int allowed;

        CopyGate(int allowed) {
            this.allowed = allowed;
            this.passes = new Semaphore(allowed);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof CopyObjectRequest && !passes.tryAcquire()) {
                while (true) {
                    LockSupport.park(this); // held until the process dies: this copy never leaves
                }
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof CopyObjectRequest && answered.incrementAndGet() == allowed) {
                System.out.println("copies answered " + allowed);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
