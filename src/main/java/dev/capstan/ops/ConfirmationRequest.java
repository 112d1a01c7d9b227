package dev.capstan.ops;

import dev.capstan.domain.Environment;

/**
 * What a person is asked before a run starts or resumes: the plan, and whether the environment's
 * name must be typed (a production environment) rather than a plain yes.
 */
public record ConfirmationRequest(String verb, Environment environment, Plan plan, boolean typedNameRequired) {
    public static ConfirmationRequest of(String verb, Environment environment, Plan plan) {
        return new ConfirmationRequest(verb, environment, plan, environment.production() && plan.changesAnything());
    }

    /** Throws {@link NotConfirmedException} unless the decision is a yes that fits the risk. */
    public void check(Decision decision) {
        if (decision == null || !decision.approved()) {
            throw new NotConfirmedException("Not confirmed; nothing was changed.");
        }
        if (typedNameRequired && !environment.name().equals(decision.typedName())) {
            throw new NotConfirmedException(environment.name() + " is a production environment: type its name, "
                    + environment.name() + ", to confirm. Nothing was changed.", environment.name());
        }
    }
}
