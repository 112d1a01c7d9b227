package dev.capstan.ops;

import dev.capstan.aws.AwsClientSettings;
import dev.capstan.aws.AwsClients;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.domain.Environment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The process the crash test kills: it starts a ledger run with the engine wired as in the app and
 * waits for it. Arguments: runs folder, ledger file, AWS config, AWS credentials, endpoint, lock table.
 */
public final class LedgerChild {
    private LedgerChild() {
    }

    public static void main(String[] args) throws Exception {
        ProfileCatalog catalog = new ProfileCatalog(Path.of(args[2]), Path.of(args[3]));
        try (AwsClients clients = new AwsClients(catalog, AwsClientSettings.forLocalStandIn());
             EngineWorld engine = new EngineWorld(clients, catalog, Path.of(args[0]), "child@test-host")) {
            Environment environment = EngineWorld.plainEnvironment("ledger-crash", args[4], false, args[5]);
            LedgerOperation ledger = new LedgerOperation(environment, Path.of(args[1]));
            RunRecord run = engine.runner.start(ledger, engine.runner.plan(ledger), Decision.yes(), RunListener.NONE)
                    .finished().get(5, TimeUnit.MINUTES);
            System.out.println("finished " + run.outcome());
        }
    }
}
