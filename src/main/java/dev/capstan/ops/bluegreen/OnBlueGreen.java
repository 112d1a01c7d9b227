package dev.capstan.ops.bluegreen;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;

/** What the steps deploys and rollbacks share need from their operation. */
interface OnBlueGreen {
    Environment environment();

    AwsTarget target();

    BlueGreenServices services();

    BlueGreenReader reader();

    default String cluster() {
        return environment().cluster();
    }

    default String service() {
        return environment().service();
    }
}
