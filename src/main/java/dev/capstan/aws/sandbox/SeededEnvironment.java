package dev.capstan.aws.sandbox;

import java.util.List;
import java.util.Map;

/** The identifiers AWS (or moto) gave the resources of a seeded environment, for the workspace and the database. */
public record SeededEnvironment(EnvironmentSpec spec, List<String> subnets, List<String> securityGroups, String listenerArn,
                                String blueTargetGroupArn, String greenTargetGroupArn, Map<String, String> regionUris) {
}
