package dev.reelforge.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

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

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }
}
