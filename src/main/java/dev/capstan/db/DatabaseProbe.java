package dev.capstan.db;

import dev.capstan.domain.CheckResult;
import dev.capstan.domain.DatabaseSettings;

/** Whether an environment's database can be reached and holds the region_config table. Only reads. */
public interface DatabaseProbe {
    CheckResult check(DatabaseSettings settings);
}
