package cn.yunying.platform.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at deployment with the forward-only migrations kept in sql/. Bean-managed
 * transactions: Flyway commits each migration itself, which a container transaction would forbid.
 * If the database cannot be reached the deployment fails with one line naming the setting to check.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final System.Logger LOG = System.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/YunyingDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String product = productName();
        String vendor = product.toLowerCase().contains("oracle") ? "oracle" : "postgresql";
        Flyway flyway = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .placeholders(MigrationPlaceholders.of(product))
                .table("schema_history")
                .load();
        MigrateResult result = flyway.migrate();
        LOG.log(Level.INFO, "Database schema at version {0} ({1} migration(s) applied now, scripts: {2})",
                flyway.info().current().getVersion(), result.migrationsExecuted, vendor);
    }

    /**
     * PostgreSQL and H2 (in PostgreSQL mode) share one set of scripts; Oracle has its own folder.
     */
    private String productName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: check yunying.db.url / YUNYING_DB_URL, "
                    + "YUNYING_DB_USER and YUNYING_DB_PASSWORD (" + e.getMessage() + ")", e);
        }
    }
}
