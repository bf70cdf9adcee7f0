package dev.reelforge.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.reelforge.core.archfixture.CoreClassThatUsesJdbcAndTheApp;
import dev.reelforge.postgres.archfixture.AdapterClassThatUsesTheApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Test classes of other modules arrive as *-tests.jar (the PostgreSQL test harness).
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.reelforge");
    // Guard against a vacuous pass: every module's classes must be in the import.
    for (String module :
        new String[] {"core", "postgres", "media", "providers", "storage", "app"}) {
      assertThat(production.containPackage("dev.reelforge." + module))
          .as("classes of " + module + " imported")
          .isTrue();
    }
  }

  @Test
  void coreDependsOnNoFrameworkAndNoOtherModule() {
    ArchitectureRules.coreDependsOnNoFrameworkAndNoOtherModule().check(production);
  }

  @Test
  void adaptersDoNotDependOnTheApp() {
    ArchitectureRules.adaptersDoNotDependOnTheApp().check(production);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    ArchitectureRules.adaptersDoNotDependOnEachOther().check(production);
    ArchitectureRules.storageStandsOnCoreAlone().check(production);
  }

  @Test
  void theRulesCatchViolations() {
    JavaClasses fixtures =
        new ClassFileImporter()
            .importClasses(CoreClassThatUsesJdbcAndTheApp.class, AdapterClassThatUsesTheApp.class);
    var core = ArchitectureRules.coreDependsOnNoFrameworkAndNoOtherModule().evaluate(fixtures);
    assertThat(core.hasViolation()).isTrue();
    assertThat(core.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("java.sql.Connection"))
        .anyMatch(d -> d.contains("dev.reelforge.app"))
        .anyMatch(d -> d.contains("org.springframework"));
    var adapters = ArchitectureRules.adaptersDoNotDependOnTheApp().evaluate(fixtures);
    assertThat(adapters.hasViolation()).isTrue();
  }
}
