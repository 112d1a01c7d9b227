package dev.capstan.domain;

/**
 * How ECS deploys a service it controls (deploymentConfiguration.strategy): ROLLING, or its own BLUE_GREEN, LINEAR and CANARY
 * with their bake time, and for LINEAR and CANARY the share of traffic each step moves and how long each step bakes.
 */
public record DeploymentStrategy(String name, int bakeMinutes, Double stepPercent, Integer stepBakeMinutes) {
    public static final DeploymentStrategy ROLLING = new DeploymentStrategy("ROLLING", 0, null, null);

    public DeploymentStrategy {
        name = name == null || name.isBlank() ? "ROLLING" : name;
    }

    public boolean rolling() {
        return "ROLLING".equals(name);
    }

    public boolean canary() {
        return "CANARY".equals(name);
    }

    public boolean linear() {
        return "LINEAR".equals(name);
    }

    /** "CANARY 10% (5 min), bake 10 min", for a line on the Deploys page. */
    public String describe() {
        if (rolling()) {
            return "rolling";
        }
        String step = stepPercent == null ? "" : " " + (stepPercent % 1 == 0 ? String.valueOf(stepPercent.intValue()) : String.valueOf(stepPercent))
                + "% (" + stepBakeMinutes + " min)";
        return name + step + ", bake " + bakeMinutes + " min";
    }
}
