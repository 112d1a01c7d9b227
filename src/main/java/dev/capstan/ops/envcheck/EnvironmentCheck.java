package dev.capstan.ops.envcheck;

import dev.capstan.aws.AwsProblem;
import dev.capstan.aws.EstateProbe;
import dev.capstan.aws.IdentityGateway;
import dev.capstan.aws.ProfileCatalog;
import dev.capstan.db.DatabaseProbe;
import dev.capstan.domain.AwsProfile;
import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CallerIdentity;
import dev.capstan.domain.CheckResult;
import dev.capstan.domain.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an environment of the workspace against the world, field by field: the profile exists and
 * authenticates, then every AWS resource and the database it names. Only reads.
 */
public final class EnvironmentCheck {
    private final ProfileCatalog profiles;
    private final IdentityGateway identity;
    private final EstateProbe estate;
    private final DatabaseProbe database;

    public EnvironmentCheck(ProfileCatalog profiles, IdentityGateway identity, EstateProbe estate, DatabaseProbe database) {
        this.profiles = profiles;
        this.identity = identity;
        this.estate = estate;
        this.database = database;
    }

    public List<CheckResult> run(Environment environment) {
        List<CheckResult> results = new ArrayList<>();
        Optional<AwsProfile> profile = profiles.profile(environment.profile());
        if (profile.isEmpty()) {
            results.add(CheckResult.failed("profile", environment.profile(), "no such profile in " + profiles.configFile()
                    + " or " + profiles.credentialsFile() + "; add it with aws configure --profile " + environment.profile()));
        } else {
            AwsTarget target = AwsTarget.of(environment, profile.get());
            try {
                CallerIdentity who = identity.callerIdentity(target);
                results.add(CheckResult.ok("profile", environment.profile(), "signed in as " + who.arn()));
                results.addAll(estate.check(environment, target));
            } catch (AwsProblem e) {
                results.add(CheckResult.failed("profile", environment.profile(), e.getMessage()));
            }
        }
        results.add(environment.database() == null ? CheckResult.notSet("database") : database.check(environment.database()));
        return results;
    }

    public static boolean allPassed(List<CheckResult> results) {
        return results.stream().noneMatch(r -> r.status() == CheckResult.Status.FAILED);
    }
}
