package dev.capstan.aws;

import dev.capstan.domain.AwsTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One cached SDK client per (profile, region, endpoint, service), all sharing one HTTP connection pool.
 * Clients of a profile are closed when that profile is forgotten, so changed credentials take effect.
 */
public final class AwsClients implements AutoCloseable {
    private record Key(AwsTarget target, Class<?> service) {
    }

    private final ProfileCatalog catalog;
    private final AwsClientSettings settings;
    private final CallNaming callNaming = new CallNaming();
    /** Made with the first client: a command that calls no AWS service pays nothing for it (its TLS set-up is not small). */
    private SdkHttpClient http;
    private SdkAsyncHttpClient streamingHttp;
    private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AwsCredentialsProvider> credentials = new ConcurrentHashMap<>();

    public AwsClients(ProfileCatalog catalog, AwsClientSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    public ProfileCatalog catalog() {
        return catalog;
    }

    public StsClient sts(AwsTarget t) {
        return cached(t, StsClient.class, target -> build(StsClient.builder(), target));
    }

    public EcsClient ecs(AwsTarget t) {
        return cached(t, EcsClient.class, target -> build(EcsClient.builder(), target));
    }

    public Ec2Client ec2(AwsTarget t) {
        return cached(t, Ec2Client.class, target -> build(Ec2Client.builder(), target));
    }

    public ElasticLoadBalancingV2Client elb(AwsTarget t) {
        return cached(t, ElasticLoadBalancingV2Client.class, target -> build(ElasticLoadBalancingV2Client.builder(), target));
    }

    public CloudWatchLogsClient logs(AwsTarget t) {
        return cached(t, CloudWatchLogsClient.class, target -> build(CloudWatchLogsClient.builder(), target));
    }

    public CloudWatchClient cloudWatch(AwsTarget t) {
        return cached(t, CloudWatchClient.class, target -> build(CloudWatchClient.builder(), target));
    }

    /**
     * The client for Live Tail, which only the async client serves (an event stream). HTTP/1.1 is enough; the session lasts
     * up to three hours, so no call timeout; a stream is not retried, the caller starts a new session instead.
     */
    public CloudWatchLogsAsyncClient logsStreaming(AwsTarget t) {
        return cached(t, CloudWatchLogsAsyncClient.class, target -> {
            var builder = CloudWatchLogsAsyncClient.builder()
                    .httpClient(streamingHttp())
                    .region(Region.of(target.region()))
                    .credentialsProvider(credentials.computeIfAbsent(target.profile(), this::credentialsFor));
            ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .executionInterceptors(interceptorsFor(target));
            if (target.endpoint() != null) {
                // The SDK puts "streaming-" before the host; an endpoint override (a loopback address) has no such name.
                override.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
                builder.endpointOverride(URI.create(target.endpoint()));
            }
            return builder.overrideConfiguration(override.build()).build();
        });
    }

    /** Netty's event loops start only when the first Live Tail session does. A session sends an update about once a second, so 30 s of silence is a dead line. */
    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = ApacheHttpClient.builder().maxConnections(128).build();
        }
        return http;
    }

    private synchronized SdkAsyncHttpClient streamingHttp() {
        if (streamingHttp == null) {
            streamingHttp = NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1).maxConcurrency(64)
                    .connectionTimeout(settings.apiCallAttemptTimeout()).readTimeout(java.time.Duration.ofSeconds(30)).build();
        }
        return streamingHttp;
    }

    public CodeDeployClient codeDeploy(AwsTarget t) {
        return cached(t, CodeDeployClient.class, target -> build(CodeDeployClient.builder(), target));
    }

    public AutoScalingClient autoScaling(AwsTarget t) {
        return cached(t, AutoScalingClient.class, target -> build(AutoScalingClient.builder(), target));
    }

    public DynamoDbClient dynamoDb(AwsTarget t) {
        return cached(t, DynamoDbClient.class, target -> build(DynamoDbClient.builder(), target));
    }

    public S3Client s3(AwsTarget t) {
        // Path-style addressing keeps bucket names out of host names, which a local endpoint cannot resolve.
        return cached(t, S3Client.class, target -> build(S3Client.builder().forcePathStyle(target.endpoint() != null)
                // Checksums only where S3 requires them: stand-ins such as S3Proxy refuse the newer checksum headers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED), target));
    }

    private <C extends SdkClient> C cached(AwsTarget target, Class<C> type, Function<AwsTarget, C> factory) {
        return type.cast(clients.computeIfAbsent(new Key(target, type), key -> factory.apply(target)));
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, AwsTarget target) {
        builder.httpClient(http())
                .region(Region.of(target.region()))
                .credentialsProvider(credentials.computeIfAbsent(target.profile(), this::credentialsFor))
                .overrideConfiguration(override(target));
        if (target.endpoint() != null) {
            builder.endpointOverride(URI.create(target.endpoint()));
        }
        return builder.build();
    }

    private ClientOverrideConfiguration override(AwsTarget target) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                .retryStrategy(settings.maxAttempts() <= 1
                        ? AwsRetryStrategy.doNotRetry()
                        : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build())
                .executionInterceptors(interceptorsFor(target))
                .build();
    }

    /** The read-only guard goes first, so a refused call never reaches the other interceptors or the network. */
    private List<ExecutionInterceptor> interceptorsFor(AwsTarget target) {
        List<ExecutionInterceptor> chain = new ArrayList<>();
        chain.add(callNaming);
        if (target.readOnly()) {
            chain.add(new ReadOnlyGuard(target));
        }
        chain.addAll(settings.interceptors());
        return chain;
    }

    private AwsCredentialsProvider credentialsFor(String profile) {
        return ProfileCredentialsProvider.builder().profileFile(catalog::profileFile).profileName(profile).build();
    }

    /** Closes every client of the profile and its credentials provider; the next call builds them afresh. */
    public void forget(String profile) {
        clients.entrySet().removeIf(entry -> {
            if (entry.getKey().target().profile().equals(profile)) {
                entry.getValue().close();
                return true;
            }
            return false;
        });
        AwsCredentialsProvider provider = credentials.remove(profile);
        if (provider instanceof SdkAutoCloseable closeable) {
            IoUtils.closeQuietly(closeable, null);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        credentials.values().forEach(p -> {
            if (p instanceof SdkAutoCloseable closeable) {
                IoUtils.closeQuietly(closeable, null);
            }
        });
        credentials.clear();
        synchronized (this) {
            if (http != null) {
                http.close();
            }
            if (streamingHttp != null) {
                streamingHttp.close();
            }
        }
    }
}
