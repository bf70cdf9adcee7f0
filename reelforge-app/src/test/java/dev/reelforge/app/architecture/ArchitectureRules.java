package dev.reelforge.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of ReelForge: core depends on nothing of ours and on no framework; adapters
 * depend on core, never on the app or on Spring Boot; the app assembles.
 */
final class ArchitectureRules {

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

  static ArchRule adaptersDoNotDependOnTheApp() {
    return noClasses()
        .that()
        .resideInAnyPackage(
            "dev.reelforge.postgres..",
            "dev.reelforge.media..",
            "dev.reelforge.providers..",
            "dev.reelforge.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.reelforge.app..", "org.springframework.boot..")
        .because("adapters are assembled by the app, never the other way round");
  }

  static ArchRule adaptersDoNotDependOnEachOther() {
    return noClasses()
        .that()
        .resideInAPackage("dev.reelforge.postgres..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.reelforge.media..", "dev.reelforge.providers..", "dev.reelforge.storage..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.reelforge.testkit..")
        .because("each adapter module stands on core alone");
  }

  static ArchRule storageStandsOnCoreAlone() {
    return noClasses()
        .that()
        .resideInAPackage("dev.reelforge.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.reelforge.postgres..",
            "dev.reelforge.media..",
            "dev.reelforge.providers..",
            "dev.reelforge.testkit..",
            "org.springframework..")
        .because("the blob store adapters stand on core and their SDKs alone");
  }
}
