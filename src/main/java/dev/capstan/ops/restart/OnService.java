package dev.capstan.ops.restart;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;

/** What the steps that put counts back need from the operation they belong to: a restart, or putting a restart's counts back. */
interface OnService {
    Environment environment();

    AwsTarget target();

    RestartServices services();

    default String serviceName() {
        return environment().service();
    }

    default int desiredCount() {
        return services().ecs().service(target(), environment().cluster(), serviceName()).desiredCount();
    }
}
