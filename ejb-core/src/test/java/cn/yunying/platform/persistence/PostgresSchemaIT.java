package cn.yunying.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The production database: the migrations run on PostgreSQL in a fresh schema and every entity must match the result.
 * Needs PostgreSQL at {@code it.db.url} (bin/verify makes sure it runs and creates the database).
 */
class PostgresSchemaIT {

    @Test
    void migrationsApplyOnPostgresqlAndEveryEntityMatchesTheSchema() throws Exception {
        String schema = "schema_it_" + Long.toHexString(System.nanoTime());
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/yunying_it"));
        pg.setUser(System.getProperty("it.db.user", "yunying"));
        pg.setPassword(System.getProperty("it.db.password", "yunying"));
        pg.setCurrentSchema(schema);
        SchemaConformance.migrate(pg, schema);
        EntityManagerFactory factory = SchemaConformance.startEclipseLink(pg,
                "org.eclipse.persistence.platform.database.PostgreSQL10Platform");
        try {
            int columns = SchemaConformance.assertEntitiesMatchSchema(factory, pg);
            assertTrue(columns >= SchemaConformance.entityClassNames().size() * 2, "columns checked: " + columns);
            EntityRoundTrip.run(factory);
        } finally {
            factory.close();
            try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
