package dev.reelforge.app.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.clips.HighlightRanker;
import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.transcribe.Sphinx4Transcriber;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriberConfigurationTest {

  private static final CloudContext CONTEXT =
      CloudContext.of(new CostLedger(), Clock.systemUTC(), ProviderHttp.Observer.NONE);

  private static Transcriber transcriber(TranscriberSettings settings, Map<String, String> env) {
    return transcriber(settings, new ProvidersSettings(), env);
  }

  private static Transcriber transcriber(
      TranscriberSettings settings, ProvidersSettings providers, Map<String, String> env) {
    return TranscriberConfiguration.transcriber(settings, providers, env::get, CONTEXT);
  }

  @Test
  void sphinx4IsTheOfflineDefault() {
    Transcriber transcriber = transcriber(new TranscriberSettings(), Map.of());
    assertThat(transcriber).isInstanceOf(Sphinx4Transcriber.class);
    assertThat(transcriber.version()).isEqualTo("sphinx4-1.0.0/en-us/balanced");

    TranscriberSettings accurate = new TranscriberSettings();
    accurate.getSphinx4().setAccuracy(Sphinx4Transcriber.Accuracy.ACCURATE);
    accurate.getSphinx4().setDecoders(0);
    assertThatThrownBy(() -> transcriber(accurate, Map.of()))
        .hasMessageContaining("reelforge.clips.transcriber.sphinx4.decoders");
  }

  @Test
  void openAiReusesOpenAisKeyFromItsTreeOrItsVariable() {
    TranscriberSettings settings = new TranscriberSettings();
    settings.setEngine(TranscriberSettings.Engine.OPENAI);
    assertThatThrownBy(() -> transcriber(settings, Map.of()))
        .isInstanceOf(ReelForgeException.class)
        .hasMessageContaining("reelforge.clips.transcriber.openai.api-key")
        .hasMessageContaining("OPENAI_API_KEY");
    assertThat(transcriber(settings, Map.of("OPENAI_API_KEY", "sk-env")).name())
        .isEqualTo("openai-whisper");
    ProvidersSettings providers = new ProvidersSettings();
    providers.getOpenai().setApiKey("sk-tree");
    assertThat(transcriber(settings, providers, Map.of()).version()).isEqualTo("whisper-1");
  }

  @Test
  void assemblyAiTakesItsOwnKey() {
    TranscriberSettings settings = new TranscriberSettings();
    settings.setEngine(TranscriberSettings.Engine.ASSEMBLYAI);
    assertThatThrownBy(() -> transcriber(settings, Map.of()))
        .hasMessageContaining("reelforge.clips.transcriber.assemblyai.api-key")
        .hasMessageContaining("ASSEMBLYAI_API_KEY");
    assertThat(transcriber(settings, Map.of("ASSEMBLYAI_API_KEY", "aai")).name())
        .isEqualTo("assemblyai");
  }

  @Test
  void theRankerNeedsTheChatApi() {
    HighlightRankerSettings ranker = new HighlightRankerSettings();
    ranker.setEnabled(true);
    assertThatThrownBy(
            () ->
                TranscriberConfiguration.highlightRanker(
                    ranker, new ProvidersSettings(), Map.<String, String>of()::get, CONTEXT))
        .hasMessageContaining("reelforge.clips.ranker.enabled")
        .hasMessageContaining("reelforge.providers.chat.model");
    ProvidersSettings providers = new ProvidersSettings();
    providers.getChat().setModel("gpt-4o-mini");
    ranker.setModel("gpt-4.1-nano");
    HighlightRanker built =
        TranscriberConfiguration.highlightRanker(
            ranker, providers, Map.of("OPENAI_API_KEY", "sk-env")::get, CONTEXT);
    assertThat(built.name()).isEqualTo("chat/gpt-4.1-nano");
  }
}
