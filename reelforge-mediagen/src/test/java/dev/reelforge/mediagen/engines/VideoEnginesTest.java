package dev.reelforge.mediagen.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VideoEnginesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));

  @Test
  void seedChainsWithGeminiProAsVeoAndOursForRunwayAndLocal() {
    FallbackChains chains = FallbackChains.defaults();
    assertThat(chains.fallbacksOf("kling")).containsExactly("luma", "veo");
    assertThat(chains.fallbacksOf("luma")).containsExactly("veo", "kling");
    assertThat(chains.fallbacksOf("veo")).containsExactly("luma", "kling");
    assertThat(chains.fallbacksOf("runway")).containsExactly("kling", "luma", "veo");
    assertThat(chains.fallbacksOf("local")).isEmpty();
    assertThat(chains.fallbacksOf("someone-else")).isEmpty();
  }

  @Test
  void aChainSkipsEnginesWithoutAKeyAndNamesEachEngineOnce() {
    Set<String> available = Set.of("kling", "veo");
    assertThat(FallbackChains.defaults().chain("kling", available::contains))
        .containsExactly("kling", "veo");
    FallbackChains configured =
        FallbackChains.defaults().with(Map.of("kling", List.of("veo", "veo")));
    assertThat(configured.chain("kling", available::contains)).containsExactly("kling", "veo");
    assertThatThrownBy(() -> FallbackChains.of(Map.of("kling", List.of("kling"))))
        .hasMessageContaining("names kling itself");
    assertThatThrownBy(() -> FallbackChains.of(Map.of("Kling!", List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryProfilesFollowSeed001AndTheDocumentedChoicesForTheOthers() {
    assertThat(RetryProfile.forEngine("kling"))
        .isEqualTo(RetryProfile.fixed(2, Duration.ofSeconds(30), Duration.ofSeconds(300)));
    assertThat(RetryProfile.forEngine("luma")).isEqualTo(RetryProfile.forEngine("kling"));
    assertThat(RetryProfile.forEngine("runway")).isEqualTo(RetryProfile.forEngine("kling"));
    assertThat(RetryProfile.forEngine("veo").timeout()).isEqualTo(Duration.ofSeconds(420));
    assertThat(RetryProfile.forEngine("local").maxRetries()).isEqualTo(1);
    RetryProfile fixed = RetryProfile.forEngine("kling");
    assertThat(fixed.delayBefore(1))
        .isEqualTo(fixed.delayBefore(2))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(fixed.allowsRetry(1)).isTrue();
    assertThat(fixed.allowsRetry(2)).isFalse();
    RetryProfile doubling =
        new RetryProfile(3, Duration.ofSeconds(2), true, Duration.ofSeconds(60));
    assertThat(doubling.delayBefore(3)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void adviceFollowsSeed001ForItsThreeCodesAndSaysWhatToDoForTheRest() {
    assertThat(ProductionError.of(ErrorCode.PRODUCTION_TIMEOUT))
        .extracting(
            ProductionError::retryable,
            ProductionError::fallbackAvailable,
            ProductionError::userAction)
        .containsExactly(true, true, UserAction.RETRY);
    assertThat(ProductionError.of(ErrorCode.EXTERNAL_RATE_LIMIT))
        .extracting(
            ProductionError::retryable,
            ProductionError::fallbackAvailable,
            ProductionError::userAction)
        .containsExactly(false, true, UserAction.CHANGE_ENGINE);
    assertThat(ProductionError.of(ErrorCode.PREVIEW_FAILED))
        .extracting(
            ProductionError::retryable,
            ProductionError::fallbackAvailable,
            ProductionError::userAction)
        .containsExactly(true, false, UserAction.RETRY);
    assertThat(ProductionError.of(ErrorCode.CONTENT_REFUSED).userAction())
        .isEqualTo(UserAction.CHANGE_PROMPT);
    assertThat(ProductionError.of(ErrorCode.INTERNAL_ERROR).userAction())
        .isEqualTo(UserAction.CONTACT_SUPPORT);
    // Every code has advice.
    Arrays.stream(ErrorCode.values())
        .forEach(code -> assertThat(ProductionError.of(code).message()).isNotBlank());
  }

  @Test
  void theRegistrysEnginesAreTheChoicesAndItsSelectionTheDefault() {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(choice("kling", false));
    registry.register(choice("luma", false));
    registry.register(choice("local", true));
    VideoEngines auto = VideoEngines.fromRegistry(registry, clock);
    assertThat(auto.names()).containsExactly("kling", "luma", "local");
    assertThat(auto.defaultEngine()).contains("kling");
    assertThat(auto.chain(null)).containsExactly("kling", "luma");
    assertThat(auto.chain("local")).containsExactly("local");

    registry.select(ProviderPort.VIDEO_GENERATOR, "luma");
    assertThat(VideoEngines.fromRegistry(registry, clock).chain(" "))
        .containsExactly("luma", "kling");
  }

  @Test
  void anEngineThisInstallationLacksIsAFieldErrorAndNoEngineAtAllIsSaidPlainly() {
    VideoEngines engines = VideoEngines.of(List.of(new Idle("local")), clock);
    assertThatThrownBy(() -> engines.requireEngine("kling"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations().getFirst().field()).isEqualTo("engine");
              assertThat(e.getMessage()).contains("available: local");
            });
    assertThatThrownBy(() -> VideoEngines.of(List.of(), clock).chain(null))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
              assertThat(e.getMessage()).contains("no video engine is available");
            });
  }

  @Test
  void breakersAreListedPerEngineInPreferenceOrder() {
    VideoEngines engines = VideoEngines.of(List.of(new Idle("kling"), new Idle("local")), clock);
    for (int i = 0; i < 5; i++) {
      engines.breaker("kling").onFailure();
    }
    assertThat(engines.breakers())
        .containsExactly(
            new EngineBreaker(
                "kling", "open", 0, java.util.Optional.of(clock.instant().plusSeconds(60))),
            new EngineBreaker("local", "closed", 0, java.util.Optional.empty()));
    assertThat(engines.breakers().getFirst().admitsJobs()).isFalse();
  }

  private static ProviderChoice<VideoGenerator> choice(String name, boolean offline) {
    return new ProviderChoice<>(ProviderPort.VIDEO_GENERATOR, name, offline, name, new Idle(name));
  }

  /** An engine that is never called: these tests are about routing only. */
  private record Idle(String name) implements VideoGenerator {
    @Override
    public VideoProgress submit(VideoRequest request, Path directory) {
      throw new AssertionError("not called");
    }

    @Override
    public VideoProgress poll(PendingVideo pending, Path directory) {
      throw new AssertionError("not called");
    }

    @Override
    public void cancel(PendingVideo pending) {}
  }
}
