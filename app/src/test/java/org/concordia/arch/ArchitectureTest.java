package org.concordia.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of docs/architecture.md, enforced: the domain (model, normalisation, problems,
 * ports, audit) uses no framework or I/O technology; adapters do not reach into the application; only the
 * command-line package prints to the console; domain values are immutable.
 */
class ArchitectureTest {
    private static final String[] DOMAIN = {
        "org.concordia.model..",
        "org.concordia.normalize..",
        "org.concordia.problem..",
        "org.concordia.port..",
        "org.concordia.audit..",
        "org.concordia.federation..",
        "org.concordia.sharing..",
        "org.concordia.search.."
    };
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.concordia");
    }

    @Test
    void theDomainDependsOnlyOnTheJdkIcuAndItself() {
        classes()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax.crypto..", // the JDK's JCA: HMAC for audit term hashes
                        "com.ibm.icu..",
                        "org.concordia.model..",
                        "org.concordia.normalize..",
                        "org.concordia.problem..",
                        "org.concordia.port..",
                        "org.concordia.audit..",
                        "org.concordia.federation..",
                        "org.concordia.sharing..",
                        "org.concordia.search..",
                        "org.concordia.matching..")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnTheApplication() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.concordia.json..",
                        "org.concordia.imports..",
                        "org.concordia.store..",
                        "org.concordia.generator..",
                        "org.concordia.pki..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.concordia.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.concordia.cli..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }

    @Test
    void domainFieldsAreFinal() {
        fields().that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(
                        "org.concordia.model..",
                        "org.concordia.problem..",
                        "org.concordia.port..",
                        "org.concordia.federation..")
                .and()
                .areNotStatic()
                .should()
                .beFinal()
                .check(classes);
    }
}
