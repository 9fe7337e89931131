package cn.yunying.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.internal.databaseaccess.DatasourcePlatform;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.platform.database.OraclePlatform;
import org.eclipse.persistence.platform.database.PostgreSQL10Platform;
import org.eclipse.persistence.sessions.Session;

/**
 * Chooses EclipseLink's database platform from the connection the datasource actually gives, so that the same
 * EAR runs on PostgreSQL, on H2 for the quick start and on Oracle without a setting that could contradict the URL.
 * (EclipseLink's own detection matches version strings and does not know PostgreSQL 15.)
 */
public class DatabasePlatformCustomizer implements SessionCustomizer {

    static final String DATASOURCE = "java:jboss/datasources/YunyingDS";

    @Override
    public void customize(Session session) throws NamingException, SQLException {
        DataSource dataSource = (DataSource) new InitialContext().lookup(DATASOURCE);
        try (Connection connection = dataSource.getConnection()) {
            DatasourcePlatform configured = (DatasourcePlatform) session.getLogin().getDatasourcePlatform();
            DatabasePlatform detected = platformFor(connection.getMetaData().getDatabaseProductName());
            // The @SequenceGenerator definitions are already attached to the configured platform; without them
            // EclipseLink would fall back to a SEQUENCE table that the migrations do not create.
            detected.setSequences(configured.getSequences());
            if (configured.hasDefaultSequence()) {
                detected.setDefaultSequence(configured.getDefaultSequence());
            }
            session.getLogin().setDatasourcePlatform(detected);
        }
    }

    static DatabasePlatform platformFor(String productName) {
        String product = productName.toLowerCase();
        if (product.contains("h2")) {
            return new H2Platform();
        }
        if (product.contains("oracle")) {
            return new OraclePlatform();
        }
        if (product.contains("postgres")) {
            return new PostgreSQL10Platform();
        }
        throw new IllegalStateException("Unsupported database: " + productName);
    }
}
