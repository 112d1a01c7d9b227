package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.RegionRow;
import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import dev.capstan.ops.publish.RegionDataRequests.Backup;
import dev.capstan.ops.publish.RegionDataRequests.BumpVersion;
import dev.capstan.ops.publish.RegionDataRequests.Copy;
import dev.capstan.ops.publish.RegionDataRequests.Publish;
import dev.capstan.ops.publish.RegionDataRequests.Restore;
import dev.capstan.ops.publish.RegionDataRequests.SetUri;
import dev.capstan.ops.Step;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Publishing a region's data as operations: S3 backup, copy-over and restore, the region_config
 * edits, and the guided publish that chains them. The public methods read what they must (the backup
 * name free today, the row as it is) and pin it in the request; {@link #declarations()} rebuild an
 * operation from its request alone, so a resumed run does exactly what was planned.
 */
public final class RegionData {
    public static final String BACKUP = "s3.backup";
    public static final String COPY = "s3.copy";
    public static final String RESTORE = "s3.restore";
    public static final String SET_URI = "region.set-uri";
    public static final String BUMP_VERSION = "region.bump-version";
    public static final String PUBLISH = "region.publish";
    static final String PRODUCTION_URI_WARNING = "Updates to the s3_uri column on production for an existing region "
            + "will cause API calls for that region as well as healthchecks to fail until data is loaded, potentially resulting in a "
            + "production outage. Make updates to region_config.s3_uri only on the staging database; publish "
            + "(copy the data over the existing URI) instead.";
    private static final String MIRROR_HELP = "Also remove objects at the destination that the source does not have (listed in the plan).";
    private final PublishServices services;
    private final List<OperationType<?>> declarations;

    public RegionData(PublishServices services) {
        this.services = services;
        this.declarations = List.of(
                OperationType.declare(BACKUP, Backup.class).withoutDeployLock()
                        .summary("Copy a location to <location>-backup-<yyyy-mm-dd> (a second one the same day gets -2), then verify it.")
                        .parameter(Parameter.required("uri", "The S3 location to back up, s3://bucket/prefix."))
                        .fromWords((env, w) -> backup(env, w.text("uri")))
                        .rebuild(this::backup),
                OperationType.declare(COPY, Copy.class).withoutDeployLock()
                        .summary("Copy new data over a location, after a verified backup of it (made first unless one is named).")
                        .parameter(Parameter.required("from", "The S3 location of the new data."))
                        .parameter(Parameter.required("to", "The S3 location the new data goes over."))
                        .parameter(Parameter.optional("backup", "An existing backup of the destination to rely on."))
                        .parameter(Parameter.withDefault("mirror", MIRROR_HELP, "false"))
                        .fromWords((env, w) -> copyOver(env, w.text("from"), w.text("to"), w.textOrNull("backup"), w.flag("mirror")))
                        .rebuild(this::copy),
                OperationType.declare(RESTORE, Restore.class).withoutDeployLock()
                        .summary("Copy a backup back over its location: the rollback of a data publish.")
                        .parameter(Parameter.required("backup", "The S3 location of the backup."))
                        .parameter(Parameter.required("to", "The S3 location it goes back over."))
                        .parameter(Parameter.withDefault("mirror", MIRROR_HELP, "false"))
                        .fromWords((env, w) -> restore(env, w.text("backup"), w.text("to"), w.flag("mirror")))
                        .rebuild(this::restore),
                OperationType.declare(SET_URI, SetUri.class).withoutDeployLock()
                        .summary("Point a region's region_config.s3_uri at another location that holds data.")
                        .parameter(Parameter.required("region", "The region's row in region_config."))
                        .parameter(Parameter.required("uri", "The S3 location the row should name."))
                        .fromWords((env, w) -> setUri(env, w.text("region"), w.text("uri")))
                        .rebuild(this::setUri),
                OperationType.declare(BUMP_VERSION, BumpVersion.class).withoutDeployLock()
                        .summary("Raise a region's region_config.version, so the services load its data again.")
                        .parameter(Parameter.required("region", "The region's row in region_config."))
                        .parameter(Parameter.optional("version", "The new version (default: the next one)."))
                        .fromWords((env, w) -> bumpVersion(env, w.text("region"), w.textOrNull("version")))
                        .rebuild(this::bumpVersion),
                OperationType.declare(PUBLISH, Publish.class).withoutDeployLock()
                        .summary("Back up a region's data, copy the new data over it, and bump its version.")
                        .parameter(Parameter.required("region", "The region's row in region_config."))
                        .parameter(Parameter.required("from", "The S3 location of the new data."))
                        .parameter(Parameter.withDefault("mirror", MIRROR_HELP, "false"))
                        .fromWords((env, w) -> publish(env, w.text("region"), w.text("from"), w.flag("mirror")))
                        .rebuild(this::publish));
    }

    /** The six operation types of region data. */
    public List<OperationType<?>> declarations() {
        return declarations;
    }

    public Operation backup(Environment environment, String uri) {
        S3Uri source = S3Uri.parse(uri);
        return backup(environment, new Backup(source.toString(), freeBackupName(environment, source).toString()));
    }

    /** @param backup an existing backup of {@code to} to rely on; null to make one first in this run */
    public Operation copyOver(Environment environment, String from, String to, String backup, boolean mirror) {
        S3Uri source = S3Uri.parse(from);
        S3Uri destination = S3Uri.parse(to);
        refuseOverlap(source, destination);
        boolean chosen = backup != null && !backup.isBlank();
        String backupUri = chosen ? S3Uri.parse(backup).toString() : freeBackupName(environment, destination).toString();
        return copy(environment, new Copy(source.toString(), destination.toString(), backupUri, chosen, mirror));
    }

    public Operation restore(Environment environment, String backup, String to, boolean mirror) {
        S3Uri source = S3Uri.parse(backup);
        S3Uri destination = S3Uri.parse(to);
        refuseOverlap(source, destination);
        return restore(environment, new Restore(source.toString(), destination.toString(), mirror));
    }

    public Operation setUri(Environment environment, String region, String uri) {
        S3Uri target = S3Uri.parse(uri);
        RegionRow row = services.regions().row(environment, region);
        return setUri(environment, new SetUri(row.region(), row.id(), row.s3Uri(), row.version(), target.toString()));
    }

    /** @param version an explicit new version (a number or a timestamp, as the column is); null for the next one */
    public Operation bumpVersion(Environment environment, String region, String version) {
        RegionRow row = services.regions().row(environment, region);
        String given = null;
        if (version != null && !version.isBlank()) {
            services.regions().checkVersion(environment, version);
            given = version.strip();
        }
        return bumpVersion(environment, new BumpVersion(row.region(), row.id(), row.s3Uri(), row.version(), given));
    }

    /** Backup of the region's URI, the new data copied over it, then its version bumped: the safe way, since the URI the services read never changes. */
    public Operation publish(Environment environment, String region, String from, boolean mirror) {
        RegionRow row = services.regions().row(environment, region);
        S3Uri source = S3Uri.parse(from);
        S3Uri current = S3Uri.parse(row.s3Uri());
        refuseOverlap(source, current);
        return publish(environment, new Publish(row.region(), row.id(), row.s3Uri(), row.version(), source.toString(),
                freeBackupName(environment, current).toString(), mirror));
    }

    /** Every region of the environment with what its URI holds on S3 and its backups; S3 trouble is said per row. */
    public List<RegionOverview> overview(Environment environment) {
        AwsTarget target = services.targets().of(environment);
        List<RegionOverview> rows = new ArrayList<>();
        for (RegionRow row : services.regions().rows(environment)) {
            try {
                S3Uri uri = S3Uri.parse(row.s3Uri());
                S3Listing listing = services.s3().list(target, uri);
                List<String> backups = services.s3().backupsOf(target, uri).stream().map(S3Uri::toString).toList();
                List<String> siblings = services.s3().siblingsOf(target, uri).stream().map(S3Uri::toString).toList();
                rows.add(new RegionOverview(row, listing.objects().size(), listing.totalBytes(), listing.lastModified().orElse(null), backups,
                        siblings, null));
            } catch (RuntimeException e) {
                rows.add(new RegionOverview(row, 0, 0, null, List.of(), List.of(), e.getMessage()));
            }
        }
        return rows;
    }

    private Supplier<AwsTarget> target(Environment environment) {
        return () -> services.targets().of(environment);
    }

    private Operation backup(Environment environment, Backup r) {
        S3Uri uri = S3Uri.parse(r.uri());
        List<Step> steps = new ArrayList<>();
        backupSteps(steps, uri, S3Uri.parse(r.backup()), target(environment));
        return new RegionDataOperation(BACKUP, "Back up " + uri + " on " + environment.name(), environment, r, steps, List.of());
    }

    private Operation copy(Environment environment, Copy r) {
        S3Uri from = S3Uri.parse(r.from());
        S3Uri to = S3Uri.parse(r.to());
        S3Uri backup = S3Uri.parse(r.backup());
        List<Step> steps = new ArrayList<>();
        if (r.backupChosen()) {
            steps.add(new CheckBackup(new Transfer(to, backup, services, target(environment))));
        } else {
            backupSteps(steps, to, backup, target(environment));
        }
        copySteps(steps, "copy-over", "verify-copy", from, to, r.mirror(), target(environment));
        return new RegionDataOperation(COPY, "Copy " + from + " over " + to + " on " + environment.name(), environment, r, steps, List.of());
    }

    private Operation restore(Environment environment, Restore r) {
        S3Uri backup = S3Uri.parse(r.backup());
        S3Uri to = S3Uri.parse(r.to());
        List<Step> steps = new ArrayList<>();
        copySteps(steps, "restore-copy", "verify-restore", backup, to, r.mirror(), target(environment));
        return new RegionDataOperation(RESTORE, "Restore " + to + " from " + backup + " on " + environment.name(), environment, r, steps, List.of());
    }

    private Operation setUri(Environment environment, SetUri r) {
        S3Uri uri = S3Uri.parse(r.uri());
        RegionRow expected = new RegionRow(r.expectedId(), r.region(), r.expectedUri(), r.expectedVersion(), null);
        List<Step> steps = List.of(new CheckLocation(uri, services, target(environment)),
                new EditRegionRow(EditRegionRow.Field.S3_URI, environment, expected, uri.toString(), services));
        List<String> warnings = environment.production() ? List.of(PRODUCTION_URI_WARNING) : List.of();
        return new RegionDataOperation(SET_URI, "Set s3_uri of " + r.region() + " on " + environment.name(), environment, r, steps, warnings);
    }

    private Operation bumpVersion(Environment environment, BumpVersion r) {
        RegionRow expected = new RegionRow(r.expectedId(), r.region(), r.expectedUri(), r.expectedVersion(), null);
        List<Step> steps = List.of(new EditRegionRow(EditRegionRow.Field.VERSION, environment, expected, r.version(), services));
        return new RegionDataOperation(BUMP_VERSION, "Bump the version of " + r.region() + " on " + environment.name(), environment, r, steps,
                List.of());
    }

    private Operation publish(Environment environment, Publish r) {
        RegionRow row = new RegionRow(r.expectedId(), r.region(), r.expectedUri(), r.expectedVersion(), null);
        S3Uri from = S3Uri.parse(r.from());
        S3Uri current = S3Uri.parse(row.s3Uri());
        List<Step> steps = new ArrayList<>();
        backupSteps(steps, current, S3Uri.parse(r.backup()), target(environment));
        copySteps(steps, "copy-over", "verify-copy", from, current, r.mirror(), target(environment));
        steps.add(new EditRegionRow(EditRegionRow.Field.VERSION, environment, row, null, services));
        List<String> warnings = List.of("The services keep the old data cached until they restart: restart them once this run has finished "
                + "(Restart services).");
        return new RegionDataOperation(PUBLISH, "Publish region " + row.region() + " from " + from + " on " + environment.name(), environment, r,
                steps, warnings);
    }

    private void backupSteps(List<Step> steps, S3Uri uri, S3Uri backup, Supplier<AwsTarget> target) {
        Transfer transfer = new Transfer(uri, backup, services, target);
        SourceMemo memo = new SourceMemo();
        steps.add(new CopyObjects("backup-copy", transfer, memo));
        steps.add(new VerifyCopy("backup-verify", transfer, true, memo));
    }

    private void copySteps(List<Step> steps, String copyId, String verifyId, S3Uri from, S3Uri to, boolean mirror, Supplier<AwsTarget> target) {
        Transfer transfer = new Transfer(from, to, services, target);
        SourceMemo memo = new SourceMemo();
        steps.add(new CopyObjects(copyId, transfer, memo));
        if (mirror) {
            steps.add(new RemoveExtra(transfer));
        }
        steps.add(new VerifyCopy(verifyId, transfer, mirror, memo));
    }

    /**
     * {@code <uri>-backup-<yyyy-mm-dd>}, or with -2, -3… when a backup of that name exists already: a
     * second backup on the same day never overwrites the first.
     */
    private S3Uri freeBackupName(Environment environment, S3Uri uri) {
        AwsTarget target = services.targets().of(environment);
        String base = "-backup-" + LocalDate.ofInstant(services.clock().instant(), ZoneId.systemDefault());
        // Each candidate is probed with one small listing: cheaper than listing every backup's objects.
        S3Uri candidate = uri.withSuffix(base);
        for (int n = 2; !services.s3().isEmpty(target, candidate); n++) {
            candidate = uri.withSuffix(base + "-" + n);
        }
        return candidate;
    }

    private static void refuseOverlap(S3Uri from, S3Uri to) {
        if (from.contains(to) || to.contains(from)) {
            throw new IllegalArgumentException("Copying " + from + " to " + to + " would copy a location into itself (one lies inside the other); "
                    + "choose locations side by side, such as s3://bucket/regions/OH and s3://bucket/new/OH.");
        }
    }


}
