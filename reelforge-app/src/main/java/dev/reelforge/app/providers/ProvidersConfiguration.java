package dev.reelforge.app.providers;

import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.providers.moderation.RuleBasedModerator;
import dev.reelforge.providers.music.ProceduralMusic;
import dev.reelforge.providers.speech.MaryTtsSpeech;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers every provider this build carries and applies the configured selection. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvidersSettings.class)
class ProvidersConfiguration {

  @Bean
  ProviderRegistry providerRegistry(ProvidersSettings settings) {
    ProviderRegistry registry =
        new ProviderRegistry()
            .register(
                new ProviderChoice<SpeechSynthesizer>(
                    ProviderPort.SPEECH,
                    MaryTtsSpeech.NAME,
                    true,
                    "MaryTTS 5.2 in-process, voice cmu-slt-hsmm (English), word timings",
                    new MaryTtsSpeech()))
            .register(
                new ProviderChoice<Moderator>(
                    ProviderPort.MODERATOR,
                    RuleBasedModerator.NAME,
                    true,
                    "phrase rules by category and severity, look-alike characters undone, spam"
                        + " heuristics",
                    new RuleBasedModerator()))
            .register(
                new ProviderChoice<MusicSource>(
                    ProviderPort.MUSIC,
                    ProceduralMusic.NAME,
                    true,
                    "composed per mood and synthesised in-process (pad, bass, arpeggio, drums)",
                    new ProceduralMusic()));
    // A misspelt name is reported by doctor and by the first use of that role, with the setting
    // to fix and the names available.
    settings.selections().forEach(registry::select);
    return registry;
  }
}
