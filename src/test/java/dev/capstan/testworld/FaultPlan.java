package dev.capstan.testworld;

import dev.capstan.sandbox.HttpInterposer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which requests the {@link FaultProxy} answers itself, and with what. A request is "distinct" unless it repeats, content
 * for content, one that failed and whose fault has not ended: so the SDK's retries and Capstan's own tries of a failed call
 * meet the same fault, while a poll that asks the same question again later is a new request.
 */
public final class FaultPlan {
    /** What AWS does to a request it will not serve: throttle it (in the service's protocol), fail with 500 or 503, or drop it. */
    public enum Fault { THROTTLE, HTTP_500, HTTP_503, DROP }

    private interface Decision {
        Fault decide(HttpInterposer.Request request, FaultPlan plan);
    }

    private record Failing(Fault fault, int timesLeft, long untilNanos) {
    }

    private final String name;
    private final Decision decision;
    private final Map<String, Failing> failing = new HashMap<>();
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    private int distinct;
    /** Where the count that picks the failing requests starts: an operation of three calls meets a fault too. */
    private int counted;
    private final Map<String, Integer> byService = new java.util.TreeMap<>();
    private volatile boolean lifted;
    private volatile boolean begun;
    private String outageOf;

    private FaultPlan(String name, Decision decision) {
        this(name, decision, 0);
    }

    /** @param counted a plan that fails every n-th request starts counting at n - 1, so its first request already fails */
    private FaultPlan(String name, Decision decision, int counted) {
        this.name = name;
        this.decision = decision;
        this.counted = counted;
    }

    public static FaultPlan none() {
        return new FaultPlan("no faults", (request, plan) -> null);
    }

    /**
     * The first distinct request and every {@code every}-th after it fail once, the faults taking turns: throttling, 500, 503,
     * a dropped connection.
     */
    public static FaultPlan transientFaults(int every) {
        Fault[] turns = Fault.values();
        return new FaultPlan("the first and every " + every + "th request fail once", (request, plan) -> {
            if (plan.counted % every != 0) {
                return null;
            }
            Fault fault = turns[(plan.counted / every - 1) % turns.length];
            plan.failing.put(request.identity(), new Failing(fault, 0, 0));
            return fault;
        }, every - 1);
    }

    /** The first distinct request and every {@code every}-th after it are throttled on every attempt for {@code length}, then pass. */
    public static FaultPlan bursts(int every, Duration length) {
        return new FaultPlan("the first and every " + every + "th request throttled for " + length.toMillis() + " ms", (request, plan) -> {
            if (plan.counted % every != 0) {
                return null;
            }
            plan.failing.put(request.identity(), new Failing(Fault.THROTTLE, Integer.MAX_VALUE, System.nanoTime() + length.toNanos()));
            return Fault.THROTTLE;
        }, every - 1);
    }

    /**
     * From the first request that matches {@code beginsWith} on, every request to that request's service fails with a 503 until
     * {@link #lift()}: that service unavailable for longer than any budget.
     */
    public static FaultPlan outageFrom(Predicate<HttpInterposer.Request> beginsWith) {
        return new FaultPlan("an outage until lifted", (request, plan) -> {
            if (plan.outageOf == null && beginsWith.test(request)) {
                plan.outageOf = request.service();
                plan.begun = true;
            }
            return plan.begun && !plan.lifted && request.service().equals(plan.outageOf) ? Fault.HTTP_503 : null;
        });
    }

    /** The outage ends: every request passes from now on. */
    public void lift() {
        lifted = true;
    }

    /** Whether an outage has begun. */
    public boolean begun() {
        return begun;
    }

    synchronized Fault decide(HttpInterposer.Request request) {
        if (begun && !lifted && request.service().equals(outageOf)) {
            distinct++;
            return count(Fault.HTTP_503);
        }
        Failing known = failing.get(request.identity());
        if (known != null) {
            boolean goesOn = known.timesLeft() > 0 && System.nanoTime() < known.untilNanos();
            if (goesOn) {
                return count(known.fault());
            }
            failing.remove(request.identity());
            return null;
        }
        distinct++;
        counted++;
        byService.merge(request.service(), 1, Integer::sum);
        return count(decision.decide(request, this));
    }

    private Fault count(Fault fault) {
        if (fault != null) {
            injected.merge(fault, 1, Integer::sum);
        }
        return fault;
    }

    /** How many requests the plan answered itself, by fault. */
    public synchronized Map<Fault, Integer> injected() {
        return Map.copyOf(injected);
    }

    public synchronized int total() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized int distinct() {
        return distinct;
    }

    @Override
    public synchronized String toString() {
        return name + ": " + distinct + " distinct requests " + byService + ", faults " + injected;
    }
}
