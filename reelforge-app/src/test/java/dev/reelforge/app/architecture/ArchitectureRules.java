package dev.reelforge.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * The dependency rules of ReelForge: core depends on nothing of ours and on no framework; features
 * depend on core alone; adapters depend on core, never on the app, on Spring Boot or on each other;
 * no module has an import cycle between its packages; time comes from the one injected {@link
 * Clock}; the app assembles.
 */
final class ArchitectureRules {

  /** The modules whose classes implement core's ports with a technology. */
  static final List<String> ADAPTERS = List.of("postgres", "media", "providers", "storage");

  /** The modules that each hold one product feature over core's ports. */
  static final List<String> FEATURES = List.of("story", "mediagen", "brand", "publish", "clips");

  private ArchitectureRules() {}

  static ArchRule coreDependsOnNoFrameworkAndNoOtherModule() {
    return noClasses()
        .that()
        .resideInAPackage("dev.reelforge.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "java.net.http..",
            "org.apache.hc..",
            "org.apache.http..",
            "okhttp3..",
            "jakarta.servlet..",
            "com.zaxxer..",
            "org.postgresql..",
            "dev.reelforge.postgres..",
            "dev.reelforge.media..",
            "dev.reelforge.providers..",
            "dev.reelforge.storage..",
            "software.amazon..",
            "com.azure..",
            "dev.reelforge.testkit..",
            "dev.reelforge.app..")
        .because("reelforge-core holds the domain and the ports; adapters plug into it");
  }

  /**
   * A feature (its domain, stages and pipeline) reaches storage, rendering and providers through
   * core's ports only, so that it runs on any adapters the app assembles; it knows no other
   * feature, no adapter, not the app, and no framework.
   */
  static ArchRule featuresDependOnCoreOnly() {
    return CompositeArchRule.of(
        FEATURES.stream().map(ArchitectureRules::featureDependsOnCoreOnly).toList());
  }

  private static ArchRule featureDependsOnCoreOnly(String feature) {
    String own = "dev.reelforge." + feature;
    return noClasses()
        .that()
        .resideInAPackage(own + "..")
        .should()
        .dependOnClassesThat(
            describe(
                "belong to a module of ours other than core and " + feature,
                type -> {
                  String name = type.getPackageName();
                  return within("dev.reelforge", name)
                      && !within("dev.reelforge.core", name)
                      && !within(own, name);
                }))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .because("a feature is framework-free and stands on core's ports; the app assembles it");
  }

  /** Whether {@code packageName} is {@code root} or one of its subpackages. */
  private static boolean within(String root, String packageName) {
    return packageName.equals(root) || packageName.startsWith(root + ".");
  }

  static ArchRule adaptersDoNotDependOnTheApp() {
    return noClasses()
        .that()
        .resideInAnyPackage(adapterPackages())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.reelforge.app..", "org.springframework.boot..")
        .because("adapters are assembled by the app, never the other way round");
  }

  /** Every pair of adapters, both ways: a slice per adapter module, all others ignored. */
  static ArchRule adaptersDoNotDependOnEachOther() {
    return slices()
        .assignedFrom(new Modules(ADAPTERS))
        .should()
        .notDependOnEachOther()
        .because("each adapter module stands on core alone; the app wires them together");
  }

  static ArchRule adaptersDoNotDependOnTheTestkit() {
    return noClasses()
        .that()
        .resideInAnyPackage(adapterPackages())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.reelforge.testkit..")
        .because("the testkit is for tests; production code never ships it");
  }

  static ArchRule storageStandsOnCoreAlone() {
    return noClasses()
        .that()
        .resideInAPackage("dev.reelforge.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..")
        .because("the blob store adapters stand on core and their SDKs alone");
  }

  /**
   * No import cycle between the packages of {@code module} ({@code dev.reelforge.media}, its
   * subpackages and the module's root package itself, which {@code matching("...(**)")} would leave
   * out).
   */
  static ArchRule packagesAreFreeOfCycles(String module) {
    return slices()
        .assignedFrom(new PackagesOf(module))
        .should()
        .beFreeOfCycles()
        .because("a package that needs another must not be needed by it: cycles tie them into one");
  }

  /**
   * Wall-clock time comes from the one {@link Clock} bean that the composition root builds and
   * injects everywhere, so that tests can set the time. Measuring elapsed time with {@code
   * System.nanoTime()} is not reading the clock and stays allowed.
   */
  static ArchRule wallClockIsReadOnlyInTheCompositionRoot(Class<?>... compositionRoot) {
    return noClasses()
        .that()
        .resideInAPackage("dev.reelforge..")
        .and(DescribedPredicate.not(belongToAnyOf(compositionRoot)))
        .should()
        .callMethodWhere(READS_THE_SYSTEM_CLOCK)
        .orShould()
        .callConstructorWhere(NEW_DATE_OF_NOW)
        .because("time comes from the injected Clock, which tests replace with a settable one");
  }

  private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK =
      describe(
          "read the system clock (Clock.system*, java.time *.now() without a Clock,"
              + " System.currentTimeMillis)",
          call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getTarget().getName();
            if (owner.equals(System.class.getName())) {
              return name.equals("currentTimeMillis");
            }
            if (owner.equals(Clock.class.getName())) {
              return name.startsWith("system");
            }
            return owner.startsWith("java.time.")
                && name.equals("now")
                && call.getTarget().getRawParameterTypes().stream()
                    .noneMatch(type -> type.isAssignableTo(Clock.class));
          });

  private static final DescribedPredicate<JavaConstructorCall> NEW_DATE_OF_NOW =
      describe(
          "create a java.util.Date of now",
          call ->
              call.getTargetOwner().isEquivalentTo(Date.class)
                  && call.getTarget().getRawParameterTypes().isEmpty());

  private static String[] adapterPackages() {
    return ADAPTERS.stream().map(m -> "dev.reelforge." + m + "..").toArray(String[]::new);
  }

  /** One slice per listed module ({@code dev.reelforge.NAME..}); classes of others are ignored. */
  private record Modules(List<String> modules) implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      for (String module : modules) {
        String root = "dev.reelforge." + module;
        if (javaClass.getPackageName().equals(root)
            || javaClass.getPackageName().startsWith(root + ".")) {
          return SliceIdentifier.of(module);
        }
      }
      return SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the modules " + modules;
    }
  }

  /** One slice per package of a module, its root package included. */
  private record PackagesOf(String module) implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String root = "dev.reelforge." + module;
      String name = javaClass.getPackageName();
      if (name.equals(root)) {
        return SliceIdentifier.of(root);
      }
      return name.startsWith(root + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of dev.reelforge." + module;
    }
  }
}
