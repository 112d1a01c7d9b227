package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.CallerIdentity;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

public final class StsIdentityGateway implements IdentityGateway {
    private final AwsClients clients;

    public StsIdentityGateway(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public CallerIdentity callerIdentity(AwsTarget target) {
        try {
            GetCallerIdentityResponse response = clients.sts(target).getCallerIdentity();
            return new CallerIdentity(response.account(), response.arn(), response.userId());
        } catch (SdkException e) {
            throw AwsErrors.explain(e, target, "ask STS who this profile is");
        }
    }
}
