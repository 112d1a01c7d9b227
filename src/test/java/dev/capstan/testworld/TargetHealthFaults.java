package dev.capstan.testworld;

import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Test-only SDK interceptor that makes chosen targets fail their health checks, as a real ALB reports a
 * target whose app answers 502. moto calls every registered target healthy at once, and no API says otherwise.
 */
public final class TargetHealthFaults implements ExecutionInterceptor {
    public static final String FAILED_CHECKS = "Health checks failed with these codes: [502]";
    private volatile Predicate<String> unhealthy = id -> false;

    /** From now on, targets whose id (an IP, or an instance id) matches report unhealthy with a 502 reason. */
    public void failChecksOf(Predicate<String> targetId) {
        unhealthy = targetId;
    }

    public void clear() {
        unhealthy = id -> false;
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof DescribeTargetHealthResponse response)) {
            return context.response();
        }
        Predicate<String> now = unhealthy;
        return response.toBuilder().targetHealthDescriptions(response.targetHealthDescriptions().stream()
                .map(d -> now.test(d.target().id()) ? sick(d) : d).toList()).build();
    }

    private static TargetHealthDescription sick(TargetHealthDescription d) {
        return d.toBuilder().targetHealth(h -> h.state(TargetHealthStateEnum.UNHEALTHY).reason(TargetHealthReasonEnum.TARGET_RESPONSE_CODE_MISMATCH)
                .description(FAILED_CHECKS)).build();
    }
}
