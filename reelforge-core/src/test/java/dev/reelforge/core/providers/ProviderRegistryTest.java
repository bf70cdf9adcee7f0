package dev.reelforge.core.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

  private final ProviderChoice<String> mary =
      new ProviderChoice<>(ProviderPort.SPEECH, "marytts", true, "offline", "mary");
  private final ProviderChoice<String> eleven =
      new ProviderChoice<>(ProviderPort.SPEECH, "elevenlabs", false, "cloud", "eleven");

  @Test
  void autoPrefersAConfiguredCloudProviderElseTheOfflineDefault() {
    ProviderRegistry offlineOnly = new ProviderRegistry().register(mary);
    assertThat(offlineOnly.require(ProviderPort.SPEECH, String.class)).isEqualTo("mary");
    ProviderRegistry both = new ProviderRegistry().register(mary).register(eleven);
    assertThat(both.require(ProviderPort.SPEECH, String.class)).isEqualTo("eleven");
    both.select(ProviderPort.SPEECH, "marytts");
    assertThat(both.require(ProviderPort.SPEECH, String.class)).isEqualTo("mary");
  }

  @Test
  void unknownNamesAndEmptyPortsAreClearErrors() {
    ProviderRegistry registry =
        new ProviderRegistry().register(mary).select(ProviderPort.SPEECH, "polly");
    assertThatThrownBy(() -> registry.active(ProviderPort.SPEECH))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e ->
                assertThat(e.violations().getFirst().message())
                    .contains("'polly'")
                    .contains("marytts"));
    assertThatThrownBy(() -> registry.require(ProviderPort.MUSIC, Object.class))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    assertThat(new ProviderRegistry().register(mary).statuses())
        .hasSize(ProviderPort.values().length)
        .filteredOn(s -> s.port() == ProviderPort.SPEECH)
        .singleElement()
        .satisfies(s -> assertThat(s.active()).contains(mary));
  }
}
