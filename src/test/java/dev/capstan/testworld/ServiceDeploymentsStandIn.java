package dev.capstan.testworld;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Test-only SDK interceptor that answers ECS's service deployment calls, which moto has not got (it answers them with a bare 404):
 * ListServiceDeployments and DescribeServiceDeployments report one deployment with the status the test sets, and
 * StopServiceDeployment is taken and handed to the test, which then does what ECS would (sends the service back). Shaped as the ECS
 * API reference gives the answers. Off until a test sets a status.
 */
public final class ServiceDeploymentsStandIn implements ExecutionInterceptor {
    private static final Set<String> ANSWERED = Set.of("ListServiceDeployments", "DescribeServiceDeployments", "StopServiceDeployment");
    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:service-deployment/test-cluster/test-service/stand-in";
    private volatile String status;
    private volatile Runnable onStop = () -> { };

    /** From now on the service's newest deployment has this status (IN_PROGRESS, SUCCESSFUL, ROLLBACK_SUCCESSFUL…). */
    public void report(String deploymentStatus) {
        status = deploymentStatus;
    }

    /** What ECS does when asked to stop the deployment with ROLLBACK (send the service back, report the rollback): the test's stand-in. */
    public void onStop(Runnable rollBack) {
        onStop = rollBack;
    }

    public void clear() {
        status = null;
        onStop = () -> { };
    }

    private boolean answers(ExecutionAttributes attributes) {
        return status != null && ANSWERED.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!answers(attributes)) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder().statusCode(200).statusText("OK").build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!answers(attributes)) {
            return context.responseBody();
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String body;
        if ("StopServiceDeployment".equals(operation)) {
            onStop.run();
            body = "{\"serviceDeploymentArn\":\"" + ARN + "\"}";
        } else {
            // Created a moment from now: after whatever rollout the test has just begun.
            long created = Instant.now().plusSeconds(1).getEpochSecond();
            body = "{\"serviceDeployments\":[{\"serviceDeploymentArn\":\"" + ARN + "\",\"status\":\"" + status + "\",\"createdAt\":" + created + "}]"
                    + ("DescribeServiceDeployments".equals(operation) ? ",\"failures\":[]" : "") + "}";
        }
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
