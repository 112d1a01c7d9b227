package dev.capstan.ops.bluegreen;

import dev.capstan.domain.LoadBalancerInfo;
import dev.capstan.domain.LoadBalancerSettings;
import dev.capstan.domain.LoadBalancingSnapshot;
import java.util.Optional;

/**
 * Which colour takes the traffic, as blue/green tools that swap ALB rule priorities define it: of the listener's two rules, one forwarding to
 * the blue target group and one to the green, the one with the lower priority number is active.
 */
public record ActiveColour(Colour colour, int bluePriority, int greenPriority) {
    public enum Colour { BLUE, GREEN }

    public Colour idle() {
        return colour == Colour.BLUE ? Colour.GREEN : Colour.BLUE;
    }

    public String sentence() {
        return colour + " is active: its rule has priority " + (colour == Colour.BLUE ? bluePriority : greenPriority) + ", "
                + idle().name().toLowerCase(java.util.Locale.ROOT) + "'s " + (colour == Colour.BLUE ? greenPriority : bluePriority)
                + " (the lower number wins).";
    }

    /** Empty when the listener or either colour's rule is missing; {@link #explainMissing} says which. */
    public static Optional<ActiveColour> of(LoadBalancerSettings settings, LoadBalancingSnapshot snapshot) {
        Optional<LoadBalancerInfo.Listener> listener = listener(settings, snapshot);
        if (listener.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> blue = priority(listener.get(), settings.blueTargetGroupArn());
        Optional<Integer> green = priority(listener.get(), settings.greenTargetGroupArn());
        if (blue.isEmpty() || green.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ActiveColour(blue.get() < green.get() ? Colour.BLUE : Colour.GREEN, blue.get(), green.get()));
    }

    public static String explainMissing(LoadBalancerSettings settings, LoadBalancingSnapshot snapshot) {
        Optional<LoadBalancerInfo.Listener> listener = listener(settings, snapshot);
        if (listener.isEmpty()) {
            return "The listener " + settings.listenerArn() + " the workspace names was not found.";
        }
        if (priority(listener.get(), settings.blueTargetGroupArn()).isEmpty()) {
            return "No rule of the listener forwards to the blue target group.";
        }
        return "No rule of the listener forwards to the green target group.";
    }

    private static Optional<LoadBalancerInfo.Listener> listener(LoadBalancerSettings settings, LoadBalancingSnapshot snapshot) {
        return snapshot.loadBalancers().stream().flatMap(lb -> lb.listeners().stream())
                .filter(l -> l.arn().equals(settings.listenerArn())).findFirst();
    }

    /** The lowest priority among the non-default rules that forward to the target group. */
    private static Optional<Integer> priority(LoadBalancerInfo.Listener listener, String targetGroupArn) {
        return listener.rules().stream().filter(r -> !r.isDefault())
                .filter(r -> r.forwards().stream().anyMatch(f -> f.targetGroupArn().equals(targetGroupArn)))
                .map(LoadBalancerInfo.Rule::order).min(Integer::compare);
    }
}
