package dev.capstan.ops.publish;

import dev.capstan.db.RegionConfigStore;
import dev.capstan.domain.Environment;
import dev.capstan.domain.RegionRow;
import dev.capstan.ops.Step;
import dev.capstan.ops.StepContext;
import dev.capstan.ops.StepKind;
import dev.capstan.ops.StepPreview;
import java.util.Optional;

/**
 * One edit of a region_config row: s3_uri set, or version bumped. The row must still be as the plan read
 * it ({@code expected}); the audit row this run writes is how a resumed run knows the edit is already done.
 */
final class EditRegionRow implements Step {
    enum Field { S3_URI, VERSION }

    private final Field field;
    private final Environment environment;
    private final RegionRow expected;
    /** The new s3_uri, or an explicit version (null: the next one). */
    private final String value;
    private final PublishServices services;

    EditRegionRow(Field field, Environment environment, RegionRow expected, String value, PublishServices services) {
        this.field = field;
        this.environment = environment;
        this.expected = expected;
        this.value = value;
        this.services = services;
    }

    private String column() {
        return field == Field.S3_URI ? "s3_uri" : "version";
    }

    @Override
    public String id() {
        return field == Field.S3_URI ? "set-uri" : "bump-version";
    }

    @Override
    public StepKind kind() {
        return StepKind.CHANGE;
    }

    @Override
    public StepPreview preview() {
        if (field == Field.S3_URI) {
            return StepPreview.change("Set region_config.s3_uri of " + expected.region() + " in " + environment.name() + " (in one transaction, "
                    + "refused if the row changed since now; audited in capstan_audit)", expected.s3Uri(), value);
        }
        String next = value != null ? value : "the next version";
        return StepPreview.change("Bump region_config.version of " + expected.region() + " in " + environment.name()
                + " so caches refresh (one transaction, refused if the row changed since now; audited)", expected.version(), next);
    }

    @Override
    public String run(StepContext context) {
        Optional<String> done = services.regions().auditedValue(environment, context.runId(), expected.region(), column());
        if (done.isPresent()) {
            return "This run already set " + column() + " of " + expected.region() + " to " + done.get() + "; nothing to change";
        }
        RegionConfigStore.Change change = new RegionConfigStore.Change(context.operator(), context.runId());
        RegionRow after = field == Field.S3_URI
                ? services.regions().setUri(environment, expected, value, change)
                : services.regions().bumpVersion(environment, expected, value, change);
        return field == Field.S3_URI
                ? "s3_uri of " + expected.region() + " is now " + after.s3Uri() + " (was " + expected.s3Uri() + ")"
                : "version of " + expected.region() + " is now " + after.version() + " (was " + expected.version() + ")";
    }
}
