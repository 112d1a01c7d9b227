package dev.capstan.ops.branch;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;

/** What a create and a destroy of one branch environment share: the environment, the branch's name, and the names and tag made of them. */
abstract class BranchOperation implements Operation {
    private final Environment environment;
    private final String name;
    private final BranchServices services;

    BranchOperation(Environment environment, String name, BranchServices services) {
        this.environment = environment;
        this.name = name;
        this.services = services;
    }

    @Override
    public final Environment environment() {
        return environment;
    }

    String serviceName() {
        return BranchNames.service(environment.service(), name);
    }

    String targetGroupName() {
        return BranchNames.targetGroup(environment.service(), name);
    }

    /** The value of {@link BranchNames#BRANCH} on each of the branch's resources. */
    String branchTag() {
        return BranchNames.tag(environment.name(), name);
    }

    AwsTarget target() {
        return services.targets().of(environment);
    }

    BranchServices services() {
        return services;
    }
}
