package dev.reelforge.app.providers;

import dev.reelforge.app.observability.ProviderCalls;
import dev.reelforge.core.clips.HighlightRanker;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.providers.assemblyai.AssemblyAiFactory;
import dev.reelforge.providers.assemblyai.AssemblyAiOptions;
import dev.reelforge.providers.chat.ChatFactory;
import dev.reelforge.providers.chat.ChatOptions;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ResilienceOptions;
import dev.reelforge.providers.openai.OpenAiFactory;
import dev.reelforge.providers.openai.OpenAiTranscriptionOptions;
import dev.reelforge.providers.transcribe.PocketsphinxTranscriber;
import dev.reelforge.providers.transcribe.Sphinx4Transcriber;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The clips feature's speech-to-text engine ({@link TranscriberSettings}) and its optional
 * highlight re-ranker ({@link HighlightRankerSettings}, no bean unless enabled).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TranscriberSettings.class, HighlightRankerSettings.class})
class TranscriberConfiguration {

  @Bean
  @Primary
  Transcriber transcriber(
      TranscriberSettings transcriber,
      ProvidersSettings providers,
      CostRecorder providerCosts,
      ProviderCalls calls,
      Clock clock) {
    return transcriber(
        transcriber,
        providers,
        CloudVendors.systemEnvironment(),
        CloudContext.of(providerCosts, clock, calls));
  }

  @Bean
  @ConditionalOnProperty(name = "reelforge.clips.ranker.enabled", havingValue = "true")
  HighlightRanker highlightRanker(
      HighlightRankerSettings ranker,
      ProvidersSettings providers,
      CostRecorder providerCosts,
      ProviderCalls calls,
      Clock clock) {
    return highlightRanker(
        ranker,
        providers,
        CloudVendors.systemEnvironment(),
        CloudContext.of(providerCosts, clock, calls));
  }

  /** The engine {@code settings} name, with keys missing from them looked up in {@code env}. */
  static Transcriber transcriber(
      TranscriberSettings settings,
      ProvidersSettings providers,
      Function<String, String> env,
      CloudContext context) {
    CloudVendors vendors = new CloudVendors(providers, env);
    return switch (settings.getEngine()) {
      case SPHINX4 ->
          new Sphinx4Transcriber(
              settings.getSphinx4().getAccuracy(), decoders(settings.getSphinx4().getDecoders()));
      case POCKETSPHINX -> pocketsphinx();
      case OPENAI -> openAi(settings.getOpenai(), vendors, context);
      case ASSEMBLYAI -> assemblyAi(settings.getAssemblyai(), vendors, env, context);
    };
  }

  static HighlightRanker highlightRanker(
      HighlightRankerSettings settings,
      ProvidersSettings providers,
      Function<String, String> env,
      CloudContext context) {
    ChatOptions chat =
        new CloudVendors(providers, env)
            .chat()
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        "reelforge.clips.ranker.enabled",
                        "needs the chat API: set reelforge.providers.chat.model (and its key)"));
    if (!settings.getModel().isBlank()) {
      chat =
          ChatOptions.newBuilder()
              .setBaseUrl(chat.baseUrl())
              .setApiKey(chat.apiKey())
              .setModel(settings.getModel())
              .setStructuredOutput(chat.structuredOutput())
              .setTemperature(0.2)
              .setResilience(chat.resilience())
              .build();
    }
    return ChatFactory.highlightRanker(chat, context);
  }

  private static int decoders(int decoders) {
    if (decoders < 1) {
      throw ReelForgeException.invalidField(
          "reelforge.clips.transcriber.sphinx4.decoders", "must be at least 1, was " + decoders);
    }
    return decoders;
  }

  private static Transcriber pocketsphinx() {
    PocketsphinxTranscriber pocketsphinx = new PocketsphinxTranscriber();
    if (!pocketsphinx.installed()) {
      throw ReelForgeException.invalidField(
          "reelforge.clips.transcriber.engine",
          "is pocketsphinx, which is not installed: " + PocketsphinxTranscriber.INSTALL_HINT);
    }
    return pocketsphinx;
  }

  private static Transcriber openAi(
      TranscriberSettings.OpenAi openAi, CloudVendors vendors, CloudContext context) {
    String key = openAi.getApiKey().isBlank() ? vendors.openAiApiKey() : openAi.getApiKey();
    return OpenAiFactory.transcriber(
        OpenAiTranscriptionOptions.newBuilder()
            .setBaseUrl(openAi.getBaseUrl())
            .setApiKey(key)
            .setModel(openAi.getModel())
            .setPieceDuration(openAi.getPieceDuration())
            .setResilience(
                longCalls(vendors.resilience(), OpenAiTranscriptionOptions.DEFAULT_TIMEOUT))
            .build(),
        context);
  }

  private static Transcriber assemblyAi(
      TranscriberSettings.AssemblyAi assemblyAi,
      CloudVendors vendors,
      Function<String, String> env,
      CloudContext context) {
    String key = assemblyAi.getApiKey();
    if (key.isBlank()) {
      String variable = env.apply(AssemblyAiOptions.KEY_VARIABLE);
      key = variable == null ? "" : variable.strip();
    }
    return AssemblyAiFactory.transcriber(
        AssemblyAiOptions.newBuilder()
            .setBaseUrl(assemblyAi.getBaseUrl())
            .setApiKey(key)
            .setPollEvery(assemblyAi.getPollEvery())
            .setDeadline(assemblyAi.getDeadline())
            .setResilience(longCalls(vendors.resilience(), AssemblyAiOptions.DEFAULT_TIMEOUT))
            .build(),
        context);
  }

  /** Uploads of long audio need longer than the usual per-call timeout. */
  private static ResilienceOptions longCalls(ResilienceOptions resilience, Duration atLeast) {
    return resilience.timeout().compareTo(atLeast) >= 0
        ? resilience
        : resilience.withTimeout(atLeast);
  }
}
