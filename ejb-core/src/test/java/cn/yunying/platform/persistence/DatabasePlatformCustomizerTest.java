package cn.yunying.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.platform.database.OraclePlatform;
import org.eclipse.persistence.platform.database.PostgreSQL10Platform;
import org.junit.jupiter.api.Test;

class DatabasePlatformCustomizerTest {

    @Test
    void picksThePlatformFromTheProductNameTheDriverReports() {
        assertInstanceOf(PostgreSQL10Platform.class, DatabasePlatformCustomizer.platformFor("PostgreSQL"));
        assertInstanceOf(H2Platform.class, DatabasePlatformCustomizer.platformFor("H2"));
        assertInstanceOf(OraclePlatform.class, DatabasePlatformCustomizer.platformFor("Oracle"));
        assertThrows(IllegalStateException.class, () -> DatabasePlatformCustomizer.platformFor("MySQL"));
    }
}
