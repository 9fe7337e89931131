package cn.yunying.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup quick start runs on H2 in PostgreSQL mode with the very same migrations as production. This proves
 * they apply there and that every entity matches the result.
 */
class H2QuickStartSchemaTest {

    @Test
    void productionMigrationsApplyOnH2AndEveryEntityMatchesTheSchema() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:quickstart-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        SchemaConformance.migrate(h2, "public");
        EntityManagerFactory factory = SchemaConformance.startEclipseLink(h2,
                "org.eclipse.persistence.platform.database.H2Platform");
        try {
            int columns = SchemaConformance.assertEntitiesMatchSchema(factory, h2);
            assertTrue(columns >= SchemaConformance.entityClassNames().size() * 2, "columns checked: " + columns);
            EntityRoundTrip.run(factory);
        } finally {
            factory.close();
        }
    }
}
