package cn.yunying.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md for ejb-core, enforced on the compiled classes. */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.yunying");

    @Test
    void nothingInTheCoreKnowsThePortalTheResourceAdapterOrTheToolkitsNetworkInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("cn.yunying.portal..", "cn.yunying.dicom.rar..")
                .check(CORE);
    }

    @Test
    void domainCodeUsesNoApplicationInfrastructureOrProtocolApi() {
        noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAnyPackage("..application..", "..infrastructure..", "jakarta.ws.rs..", "jakarta.faces..",
                        "jakarta.jms..", "jakarta.ejb..", "jakarta.servlet..")
                .check(CORE);
    }

    @Test
    void contextsTalkToEachOtherOnlyThroughTheirApplicationApi() {
        String[] contexts = {"identity", "institution", "audit", "affiliation", "archive", "registration"};
        for (String context : contexts) {
            noClasses().that().resideInAPackage("cn.yunying..")
                    .and().resideOutsideOfPackages("cn.yunying." + context + "..", "cn.yunying.platform..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "cn.yunying." + context + ".domain..", "cn.yunying." + context + ".infrastructure..")
                    .because("other contexts use " + context + " only through its application API")
                    .check(CORE);
        }
    }

    @Test
    void auditAndNotificationOnlyListenNobodyDependsOnThem() {
        for (String listener : new String[] {"audit", "notification"}) {
            noClasses().that().resideOutsideOfPackages("cn.yunying." + listener + "..").should()
                    .dependOnClassesThat().resideInAPackage("cn.yunying." + listener + "..").check(CORE);
        }
    }

    @Test
    void onlyTheArchivesInfrastructureTouchesTheFileSystem() {
        noClasses().that().resideInAPackage("cn.yunying.archive..").and().resideOutsideOfPackage("..infrastructure..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().resideInAPackage("java.nio.channels..")
                .because("storage (write, fsync, rename, delete) is FileStorage's job").check(CORE);
    }

    @Test
    void theArchivesApplicationApiOffersDtosNotEntities() {
        noClasses().that().resideInAPackage("cn.yunying.archive.application..").and().arePublic()
                .and().areRecords().should().dependOnClassesThat().resideInAPackage("cn.yunying.archive.domain..")
                .check(CORE);
    }

    @Test
    void contextsAreFreeOfCycles() {
        SlicesRuleDefinition.slices().matching("cn.yunying.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theHealthPackageShippedInEarLibUsesOnlyPlatformApis() {
        classes().that().resideInAPackage("cn.yunying.platform.health..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.sql..", "jakarta..", "org.eclipse.microprofile..",
                        "cn.yunying.platform.health..")
                .check(CORE);
    }

    @Test
    void onlyInfrastructureAndThePlatformBootstrapTouchTheEntityManager() {
        noClasses().that().resideOutsideOfPackages("..infrastructure..", "cn.yunying.platform..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(CORE);
    }
}
