package dev.capstan.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CallerIdentity;
import dev.capstan.testworld.MotoExtension;
import dev.capstan.testworld.MotoWorld;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class IdentityGatewayTest {

    @Test
    void asksStsWhoTheProfileIs(MotoWorld moto) {
        CallerIdentity who = new StsIdentityGateway(moto.clients()).callerIdentity(moto.target());
        assertThat(who.account()).isEqualTo("123456789012");
        assertThat(who.arn()).startsWith("arn:aws:sts::123456789012:");
        assertThat(moto.faults().calls("GetCallerIdentity")).isEqualTo(1);
    }

    @Test
    void expiredCredentialsSayHowToRefresh(MotoWorld moto) {
        moto.faults().failWith("GetCallerIdentity", "ExpiredToken", 400, 1);
        assertThatThrownBy(() -> new StsIdentityGateway(moto.clients()).callerIdentity(moto.target()))
                .isInstanceOf(AwsProblem.class)
                .hasMessageContaining("have expired").hasMessageContaining("aws sso login --profile moto");
    }

    @Test
    void rejectedKeysSayWhichProfileToFix(MotoWorld moto) {
        moto.faults().failWith("GetCallerIdentity", "InvalidClientTokenId", 403, 1);
        assertThatThrownBy(() -> new StsIdentityGateway(moto.clients()).callerIdentity(moto.target()))
                .hasMessageContaining("does not accept the keys of profile moto");
    }

    @Test
    void whatAPauseCanMendIsToldApartFromWhatAPersonMust(MotoWorld moto) {
        StsIdentityGateway sts = new StsIdentityGateway(moto.clients());
        // Failed before they left the process, these calls have no API name on them: the gateway's words name the call instead.
        moto.faults().failWith("GetCallerIdentity", "ThrottlingException", 400, 1);
        assertThat(problem(() -> sts.callerIdentity(moto.target())).passingFault()).contains("AWS throttled the call to ask STS who this profile is");
        moto.faults().failWith("GetCallerIdentity", "ServiceUnavailable", 503, 1);
        assertThat(problem(() -> sts.callerIdentity(moto.target())).passingFault().orElseThrow()).endsWith("failed on AWS's side (HTTP 503 ServiceUnavailable)");
        moto.faults().timeOut("GetCallerIdentity", 1);
        assertThat(problem(() -> sts.callerIdentity(moto.target())).passingFault().orElseThrow()).startsWith("no answer to ").endsWith(" in time");

        moto.faults().failWith("GetCallerIdentity", "AccessDenied", 403, 1);
        assertThat(problem(() -> sts.callerIdentity(moto.target())).passingFault()).isEmpty();
        moto.faults().failWith("GetCallerIdentity", "ExpiredToken", 400, 1);
        assertThat(problem(() -> sts.callerIdentity(moto.target())).passingFault()).isEmpty();
    }

    private static AwsProblem problem(Runnable call) {
        try {
            call.run();
        } catch (AwsProblem problem) {
            return problem;
        }
        throw new AssertionError("the call did not fail");
    }

    @Test
    void timeoutSaysNoAnswer(MotoWorld moto) {
        moto.faults().timeOut("GetCallerIdentity", 1);
        assertThatThrownBy(() -> new StsIdentityGateway(moto.clients()).callerIdentity(moto.target()))
                .hasMessageContaining("No answer from " + moto.endpoint());
    }

    @Test
    void anEndpointThatIsNotRunningIsNamed(MotoWorld moto) throws Exception {
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        AwsTarget nowhere = new AwsTarget(MotoWorld.PROFILE, MotoWorld.REGION, "http://127.0.0.1:" + unused);
        assertThatThrownBy(() -> new StsIdentityGateway(moto.clients()).callerIdentity(nowhere))
                .hasMessageContaining("Could not reach http://127.0.0.1:" + unused + " (connection refused)")
                .hasMessageContaining("Is the endpoint running?");
    }

    @Test
    void clientsAreCachedPerTargetAndRebuiltAfterForget(MotoWorld moto) {
        var first = moto.clients().sts(moto.target());
        assertThat(moto.clients().sts(moto.target())).isSameAs(first);
        assertThat(moto.clients().sts(new AwsTarget(MotoWorld.PROFILE, "eu-west-1", moto.endpoint()))).isNotSameAs(first);
        moto.clients().forget(MotoWorld.PROFILE);
        assertThat(moto.clients().sts(moto.target())).isNotSameAs(first);
    }
}
