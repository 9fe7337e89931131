package cn.yunying.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The portal uses the application services and their DTOs only: never entities, repositories or JPA. */
class PortalArchitectureTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.yunying.portal");

    @Test
    void thePortalNeverTouchesEntitiesRepositoriesOrJpa() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("cn.yunying..domain..", "cn.yunying..infrastructure..", "jakarta.persistence..",
                        "cn.yunying.platform..")
                .check(PORTAL);
    }

    @Test
    void everyResourceBelongsToExactlyOneJaxRsApplication() {
        java.util.Set<Class<?>> api = new cn.yunying.portal.api.PortalApi().getClasses();
        java.util.Set<Class<?>> dicomWeb = new cn.yunying.portal.dicomweb.DicomWebApi().getClasses();
        for (com.tngtech.archunit.core.domain.JavaClass resource : PORTAL) {
            if (!resource.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            Class<?> type = resource.reflect();
            boolean inApi = api.contains(type);
            boolean inDicomWeb = dicomWeb.contains(type);
            org.junit.jupiter.api.Assertions.assertTrue(inApi ^ inDicomWeb, resource.getName()
                    + " must be listed by exactly one of PortalApi (/api) and DicomWebApi (/dicomweb)");
            org.junit.jupiter.api.Assertions.assertEquals(
                    resource.getPackageName().endsWith(".dicomweb"), inDicomWeb, resource.getName());
        }
    }

    @Test
    void thePortalDoesNotTalkDicomDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("cn.yunying.dicom..").check(PORTAL);
    }
}
