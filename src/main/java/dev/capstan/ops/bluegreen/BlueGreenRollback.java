package dev.capstan.ops.bluegreen;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.ops.Operation;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.List;

/**
 * The manual blue/green rollback in one click: swap the priorities back and make the old task set PRIMARY,
 * after checking that it is still running and healthy behind the idle colour. When it is not, the check
 * fails and says which revision to re-deploy instead (the last successful deploy before the current one).
 */
public final class BlueGreenRollback implements Operation, OnBlueGreen {
    public static final String TYPE = "bluegreen.rollback";
    static final String FROM = "rollbackFrom";
    static final String TO = "rollbackTo";
    static final String SET = "rollbackSet";
    private final Environment environment;
    private final BlueGreenServices services;
    private final BlueGreenReader reader;

    BlueGreenRollback(Environment environment, BlueGreenServices services, BlueGreenReader reader) {
        this.environment = environment;
        this.services = services;
        this.reader = reader;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Roll back " + environment.name() + " (blue/green)";
    }

    @Override
    public Environment environment() {
        return environment;
    }

    /** A rollback asks for nothing: the journal of the deploy before says where to go back to. */
    public record Request() {
    }

    @Override
    public Request request() {
        return new Request();
    }

    @Override
    public List<Step> steps() {
        return List.of(new CheckOldSet(), new SwapTraffic(this, FROM, TO), new MakePrimary(this, SET), new VerifyTraffic(this, TO, SET));
    }

    @Override
    public AwsTarget target() {
        return services.targets().of(environment);
    }

    @Override
    public BlueGreenServices services() {
        return services;
    }

    @Override
    public BlueGreenReader reader() {
        return reader;
    }

    /** The old set must still run, every task RUNNING and every target healthy, behind the colour that does not serve. */
    private final class CheckOldSet implements Step {
        @Override
        public String id() {
            return "check-old-task-set";
        }

        @Override
        public StepKind kind() {
            return StepKind.READ;
        }

        @Override
        public StepPreview preview() {
            BlueGreenPicture now = reader.read(environment);
            BlueGreenPicture.Side idle = now.idleSide();
            return StepPreview.of("Check that the old task set behind " + idle.colour() + " still runs and is healthy"
                    + idle.taskSet().map(s -> " (" + s.id() + ", " + idle.image() + ", " + idle.running() + " tasks, " + idle.healthyTargets() + "/"
                    + idle.targets() + " healthy)").orElse(": there is none"));
        }

        @Override
        public String run(StepContext context) {
            if (context.fact(SET).isPresent()) {
                return "Rolling back to task set " + context.fact(SET).get() + " (checked before)";
            }
            BlueGreenPicture now = reader.read(environment);
            BlueGreenPicture.Side idle = now.idleSide();
            if (!idle.serving()) {
                throw new IllegalStateException(BlueGreen.cannotRollBack(environment, now, reader.history()));
            }
            context.rememberOnce(FROM, now.active().name());
            context.rememberOnce(TO, idle.colour().name());
            context.rememberOnce(SET, idle.taskSet().orElseThrow().arn());
            return "Task set " + idle.taskSet().get().id() + " behind " + idle.colour() + " runs " + idle.image() + " with " + idle.running()
                    + " tasks, all targets healthy";
        }
    }
}
