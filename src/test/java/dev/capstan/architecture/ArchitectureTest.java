package dev.capstan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the arrows of ../shared/design/ARCHITECTURE.md true. */
@AnalyzeClasses(packages = "dev.capstan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyAwsTouchesTheSdk = noClasses()
            .that().resideOutsideOfPackage("dev.capstan.aws..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("the aws package is the only gateway to AWS");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("dev.capstan.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.capstan.domain..", "java..")
            .because("domain records are JDK-only");

    @ArchTest
    static final ArchRule noJavaFxBelowTheUi = noClasses()
            .that().resideInAnyPackage("dev.capstan.domain..", "dev.capstan.config..", "dev.capstan.aws..", "dev.capstan.db..",
                    "dev.capstan.ops..", "dev.capstan.cli..", "dev.capstan.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..", "org.controlsfx..")
            .because("operations and gateways run without a screen, from the CLI too");

    @ArchTest
    static final ArchRule opsDoesNotKnowTheFronts = noClasses()
            .that().resideInAPackage("dev.capstan.ops..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.capstan.ui..", "dev.capstan.cli..", "dev.capstan.app..")
            .because("one engine serves two fronts");

    @ArchTest
    static final ArchRule uiAndCliDoNotReachEachOther = noClasses()
            .that().resideInAPackage("dev.capstan.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.capstan.cli..", "dev.capstan.app..", "dev.capstan.sandbox..")
            .because("views are composed by the app, never the other way round");

    @ArchTest
    static final ArchRule cliDoesNotKnowTheUi = noClasses()
            .that().resideInAPackage("dev.capstan.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.capstan.ui..", "dev.capstan.app..", "dev.capstan.sandbox..");

    @ArchTest
    static final ArchRule gatewaysDoNotReachUp = noClasses()
            .that().resideInAnyPackage("dev.capstan.aws..", "dev.capstan.db..", "dev.capstan.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.capstan.ops..", "dev.capstan.ui..", "dev.capstan.cli..",
                    "dev.capstan.app..", "dev.capstan.sandbox..");

    /** Runbook logic lives in ops: the fronts start runs through the Runner and never run a step or write a lock themselves. */
    @ArchTest
    static final ArchRule frontsChangeNothingExceptThroughTheEngine = noClasses()
            .that().resideInAnyPackage("dev.capstan.ui..", "dev.capstan.cli..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.capstan.ops.Step")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.capstan.ops.StepContext")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.capstan.aws.LockTable")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.capstan.aws.EcsGateway")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.capstan.db.ConnectionFactory");

    /** One composition of the engine: the console, the CLI and the tests all get their runner and catalogue from Engine. */
    @ArchTest
    static final ArchRule theEngineIsComposedOnce = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.capstan.app.Engine")
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("the runner or the operation catalogue",
                                    owner -> owner.getName().equals("dev.capstan.ops.Runner") || owner.getName().equals("dev.capstan.ops.OperationTypes")))))
            .because("adding an operation is a line in Engine, and what a test runs is wired as the product is");
}
