package dev.capstan.ops.publish;

import dev.capstan.domain.AwsTarget;
import dev.capstan.domain.Environment;
import dev.capstan.domain.RegionRow;
import dev.capstan.domain.S3Listing;
import dev.capstan.domain.S3Uri;
import dev.capstan.ops.Operation;
import dev.capstan.ops.OperationFactory;
import dev.capstan.ops.Step;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Publishing a region's data as operations: S3 backup, copy-over and restore, the region_config
 * edits, and the guided publish that chains them. The public methods read what they must (the backup
 * name free today, the row as it is) and pin it in the parameters; {@link #factories()} rebuilds an
 * operation from those parameters alone, so a resumed run does exactly what was planned.
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
    private final PublishServices services;

    public RegionData(PublishServices services) {
        this.services = services;
    }

    public Operation backup(Environment environment, String uri) {
        S3Uri source = S3Uri.parse(uri);
        return build(BACKUP, environment, params("uri", source.toString(), "backup", freeBackupName(environment, source).toString()));
    }

    /** @param backup an existing backup of {@code to} to rely on; null to make one first in this run */
    public Operation copyOver(Environment environment, String from, String to, String backup, boolean mirror) {
        S3Uri source = S3Uri.parse(from);
        S3Uri destination = S3Uri.parse(to);
        refuseOverlap(source, destination);
        String backupUri = backup != null && !backup.isBlank() ? S3Uri.parse(backup).toString() : freeBackupName(environment, destination).toString();
        return build(COPY, environment, params("from", source.toString(), "to", destination.toString(), "backup", backupUri,
                "backupChosen", Boolean.toString(backup != null && !backup.isBlank()), "mirror", Boolean.toString(mirror)));
    }

    public Operation restore(Environment environment, String backup, String to, boolean mirror) {
        S3Uri source = S3Uri.parse(backup);
        S3Uri destination = S3Uri.parse(to);
        refuseOverlap(source, destination);
        return build(RESTORE, environment, params("backup", source.toString(), "to", destination.toString(), "mirror", Boolean.toString(mirror)));
    }

    public Operation setUri(Environment environment, String region, String uri) {
        S3Uri target = S3Uri.parse(uri);
        Map<String, String> p = expected(services.regions().row(environment, region));
        p.put("uri", target.toString());
        return build(SET_URI, environment, p);
    }

    /** @param version an explicit new version (a number or a timestamp, as the column is); null for the next one */
    public Operation bumpVersion(Environment environment, String region, String version) {
        RegionRow row = services.regions().row(environment, region);
        Map<String, String> p = expected(row);
        if (version != null && !version.isBlank()) {
            services.regions().checkVersion(environment, version);
            p.put("version", version.strip());
        }
        return build(BUMP_VERSION, environment, p);
    }

    /** Backup of the region's URI, the new data copied over it, then its version bumped: the safe way, since the URI the services read never changes. */
    public Operation publish(Environment environment, String region, String from, boolean mirror) {
        RegionRow row = services.regions().row(environment, region);
        S3Uri source = S3Uri.parse(from);
        S3Uri current = S3Uri.parse(row.s3Uri());
        refuseOverlap(source, current);
        Map<String, String> p = expected(row);
        p.put("from", source.toString());
        p.put("backup", freeBackupName(environment, current).toString());
        p.put("mirror", Boolean.toString(mirror));
        return build(PUBLISH, environment, p);
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

    /** One factory per type, each rebuilding from the parameters alone. */
    public List<OperationFactory> factories() {
        List<OperationFactory> factories = new ArrayList<>();
        for (String type : List.of(BACKUP, COPY, RESTORE, SET_URI, BUMP_VERSION, PUBLISH)) {
            factories.add(new OperationFactory() {
                @Override
                public String type() {
                    return type;
                }

                @Override
                public Operation create(Environment environment, Map<String, String> parameters) {
                    return build(type, environment, parameters);
                }
            });
        }
        return factories;
    }

    private Operation build(String type, Environment environment, Map<String, String> p) {
        Supplier<AwsTarget> target = () -> services.targets().of(environment);
        List<Step> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String title;
        boolean mirror = Boolean.parseBoolean(p.get("mirror"));
        switch (type) {
            case BACKUP -> {
                S3Uri uri = S3Uri.parse(p.get("uri"));
                S3Uri backup = S3Uri.parse(p.get("backup"));
                backupSteps(steps, uri, backup, target);
                title = "Back up " + uri + " on " + environment.name();
            }
            case COPY -> {
                S3Uri from = S3Uri.parse(p.get("from"));
                S3Uri to = S3Uri.parse(p.get("to"));
                S3Uri backup = S3Uri.parse(p.get("backup"));
                if (Boolean.parseBoolean(p.get("backupChosen"))) {
                    steps.add(new CheckBackup(new Transfer(to, backup, services, target)));
                } else {
                    backupSteps(steps, to, backup, target);
                }
                copySteps(steps, "copy-over", "verify-copy", from, to, mirror, target);
                title = "Copy " + from + " over " + to + " on " + environment.name();
            }
            case RESTORE -> {
                S3Uri backup = S3Uri.parse(p.get("backup"));
                S3Uri to = S3Uri.parse(p.get("to"));
                copySteps(steps, "restore-copy", "verify-restore", backup, to, mirror, target);
                title = "Restore " + to + " from " + backup + " on " + environment.name();
            }
            case SET_URI -> {
                S3Uri uri = S3Uri.parse(p.get("uri"));
                steps.add(new CheckLocation(uri, services, target));
                steps.add(new EditRegionRow(EditRegionRow.Field.S3_URI, environment, expectedRow(p), uri.toString(), services));
                if (environment.production()) {
                    warnings.add(PRODUCTION_URI_WARNING);
                }
                title = "Set s3_uri of " + p.get("region") + " on " + environment.name();
            }
            case BUMP_VERSION -> {
                steps.add(new EditRegionRow(EditRegionRow.Field.VERSION, environment, expectedRow(p), p.get("version"), services));
                title = "Bump the version of " + p.get("region") + " on " + environment.name();
            }
            case PUBLISH -> {
                RegionRow row = expectedRow(p);
                S3Uri from = S3Uri.parse(p.get("from"));
                S3Uri current = S3Uri.parse(row.s3Uri());
                backupSteps(steps, current, S3Uri.parse(p.get("backup")), target);
                copySteps(steps, "copy-over", "verify-copy", from, current, mirror, target);
                steps.add(new EditRegionRow(EditRegionRow.Field.VERSION, environment, row, null, services));
                warnings.add("The services keep the old data cached until they restart: restart them once this run has finished "
                        + "(Restart services).");
                title = "Publish region " + row.region() + " from " + from + " on " + environment.name();
            }
            default -> throw new IllegalArgumentException("Unknown region-data operation " + type);
        }
        return new RegionDataOperation(type, title, environment, p, steps, warnings);
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

    private static Map<String, String> expected(RegionRow row) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("region", row.region());
        p.put("expectedId", Long.toString(row.id()));
        p.put("expectedUri", row.s3Uri());
        p.put("expectedVersion", row.version());
        return p;
    }

    private static RegionRow expectedRow(Map<String, String> p) {
        return new RegionRow(Long.parseLong(p.get("expectedId")), p.get("region"), p.get("expectedUri"), p.get("expectedVersion"), null);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }
}
