package dev.capstan.ops.verify;

import dev.capstan.domain.Environment;
import dev.capstan.domain.RegionRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A region_config row holds the expected s3_uri and/or version (after a publish: each updated region's URI and version as the release says). */
final class RegionRowCheck implements Check {
    private final CheckServices services;

    RegionRowCheck(CheckServices services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "region-row";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("region", "s3_uri", "version");
    }

    @Override
    public String describe(Environment environment, Map<String, String> with) {
        return "region_config row " + with.getOrDefault("region", "?") + " has" + (with.containsKey("s3_uri") ? " s3_uri " + with.get("s3_uri") : "")
                + (with.containsKey("version") ? " version " + with.get("version") : "");
    }

    @Override
    public CheckOutcome run(Environment environment, Map<String, String> with, Instant since) {
        Params.only(kind(), with, parameters());
        String region = Params.required(kind(), with, "region");
        if (!with.containsKey("s3_uri") && !with.containsKey("version")) {
            throw new IllegalArgumentException("The region-row check needs s3_uri, version or both to compare.");
        }
        RegionRow row = services.regions().row(environment, region);
        List<String> evidence = new ArrayList<>();
        evidence.add("row " + row.region() + ": s3_uri " + row.s3Uri() + ", version " + row.version() + ", updated " + row.updatedAt());
        boolean passed = true;
        if (with.containsKey("s3_uri")) {
            boolean same = with.get("s3_uri").strip().equals(row.s3Uri());
            evidence.add("s3_uri expected " + with.get("s3_uri").strip() + (same ? ": same" : ": differs"));
            passed &= same;
        }
        if (with.containsKey("version")) {
            boolean same = with.get("version").strip().equals(row.version());
            evidence.add("version expected " + with.get("version").strip() + (same ? ": same" : ": differs (stale?)"));
            passed &= same;
        }
        return passed ? CheckOutcome.pass("Row " + region + " is as expected", evidence)
                : CheckOutcome.fail("Row " + region + " is not as expected", evidence);
    }
}
