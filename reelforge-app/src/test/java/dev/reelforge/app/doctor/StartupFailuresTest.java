package dev.reelforge.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.postgres.DatabaseUnavailableException;
import org.junit.jupiter.api.Test;

class StartupFailuresTest {

  @Test
  void theAdviceNamesASettingOnlyWhenTheFailureDoes() {
    RuntimeException setting =
        new IllegalStateException(
            "context failed",
            InvalidSettingException.of("reelforge.database.url", "x", "not a URL"));
    assertThat(StartupFailures.advice(setting)).startsWith("fix the setting named above");

    RuntimeException noSetting =
        new IllegalStateException(
            "context failed",
            new DatabaseUnavailableException("initdb failed in /data: disk full", null));
    assertThat(StartupFailures.explain(noSetting)).isEqualTo("initdb failed in /data: disk full");
    assertThat(StartupFailures.advice(noSetting))
        .doesNotContain("setting")
        .contains("do what the message above says");
  }
}
