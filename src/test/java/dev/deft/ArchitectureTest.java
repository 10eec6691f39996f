package dev.deft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of DESIGN.md: each outer library is used by one package only, and the core by none. */
class ArchitectureTest {
    private static JavaClasses deft;

    @BeforeAll
    static void importMainClasses() {
        deft = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.deft");
    }

    private static ArchRule onlyPackageUses(String ownPackage, String... libraryPackages) {
        return noClasses().that().resideOutsideOfPackage(ownPackage)
                .should().dependOnClassesThat().resideInAnyPackage(libraryPackages)
                .allowEmptyShould(true);
    }

    @Test
    void onlyTheBrowserPackageUsesSelenium() {
        onlyPackageUses("dev.deft.browser..", "org.openqa..").check(deft);
    }

    @Test
    void onlyTheDesktopPackageUsesSikuliX() {
        onlyPackageUses("dev.deft.desktop..", "org.sikuli..").check(deft);
    }

    @Test
    void onlyTheDesktopPackageUsesOcrOpenCvAndTheHotkeyHook() {
        onlyPackageUses("dev.deft.desktop..", "net.sourceforge.tess4j..", "org.opencv..", "nu.pattern..",
                "com.github.kwhat..").check(deft);
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        onlyPackageUses("dev.deft.ui..", "javafx..").check(deft);
    }

    @Test
    void onlyTheUiPackageUsesItsTheme() {
        onlyPackageUses("dev.deft.ui..", "atlantafx..").check(deft);
    }

    @Test
    void theWindowKnowsTheCoreOnlyAndGetsTheRestThroughItsOwnSmallInterfaces() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.deft.ui..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.deft.ui..", "dev.deft.core..", "javafx..",
                        "atlantafx..", "java..", "javax.imageio..", "org.slf4j..")
                .check(deft);
    }

    @Test
    void onlyTheCompositionRootOpensTheWindow() {
        noClasses().that().resideOutsideOfPackages("dev.deft.ui..", "dev.deft.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.deft.ui..")
                .check(deft);
    }

    @Test
    void onlyTheLlmPackageUsesOkHttp() {
        onlyPackageUses("dev.deft.llm..", "okhttp3..").check(deft);
    }

    @Test
    void onlyTheMemoryPackageUsesJdbc() {
        onlyPackageUses("dev.deft.memory..", "java.sql..", "javax.sql..", "org.h2..").check(deft);
    }

    @Test
    void onlyTheMcpPackageUsesTheMcpSdk() {
        onlyPackageUses("dev.deft.mcp..", "io.modelcontextprotocol..").check(deft);
    }

    @Test
    void onlyTheCommandLineReadsCsv() {
        onlyPackageUses("dev.deft.cli..", "org.apache.commons.csv..").check(deft);
    }

    @Test
    void theCoreUsesNothingButTheJdkAndSlf4j() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.deft.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.deft.core..", "java..", "org.slf4j..")
                .check(deft);
    }

    @Test
    void theCoreDependsOnNoOtherDeftPackage() {
        noClasses().that().resideInAPackage("dev.deft.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.deft.app..", "dev.deft.cli..",
                        "dev.deft.ui..", "dev.deft.browser..", "dev.deft.desktop..", "dev.deft.memory..",
                        "dev.deft.plan..", "dev.deft.llm..", "dev.deft.skill..", "dev.deft.safety..", "dev.deft.mcp..")
                .check(deft);
    }

    @Test
    void outerPackagesDependInwardOnlyAndNeverOnTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("dev.deft.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.deft.app..")
                .check(deft);
    }

    @Test
    void onlyTheCommandLineWritesToTheStandardStreams() {
        noClasses().that().resideOutsideOfPackage("dev.deft.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(deft);
    }
}
