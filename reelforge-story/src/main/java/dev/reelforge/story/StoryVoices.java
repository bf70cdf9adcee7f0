package dev.reelforge.story;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.Voice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A voice asked for by name must be one the speech engine in use has installed. Checked where the
 * name comes in (a session's settings, {@code reelforge make --voice}), so that a typo is a field
 * error at once instead of a failed voice stage after the script and the visuals were made. An
 * engine that cannot list its voices (a cloud vendor's ids) is trusted with any name.
 */
public final class StoryVoices {

  private static final int NAMED_IN_MESSAGE = 8;

  private StoryVoices() {}

  /**
   * The installed voices of the speech engine in use; empty when there is none or it cannot say.
   */
  public static List<Voice> installed(ProviderRegistry providers) {
    return providers
        .active(ProviderPort.SPEECH)
        .map(choice -> ((SpeechSynthesizer) choice.implementation()).voices())
        .orElse(List.of());
  }

  /**
   * @throws ReelForgeException INVALID_INPUT on {@code field} when the engine lists its voices and
   *     {@code voice} is not one of them
   */
  public static void require(ProviderRegistry providers, Optional<String> voice, String field) {
    if (voice.isEmpty() || voice.get().isBlank()) {
      return;
    }
    List<Voice> installed = installed(providers);
    String wanted = voice.get().strip();
    if (installed.isEmpty() || installed.stream().anyMatch(v -> names(v, wanted))) {
      return;
    }
    String some =
        installed.stream().limit(NAMED_IN_MESSAGE).map(Voice::id).collect(Collectors.joining(", "));
    String more = installed.size() > NAMED_IN_MESSAGE ? ", … " + installed.size() + " in all" : "";
    throw ReelForgeException.invalidField(
        field,
        installed.getFirst().engine()
            + " has no voice '"
            + wanted
            + "' (installed: "
            + some
            + more
            + "; GET /api/voices or reelforge voices lists them)");
  }

  /**
   * The voice's own id; or, for an engine whose voices are languages (espeak-ng), the language
   * without its region ({@code en} for {@code en-us}), either with a variant ({@code en-us+f3}).
   */
  private static boolean names(Voice voice, String wanted) {
    String id = voice.id().toLowerCase(Locale.ROOT);
    String name = wanted.toLowerCase(Locale.ROOT);
    String base = name.contains("+") ? name.substring(0, name.indexOf('+')) : name;
    boolean isLanguage = id.equalsIgnoreCase(voice.language());
    return id.equals(name)
        || id.equals(base)
        || (isLanguage && !base.isEmpty() && id.startsWith(base + "-"));
  }
}
