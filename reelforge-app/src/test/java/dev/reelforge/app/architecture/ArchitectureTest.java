package dev.reelforge.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.reelforge.app.cli.ReelForgeMain;
import dev.reelforge.app.config.SettingsConfiguration;
import dev.reelforge.brand.archfixture.BrandClassThatUsesMediaJobs;
import dev.reelforge.clips.archfixture.ClipsClassThatUsesThePublishing;
import dev.reelforge.core.archfixture.CoreClassThatUsesJdbcAndTheApp;
import dev.reelforge.media.archfixture.MediaClassThatUsesAProvider;
import dev.reelforge.media.archfixture.ReadsTheWallClock;
import dev.reelforge.media.archfixture.cycle.Ping;
import dev.reelforge.media.archfixture.cycle.back.Pong;
import dev.reelforge.mediagen.archfixture.FeatureClassThatUsesAnotherFeature;
import dev.reelforge.postgres.archfixture.AdapterClassThatUsesTheApp;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.publish.archfixture.PublishClassThatUsesTheStory;
import dev.reelforge.story.archfixture.FeatureClassThatUsesAnAdapter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ArchitectureTest {

  /** Every module but the app, whose packages must be free of import cycles. */
  static final List<String> MODULES_WITHOUT_CYCLES =
      List.of(
          "core",
          "postgres",
          "media",
          "providers",
          "storage",
          "story",
          "mediagen",
          "brand",
          "publish",
          "clips",
          "testkit");

  /** Where the one Clock is built: the Spring configuration and the command line's entry point. */
  private static final Class<?>[] COMPOSITION_ROOT = {
    SettingsConfiguration.class, ReelForgeMain.class
  };

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
        new String[] {
          "core",
          "story",
          "mediagen",
          "brand",
          "publish",
          "clips",
          "postgres",
          "media",
          "providers",
          "storage",
          "testkit",
          "app"
        }) {
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
  void featuresDependOnCoreOnly() {
    ArchitectureRules.featuresDependOnCoreOnly().check(production);
  }

  @Test
  void adaptersDoNotDependOnTheApp() {
    ArchitectureRules.adaptersDoNotDependOnTheApp().check(production);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    ArchitectureRules.adaptersDoNotDependOnEachOther().check(production);
    ArchitectureRules.adaptersDoNotDependOnTheTestkit().check(production);
    ArchitectureRules.storageStandsOnCoreAlone().check(production);
  }

  @ParameterizedTest
  @FieldSource("MODULES_WITHOUT_CYCLES")
  void packagesOfAModuleAreFreeOfCycles(String module) {
    ArchitectureRules.packagesAreFreeOfCycles(module).check(production);
  }

  /** A new module is checked for cycles once it is named above (the app is the one exception). */
  @Test
  void everyModuleIsCheckedForCycles() {
    Set<String> modules = new TreeSet<>();
    for (JavaClass type : production) {
      String[] parts = type.getPackageName().split("\\.");
      if (parts.length > 2) {
        modules.add(parts[2]);
      }
    }
    Set<String> expected = new TreeSet<>(MODULES_WITHOUT_CYCLES);
    expected.add("app");
    assertThat(modules).isEqualTo(expected);
  }

  @Test
  void packagesOfTheAppAreFreeOfCycles() {
    ArchitectureRules.packagesAreFreeOfCycles("app").check(production);
  }

  @Test
  void wallClockIsReadOnlyInTheCompositionRoot() {
    ArchitectureRules.wallClockIsReadOnlyInTheCompositionRoot(COMPOSITION_ROOT).check(production);
  }

  @Test
  void theRulesCatchViolations() {
    JavaClasses fixtures =
        new ClassFileImporter()
            .importClasses(
                CoreClassThatUsesJdbcAndTheApp.class,
                AdapterClassThatUsesTheApp.class,
                MediaClassThatUsesAProvider.class,
                FeatureClassThatUsesAnAdapter.class,
                FeatureClassThatUsesAnotherFeature.class,
                BrandClassThatUsesMediaJobs.class,
                PublishClassThatUsesTheStory.class,
                ClipsClassThatUsesThePublishing.class,
                ProviderHttp.class,
                Ping.class,
                Pong.class,
                ReadsTheWallClock.class,
                SettingsConfiguration.class);
    var core = ArchitectureRules.coreDependsOnNoFrameworkAndNoOtherModule().evaluate(fixtures);
    assertThat(core.hasViolation()).isTrue();
    assertThat(core.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("java.sql.Connection"))
        .anyMatch(d -> d.contains("dev.reelforge.app"))
        .anyMatch(d -> d.contains("org.springframework"));
    var feature = ArchitectureRules.featuresDependOnCoreOnly().evaluate(fixtures);
    assertThat(feature.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("dev.reelforge.media.render.RenderEngine"))
        .anyMatch(d -> d.contains("dev.reelforge.app.ReelForgeApplication"))
        .anyMatch(d -> d.contains("org.springframework"))
        .noneMatch(d -> d.contains("dev.reelforge.core.render.Renderer"))
        .anyMatch(d -> d.contains("dev.reelforge.story.StoryMaker"))
        .noneMatch(d -> d.contains("dev.reelforge.core.videogen.VideoGenerator"))
        .anyMatch(d -> d.contains("dev.reelforge.mediagen.MediaJobs"))
        .noneMatch(d -> d.contains("dev.reelforge.core.brand.BrandStore"))
        .anyMatch(d -> d.contains("dev.reelforge.story.session.StorySessions"))
        .noneMatch(d -> d.contains("dev.reelforge.core.publish.PublicationStore"))
        .anyMatch(d -> d.contains("dev.reelforge.publish.Publications"))
        .noneMatch(d -> d.contains("dev.reelforge.core.clips.ClipStore"));
    var adapters = ArchitectureRules.adaptersDoNotDependOnTheApp().evaluate(fixtures);
    assertThat(adapters.hasViolation()).isTrue();

    var eachOther = ArchitectureRules.adaptersDoNotDependOnEachOther().evaluate(fixtures);
    assertThat(eachOther.getFailureReport().getDetails())
        .anyMatch(d -> d.contains(MediaClassThatUsesAProvider.class.getName()))
        .allMatch(d -> !d.contains(AdapterClassThatUsesTheApp.class.getName()));

    var cycles = ArchitectureRules.packagesAreFreeOfCycles("media").evaluate(fixtures);
    assertThat(cycles.getFailureReport().getDetails())
        .anyMatch(d -> d.contains(Ping.class.getName()) && d.contains(Pong.class.getName()));
    assertThat(
            ArchitectureRules.packagesAreFreeOfCycles("providers")
                .evaluate(fixtures)
                .hasViolation())
        .isFalse();

    var clock =
        ArchitectureRules.wallClockIsReadOnlyInTheCompositionRoot(COMPOSITION_ROOT)
            .evaluate(fixtures);
    assertThat(clock.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("Instant.now()"))
        .anyMatch(d -> d.contains("Clock.systemUTC()"))
        .anyMatch(d -> d.contains("System.currentTimeMillis()"))
        .anyMatch(d -> d.contains("LocalDate.now(java.time.ZoneId)"))
        .anyMatch(d -> d.contains("java.util.Date.<init>()"))
        .noneMatch(d -> d.contains("OffsetDateTime.now(java.time.Clock)"))
        .noneMatch(d -> d.contains("System.nanoTime()"))
        // The composition root builds the Clock, which is allowed.
        .noneMatch(d -> in(SettingsConfiguration.class.getName()).matcher(d).find());
  }

  /** Matches a violation whose origin is a member of {@code type} (or of its nested classes). */
  private static Pattern in(String type) {
    return Pattern.compile("^\\w[\\w ]* <" + Pattern.quote(type) + "[.$]");
  }
}
