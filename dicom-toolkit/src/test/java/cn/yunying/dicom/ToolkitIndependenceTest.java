package cn.yunying.dicom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** dicom-toolkit is a plain Java SE library: it depends on the JDK and on itself, nothing else of ours or Jakarta's. */
class ToolkitIndependenceTest {

    @Test
    void theToolkitDependsOnlyOnTheJdkAndItself() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "jdk..",
                        "cn.yunying.dicom..", "")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.yunying.dicom"));
    }
}
