package dev.reelforge.providers.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.chat.ChatOptions;
import dev.reelforge.providers.chat.StructuredOutput;
import dev.reelforge.providers.elevenlabs.ElevenLabsOptions;
import dev.reelforge.providers.fal.FalOptions;
import dev.reelforge.providers.gemini.GeminiOptions;
import dev.reelforge.providers.http.ResilienceOptions;
import dev.reelforge.providers.luma.LumaOptions;
import dev.reelforge.providers.openai.OpenAiOptions;
import dev.reelforge.providers.pexels.PexelsOptions;
import dev.reelforge.providers.pixabay.PixabayOptions;
import dev.reelforge.providers.runway.RunwayOptions;
import dev.reelforge.providers.veo.VeoOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every vendor's options refuse what cannot work when they are built, with an error that names the
 * setting to fix and never repeats a key.
 */
class VendorOptionsTest {

  /** One vendor's builder driven through the three settings all vendors share. */
  private record Vendor(
      String settings, String keyVariable, Function<Values, Object> build, boolean keyRequired) {}

  private record Values(String baseUrl, String apiKey, ResilienceOptions resilience) {}

  private static final List<Vendor> VENDORS =
      List.of(
          new Vendor(
              "reelforge.providers.openai",
              "OPENAI_API_KEY",
              v ->
                  OpenAiOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.elevenlabs",
              "ELEVENLABS_API_KEY",
              v ->
                  ElevenLabsOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.pexels",
              "PEXELS_API_KEY",
              v ->
                  PexelsOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.pixabay",
              "PIXABAY_API_KEY",
              v ->
                  PixabayOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.fal",
              "FAL_KEY",
              v ->
                  FalOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.luma",
              "LUMA_API_KEY",
              v ->
                  LumaOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.runway",
              "RUNWAYML_API_SECRET",
              v ->
                  RunwayOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.veo",
              "GEMINI_API_KEY",
              v ->
                  VeoOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.gemini",
              "GEMINI_API_KEY",
              v ->
                  GeminiOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setResilience(v.resilience())
                      .build(),
              true),
          new Vendor(
              "reelforge.providers.chat",
              "",
              v ->
                  ChatOptions.newBuilder()
                      .setBaseUrl(v.baseUrl())
                      .setApiKey(v.apiKey())
                      .setModel("llama3.1")
                      .setResilience(v.resilience())
                      .build(),
              false));

  private static final ResilienceOptions DEFAULTS = ResilienceOptions.defaults();

  private static void assertRefused(ThrowingCallable build, String setting, String why) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).startsWith(setting + ": ").contains(why);
              assertThat(e.violations())
                  .singleElement()
                  .extracting(FieldViolation::field)
                  .isEqualTo(setting);
            });
  }

  @Test
  void validValuesBuildAndTheKeyNeverAppearsInTheirText() {
    for (Vendor vendor : VENDORS) {
      Object options =
          vendor.build().apply(new Values("https://api.example.com/v1/", "sk-secret-1", DEFAULTS));
      assertThat(options.toString()).as(vendor.settings()).doesNotContain("sk-secret-1");
      assertThat(options.toString()).contains("https://api.example.com/v1");
    }
  }

  @Test
  void aMissingKeyNamesTheSettingAndTheVariable() {
    for (Vendor vendor : VENDORS) {
      Values noKey = new Values("https://api.example.com", "  ", DEFAULTS);
      if (!vendor.keyRequired()) {
        vendor.build().apply(noKey);
        continue;
      }
      assertRefused(
          () -> vendor.build().apply(noKey),
          vendor.settings() + ".api-key",
          "is missing; set it or the variable " + vendor.keyVariable());
    }
  }

  @Test
  void aUrlThatIsNotHttpNamesTheBaseUrlSetting() {
    for (Vendor vendor : VENDORS) {
      for (String url :
          new String[] {"ftp://files.example.com", "api.example.com", "", "https://"}) {
        assertRefused(
            () -> vendor.build().apply(new Values(url, "sk-secret-1", DEFAULTS)),
            vendor.settings() + ".base-url",
            url.isEmpty()
                ? "is empty"
                : url.equals("https://") ? "has no host" : "must start with");
      }
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveNamesTheHttpSetting() {
    for (Vendor vendor : VENDORS) {
      for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5)}) {
        assertRefused(
            () ->
                vendor
                    .build()
                    .apply(
                        new Values(
                            "https://api.example.com",
                            "sk-secret-1",
                            DEFAULTS.withTimeout(timeout))),
            "reelforge.providers.http.timeout",
            "must be positive");
      }
    }
    assertRefused(
        () -> DEFAULTS.withMaxAttempts(0), "reelforge.providers.http.max-attempts", "at least 1");
    assertRefused(
        () -> DEFAULTS.withMaxConcurrent(0),
        "reelforge.providers.http.max-concurrent",
        "at least 1");
  }

  @Test
  void vendorSpecificValuesAreCheckedToo() {
    assertRefused(
        () -> FalOptions.newBuilder().setApiKey("k").setDeadline(Duration.ZERO).build(),
        "reelforge.providers.fal.deadline",
        "must be positive");
    assertRefused(
        () -> FalOptions.newBuilder().setApiKey("k").setModel(" ").build(),
        "reelforge.providers.fal.model",
        "is empty");
    assertRefused(
        () -> ChatOptions.newBuilder().setModel("").build(),
        "reelforge.providers.chat.model",
        "is empty");
    assertRefused(
        () -> ChatOptions.newBuilder().setModel("m").setTemperature(2.5).build(),
        "reelforge.providers.chat.temperature",
        "between 0.0 and 2.0");
    assertRefused(
        () -> ChatOptions.newBuilder().setModel("m").setStructuredOutput(null).build(),
        "reelforge.providers.chat.structured-output",
        "is missing");
    assertRefused(
        () -> OpenAiOptions.newBuilder().setApiKey("k").setVoice("").build(),
        "reelforge.providers.openai.voice",
        "is empty");
    assertRefused(
        () -> FalOptions.newBuilder().setApiKey("k").setStyleStrength(0.7).build(),
        "reelforge.providers.fal.style-strength",
        "must be between 0.3 and 0.5, not 0.7");
    assertRefused(
        () -> FalOptions.newBuilder().setApiKey("k").setStyleModel("").build(),
        "reelforge.providers.fal.style-model",
        "is empty");
    assertRefused(
        () -> OpenAiOptions.newBuilder().setApiKey("k").setVisionModel(" ").build(),
        "reelforge.providers.openai.vision-model",
        "is empty");
    assertRefused(
        () -> GeminiOptions.newBuilder().setApiKey("k").setModel("models/gemini x").build(),
        "reelforge.providers.gemini.model",
        "must be a Gemini model name");
    assertRefused(
        () -> ElevenLabsOptions.newBuilder().setApiKey("k").setVoiceId(null).build(),
        "reelforge.providers.elevenlabs.voice-id",
        "is empty");
  }

  @Test
  void buildersStartFromTheVendorsDefaults() {
    OpenAiOptions openai = OpenAiOptions.newBuilder().setApiKey("k").build();
    assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(openai.speechModel()).isEqualTo("gpt-4o-mini-tts");
    assertThat(openai.resilience()).isEqualTo(ResilienceOptions.defaults());
    ChatOptions chat = ChatOptions.newBuilder().setModel("m").build();
    assertThat(chat.apiKey()).isEmpty();
    assertThat(chat.structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
    assertThat(ChatOptions.isOpenAi("https://api.openai.com/v1//")).isTrue();
    assertThat(ChatOptions.isOpenAi("http://localhost:11434/v1")).isFalse();
    assertThat(FalOptions.newBuilder().setApiKey("k").build().deadline())
        .isEqualTo(Duration.ofMinutes(3));
    assertThat(FalOptions.newBuilder().setApiKey("k").build().styleStrength()).isEqualTo(0.4);
    assertThat(openai.visionModel()).isEqualTo("gpt-4o-mini");
    assertThat(GeminiOptions.newBuilder().setApiKey("k").build().model())
        .isEqualTo("gemini-2.5-flash");
    assertThat(ChatOptions.isDeepSeek("https://api.deepseek.com/v1/")).isTrue();
    assertThat(ChatOptions.isDeepSeek(ChatOptions.DEFAULT_BASE_URL)).isFalse();
    // Trailing slashes go, so that paths join without doubling them.
    assertThat(
            PexelsOptions.newBuilder()
                .setApiKey("k")
                .setBaseUrl(" https://api.pexels.com/ ")
                .build()
                .endpoint()
                .uri("/v1/search")
                .toString())
        .isEqualTo("https://api.pexels.com/v1/search");
  }
}
