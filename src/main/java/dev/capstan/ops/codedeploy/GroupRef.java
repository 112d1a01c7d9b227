package dev.capstan.ops.codedeploy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CodeDeployGroup;

/** A CodeDeploy application and deployment group by name, as a request journals them; read from CodeDeploy when a step runs. */
record GroupRef(String application, String name) {
    CodeDeployGroup read(CodeDeployServices services, AwsTarget target) {
        return services.codeDeploy().group(target, application, name);
    }

    String label() {
        return application + " / " + name;
    }
}
