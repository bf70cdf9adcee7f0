package dev.reelforge.app.cli;

import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.speech.Voice;
import dev.reelforge.story.StoryVoices;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code reelforge voices}: the voices the speech engine in use has installed, as {@code make
 * --voice} and the dashboard's voice picker take them.
 */
final class VoicesCommand {

  private final PrintStream out;

  VoicesCommand(PrintStream out) {
    this.out = out;
  }

  int run(ProviderRegistry providers) {
    String engine =
        providers
            .active(ProviderPort.SPEECH)
            .map(choice -> choice.name())
            .orElse("no speech engine");
    List<Voice> voices = StoryVoices.installed(providers);
    if (voices.isEmpty()) {
      out.println(
          engine
              + " does not list its voices: --voice takes the names its documentation gives"
              + " (docs/providers.md)");
      return 0;
    }
    out.printf("%-24s %-10s %s%n", "VOICE", "LANGUAGE", "NAME");
    for (Voice voice : voices) {
      out.printf("%-24s %-10s %s%n", voice.id(), voice.language(), voice.label());
    }
    out.println(voices.size() + " voice(s) of " + engine + "; use one with make --voice ID");
    return 0;
  }
}
