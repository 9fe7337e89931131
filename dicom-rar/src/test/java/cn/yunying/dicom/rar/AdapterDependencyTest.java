package cn.yunying.dicom.rar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The resource adapter is glue: the JDK, the Connector API and the toolkit; never the application's contexts. */
class AdapterDependencyTest {

    @Test
    void theAdapterUsesOnlyTheJdkTheConnectorApiAndTheToolkit() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.transaction.xa..", "javax.net.ssl..", "javax.security.auth..", "javax.naming..",
                        "jakarta.resource..", "cn.yunying.dicom..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.yunying.dicom.rar"));
    }
}
