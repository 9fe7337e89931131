package cn.yunying.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;

/**
 * Runs the real migrations of sql/ on a database, then starts EclipseLink (Java SE) on every {@code @Entity} of the
 * code base and checks that each mapped table and column exists in the migrated schema. Shared by the H2 unit test
 * and the PostgreSQL integration test, so both databases are held to the same schema.
 */
public final class SchemaConformance {

    private SchemaConformance() {
    }

    static List<String> entityClassNames() {
        return managedClassNames(Entity.class);
    }

    /** Entities and auto-applied converters, as the container's scan would find them. */
    static List<String> managedClassNames() {
        List<String> names = new java.util.ArrayList<>(entityClassNames());
        names.addAll(managedClassNames(Converter.class));
        return names;
    }

    private static List<String> managedClassNames(Class<? extends java.lang.annotation.Annotation> annotation) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.yunying").stream()
                .filter(c -> c.isAnnotatedWith(annotation))
                .map(JavaClass::getName).sorted().toList();
    }

    public static void migrate(DataSource dataSource, String schema) {
        String product;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/postgresql").table("schema_history")
                .placeholders(cn.yunying.platform.migration.MigrationPlaceholders.of(product)).load().migrate();
    }

    public static EntityManagerFactory startEclipseLink(DataSource dataSource, String targetDatabase) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.target-database", targetDatabase);
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.level", "WARNING");
        return new PersistenceProvider().createContainerEntityManagerFactory(new UnitInfo(dataSource), properties);
    }

    /**
     * A fresh in-memory H2 database in PostgreSQL mode, as the quick start runs it, with every production migration
     * applied, and EclipseLink started on it: what the H2 tests of the services run against.
     */
    public static EntityManagerFactory migratedH2(String label) {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + label + "-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        migrate(h2, "public");
        return startEclipseLink(h2, "org.eclipse.persistence.platform.database.H2Platform");
    }

    /** Every mapped column must exist in its table; returns the number of columns checked. */
    static int assertEntitiesMatchSchema(EntityManagerFactory factory, DataSource dataSource) throws SQLException {
        int checked = 0;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            for (ClassDescriptor descriptor : JpaHelper.getServerSession(factory).getDescriptors().values()) {
                for (DatabaseTable table : descriptor.getTables()) {
                    Map<String, Boolean> columns = columnsOf(meta, schema, table.getName());
                    assertTrue(!columns.isEmpty(), "table " + table.getName() + " of " + descriptor.getJavaClassName()
                            + " is not in the migrated schema");
                    for (DatabaseField field : descriptor.getFields()) {
                        if (field.getTableName().isEmpty() || field.getTableName().equalsIgnoreCase(table.getName())) {
                            String column = field.getName().toLowerCase(Locale.ROOT);
                            assertTrue(columns.containsKey(column), descriptor.getJavaClassName() + " maps "
                                    + table.getName() + "." + column + ", which the migrations do not create");
                            checked++;
                        }
                    }
                }
            }
        }
        return checked;
    }

    private static Map<String, Boolean> columnsOf(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, Boolean> columns = new HashMap<>();
        for (String name : new String[] {table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getColumns(null, schema, name, null)) {
                while (rs.next()) {
                    columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            "YES".equals(rs.getString("IS_NULLABLE")));
                }
            }
        }
        return columns;
    }


    /** A Java SE persistence unit over the production entities, without persistence.xml's JNDI datasource. */
    private record UnitInfo(DataSource dataSource) implements PersistenceUnitInfo {
        @Override public String getPersistenceUnitName() { return "schema-conformance"; }
        @Override public String getPersistenceProviderClassName() { return PersistenceProvider.class.getName(); }
        @Override public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }
        @Override public DataSource getJtaDataSource() { return null; }
        @Override public DataSource getNonJtaDataSource() { return dataSource; }
        @Override public List<String> getMappingFileNames() { return List.of(); }
        @Override public List<URL> getJarFileUrls() { return List.of(); }
        @Override public URL getPersistenceUnitRootUrl() {
            return SchemaConformance.class.getProtectionDomain().getCodeSource().getLocation();
        }
        @Override public List<String> getManagedClassNames() { return managedClassNames(); }
        @Override public boolean excludeUnlistedClasses() { return true; }
        @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
        @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
        @Override public Properties getProperties() { return new Properties(); }
        @Override public String getPersistenceXMLSchemaVersion() { return "3.0"; }
        @Override public ClassLoader getClassLoader() { return SchemaConformance.class.getClassLoader(); }
        @Override public void addTransformer(ClassTransformer transformer) { }
        @Override public ClassLoader getNewTempClassLoader() { return getClassLoader(); }
    }
}
