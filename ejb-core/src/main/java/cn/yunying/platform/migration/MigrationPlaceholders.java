package cn.yunying.platform.migration;

import java.util.Map;

/**
 * The Flyway placeholders of the shared PostgreSQL/H2 scripts: the few PostgreSQL-only words the quick start on H2
 * (PostgreSQL mode) must not see. {@code ${patternOps}}: the operator class that lets a btree index serve
 * {@code LIKE 'prefix%'} on PostgreSQL whatever the collation; H2's indexes serve such prefixes without one.
 */
public final class MigrationPlaceholders {

    private MigrationPlaceholders() {
    }

    /** @param databaseProductName from the JDBC metadata ("PostgreSQL", "H2", ...) */
    public static Map<String, String> of(String databaseProductName) {
        boolean postgres = databaseProductName.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        return Map.of("patternOps", postgres ? "varchar_pattern_ops" : "");
    }
}
