package dev.capstan.testworld;

import dev.capstan.sandbox.HttpInterposer;
import java.io.IOException;

/**
 * A loopback HTTP/1.1 proxy in front of the AWS stand-in that answers some requests itself, as AWS does when it throttles,
 * fails on its side or drops a connection: the SDK's own retries and Capstan's then meet the faults on the wire, with the
 * clients built exactly as for AWS. What fails is decided by a {@link FaultPlan}; every other request goes to the stand-in
 * as it came. Faults are answered in the protocol of the service called (JSON, Query, EC2, S3), which the proxy tells from
 * the request's signature and content type.
 */
public final class FaultProxy implements AutoCloseable {
    private final HttpInterposer proxy;
    private volatile FaultPlan plan = FaultPlan.none();

    private FaultProxy(String upstream) throws IOException {
        this.proxy = HttpInterposer.inFrontOf(upstream, (request, out) -> {
            FaultPlan.Fault fault = plan.decide(request);
            if (fault == null) {
                return HttpInterposer.Answer.PASS;
            }
            if (fault == FaultPlan.Fault.DROP) {
                return HttpInterposer.Answer.CLOSE;
            }
            out.write(FaultAnswers.answer(fault, request));
            out.flush();
            return HttpInterposer.Answer.ANSWERED;
        });
    }

    /** A proxy on a free loopback port in front of the stand-in at {@code upstream} (http://host:port). */
    public static FaultProxy inFrontOf(String upstream) throws IOException {
        return new FaultProxy(upstream);
    }

    public String endpoint() {
        return proxy.endpoint();
    }

    /** From now on, faults as the plan decides (and it counts what it did). */
    public void use(FaultPlan plan) {
        this.plan = plan;
    }

    public FaultPlan plan() {
        return plan;
    }

    @Override
    public void close() {
        proxy.close();
    }

    /** For the log of a failed test: what the plan did. */
    @Override
    public String toString() {
        return proxy + ": " + plan;
    }
}
