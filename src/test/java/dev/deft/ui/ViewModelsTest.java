package dev.deft.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Views bind, view models decide: a view model (and the workflow it follows) holds no nodes and no window. */
class ViewModelsTest {

    @Test
    void viewModelsKnowNoNodesStagesOrTheToolkit() {
        JavaClasses ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.deft.ui");

        noClasses().that().haveNameMatching("dev\\.deft\\.ui\\.(SkillsViewModel|RecordingWorkflow|RunSession)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .check(ui);
    }
}
