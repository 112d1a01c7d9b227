package dev.capstan.domain;

/** The ALB listener and the two target groups behind which blue/green colours run. */
public record LoadBalancerSettings(String listenerArn, String blueTargetGroupArn, String greenTargetGroupArn) {
    public LoadBalancerSettings {
        listenerArn = Require.text(listenerArn, "listenerArn", "give the ARN of the ALB listener that serves the app");
        blueTargetGroupArn = Require.text(blueTargetGroupArn, "blueTargetGroupArn", "give the ARN of the blue target group");
        greenTargetGroupArn = Require.text(greenTargetGroupArn, "greenTargetGroupArn", "give the ARN of the green target group");
    }
}
