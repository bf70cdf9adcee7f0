package dev.reelforge.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.app.settings.InvalidSettingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class SettingsValidatorTest {

  @Test
  void defaultsAreValid() {
    assertThatCode(() -> SettingsValidator.validate(environment(Map.of())))
        .doesNotThrowAnyException();
  }

  @Test
  void anOutOfRangePortNamesTheSettingAndItsVariable() {
    assertThatThrownBy(
            () -> SettingsValidator.validate(environment(Map.of("reelforge.server.port", "70000"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid setting reelforge.server.port = '70000'")
        .hasMessageContaining("65535")
        .hasMessageContaining("REELFORGE_SERVER_PORT");
  }

  @Test
  void aValueOfTheWrongTypeIsExplained() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.database.connect-timeout", "soon"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("reelforge.database.connect-timeout")
        .hasMessageContaining("REELFORGE_DATABASE_CONNECTTIMEOUT");
  }

  @Test
  void nestedSettingsUseTheirKebabCaseName() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.database.embedded.unprivileged-user", " "))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("reelforge.database.embedded.unprivileged-user")
        .hasMessageContaining("REELFORGE_DATABASE_EMBEDDED_UNPRIVILEGEDUSER");
  }

  @Test
  void aDatabaseUrlOfAnotherKindIsRejected() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.database.url", "mysql://db/reel"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("reelforge.database.url")
        .hasMessageContaining("jdbc:postgresql://");
  }

  @Test
  void theBlobStoreSettingsThatDependOnEachOtherAreCheckedTogether() {
    assertThatThrownBy(
            () -> SettingsValidator.validate(environment(Map.of("reelforge.storage.type", "s3"))))
        .hasMessageContaining("reelforge.storage.s3.bucket")
        .hasMessageContaining("REELFORGE_STORAGE_S3_BUCKET");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(
                        Map.of(
                            "reelforge.storage.type", "s3",
                            "reelforge.storage.s3.bucket", "b",
                            "reelforge.storage.s3.access-key", "AKIA"))))
        .hasMessageContaining("given together");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(
                        Map.of(
                            "reelforge.storage.type", "azure",
                            "reelforge.storage.azure.connection-string",
                                "BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=x",
                            "reelforge.storage.azure.container", "c"))))
        .hasMessageContaining("needs the account key")
        .hasMessageContaining("(hidden)");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.storage.retention.exports", "forever"))))
        .hasMessageContaining("must be one of short, standard, long");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.storage.signed-url-ttl", "30d"))))
        .hasMessageContaining("between 1s and 7d");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(environment(Map.of("reelforge.node.roles", "api,cook"))))
        .hasMessageContaining("reelforge.node.roles");
  }

  @Test
  void publishingQuotasAndAlertsAreCheckedTogether() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.publish.quotas.youtube.zone", "Mars/Olympus"))))
        .hasMessageContaining("reelforge.publish.quotas.youtube.zone");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(
                        Map.of(
                            "reelforge.publish.quotas.youtube.capacity", "1000",
                            "reelforge.publish.quotas.youtube.units-per-post", "1600"))))
        .hasMessageContaining("reelforge.publish.quotas.youtube.units-per-post");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(
                        Map.of("reelforge.publish.alerts.webhook-url", "https://ops.example/h"))))
        .hasMessageContaining("reelforge.publish.alerts.webhook-secret");
  }

  @Test
  void platformAccountSettingsAreCheckedTogether() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.publish.accounts.token-key", "c2hvcnQ="))))
        .hasMessageContaining("reelforge.publish.accounts.token-key")
        .hasMessageContaining("(hidden)")
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.publish.accounts.tiktok.client-id", "ck"))))
        .hasMessageContaining("reelforge.publish.accounts.tiktok.client-secret")
        .hasMessageContaining("given together");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(
                        Map.of("reelforge.publish.accounts.youtube.token-url", "oauth2/token"))))
        .hasMessageContaining("reelforge.publish.accounts.youtube.token-url");
  }

  @Test
  void secretsAreNeverShown() {
    assertThat(
            InvalidSettingException.of("reelforge.database.password", "hunter2", "too short")
                .getMessage())
        .doesNotContain("hunter2")
        .contains("(hidden)");
  }

  @Test
  void aMissingConfigFileIsReported() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    environment(Map.of("reelforge.config", "/nonexistent/reelforge.yml"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("reelforge.config")
        .hasMessageContaining("REELFORGE_CONFIG");
  }

  @Test
  void misspelledSettingsAreReportedAndKnownOnesAreNot() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "reelforge.databse.url", "postgresql://db/x",
                "reelforge.server.prot", "9090",
                "reelforge.server.port", "9090",
                "reelforge.database.embedded.data-dir", "/tmp/pg",
                "reelforge.jobs.pools.render.concurrency", "2",
                "reelforge.config", "./reelforge.yml",
                "spring.main.banner-mode", "off"));
    assertThat(SettingsValidator.unknownSettings(environment))
        .containsExactly("reelforge.databse.url", "reelforge.server.prot");
  }

  /**
   * One variable from every settings tree, spelled as the docs say (dashes dropped), must bind,
   * validate and raise no "unknown setting" warning. A new tree fails this test until a variable of
   * it is added here.
   */
  @Test
  void aValidVariableFromEveryTreeIsKnownAndValid() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("REELFORGE_DATABASE_MAXPOOLSIZE", "5");
    variables.put("REELFORGE_EVENTS_MAXSTREAMSPERUSER", "4");
    variables.put("REELFORGE_IDEMPOTENCY_STALEAFTER", "5m");
    variables.put("REELFORGE_JOBS_LEASE", "1m");
    variables.put("REELFORGE_LIMITS_RENDERDAILY", "5");
    variables.put("REELFORGE_MEDIA_RENDERTIMEOUT", "5m");
    variables.put("REELFORGE_NODE_ROLES", "api,worker");
    variables.put("REELFORGE_PROVIDERS_CHAT_MODEL", "gpt-4o-mini");
    variables.put("REELFORGE_SECURITY_OIDC_DEFAULTROLE", "viewer");
    variables.put("REELFORGE_SERVER_PORT", "9090");
    variables.put("REELFORGE_STORAGE_SIGNEDURLTTL", "1h");
    variables.put("REELFORGE_STORY_MAXBEATS", "6");
    variables.put("REELFORGE_MEDIAJOBS_GENERATEWAIT", "30s");
    variables.put("REELFORGE_BRAND_SCENECOUNT", "4");
    variables.put("REELFORGE_WEBHOOKS_TRUSTEDADDRESSES", "10.0.0.0/8");
    variables.put("REELFORGE_PUBLISH_ACCOUNTS_REFRESHMARGIN", "10m");
    variables.put("REELFORGE_PUBLISH_RETRY_ATTEMPTS", "2");
    variables.put("REELFORGE_PUBLISH_QUOTAS_YOUTUBE_ZONE", "Europe/Berlin");
    variables.put("REELFORGE_PUBLISH_PLATFORMS_TIKTOK_POSTMODE", "inbox");
    variables.put("REELFORGE_MODERATION_PRESET", "kids");
    variables.put("REELFORGE_CLIPS_TRANSCRIBER_ENGINE", "pocketsphinx");
    variables.put("REELFORGE_CLIPS_TRANSCRIBER_SPHINX4_ACCURACY", "fast");
    variables.put("REELFORGE_CLIPS_RANKER_ENABLED", "false");
    variables.put("REELFORGE_CLIPS_MAXDURATION", "2h");
    variables.put("REELFORGE_MODELS_WARMUPTIMEOUT", "1m");
    variables.put("REELFORGE_UPLOADS_ORPHANGRACE", "2h");
    assertThat(SettingsValidator.settingsTrees()).hasSizeGreaterThanOrEqualTo(13);
    for (String tree : SettingsValidator.settingsTrees()) {
      String prefix = InvalidSettingException.environmentVariable(tree) + "_";
      assertThat(variables.keySet())
          .as("a variable of " + tree)
          .anyMatch(v -> v.startsWith(prefix));
    }

    StandardEnvironment environment = processEnvironment(variables);
    assertThatCode(() -> SettingsValidator.validate(environment)).doesNotThrowAnyException();
    assertThat(SettingsValidator.unknownSettings(environment)).isEmpty();
  }

  @Test
  void everySpellingOfAnEnvironmentVariableThatBindsIsKnown() {
    StandardEnvironment environment =
        processEnvironment(
            Map.of(
                // A dash written as a separator (Spring's older form) binds too.
                "REELFORGE_STORAGE_S3_ACCESS_KEY", "AKIA",
                "REELFORGE_STORAGE_S3_SECRETKEY", "x",
                "REELFORGE_LIMITS_RENDER_DAILY", "5",
                "REELFORGE_NODE_ROLES_0_", "api",
                "REELFORGE_JOBS_QUEUEDEPTHLIMITS_RENDER", "200",
                // Not settings: renders per day is render-daily; "modle" is a typo.
                "REELFORGE_LIMITS_RENDERSPERDAY", "5",
                "REELFORGE_PROVIDERS_CHAT_MODLE", "gpt-4o-mini",
                "REELFORGE_SERVER_PORT_NUMBER", "9090"));
    assertThat(SettingsValidator.unknownSettings(environment))
        .containsExactly(
            "reelforge.limits.rendersperday",
            "reelforge.providers.chat.modle",
            "reelforge.server.port.number");
  }

  @Test
  void anInvalidValueInATreeTheValidatorOnceMissedStopsStartup() {
    StandardEnvironment environment =
        processEnvironment(Map.of("REELFORGE_LIMITS_RENDERDAILY", "-1"));
    SpringApplication application = new SpringApplication(NothingToStart.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setEnvironment(environment);
    application.addListeners(new SettingsValidator());
    assertThatThrownBy(application::run)
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid setting reelforge.limits.render-daily = '-1'")
        .hasMessageContaining("REELFORGE_LIMITS_RENDERDAILY");
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    processEnvironment(Map.of("REELFORGE_PROVIDERS_HTTP_TIMEOUT", "soon"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("reelforge.providers.http.timeout");
  }

  @Test
  void anUnknownTranscriberEngineStopsStartupNamingTheSetting() {
    assertThatThrownBy(
            () ->
                SettingsValidator.validate(
                    processEnvironment(Map.of("REELFORGE_CLIPS_TRANSCRIBER_ENGINE", "whisper"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("reelforge.clips.transcriber.engine")
        .hasMessageContaining("whisper");
  }

  @Test
  void theTreesAreEveryConfigurationPropertiesClassOnTheClassPath() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    Set<String> annotated = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("dev.reelforge")) {
      Class<?> type = load(candidate.getBeanClassName());
      annotated.add(
          AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class).prefix());
    }
    assertThat(annotated).hasSizeGreaterThanOrEqualTo(13);
    assertThat(SettingsValidator.settingsTrees()).containsExactlyElementsOf(annotated);
  }

  /** An empty application: the validator must stop startup before anything is created. */
  @Configuration(proxyBeanMethods = false)
  static class NothingToStart {}

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The variables as Spring sees the process environment, REELFORGE_A_B mapped onto a.b. */
  private static StandardEnvironment processEnvironment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return environment;
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }
}
