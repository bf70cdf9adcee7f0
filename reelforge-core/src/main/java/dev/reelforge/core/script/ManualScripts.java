package dev.reelforge.core.script;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's own script made into beats, identical for every writer: a manual script is never
 * rewritten, so no writer gets to touch it.
 */
public final class ManualScripts {

  private ManualScripts() {}

  /**
   * @throws dev.reelforge.core.error.ReelForgeException {@code VALIDATION_FAILED} naming each line
   *     that breaks a limit
   */
  public static Script of(String scriptText, String writer) {
    List<String> lines = ScriptRules.splitManual(scriptText);
    List<Beat> beats = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> keywords = Keywords.of(lines.get(i), 4);
      if (keywords.isEmpty()) {
        // A line of only small words ("So here we go.") borrows the script's subject.
        keywords = Keywords.of(scriptText, 2);
      }
      if (keywords.isEmpty()) {
        keywords = List.of("abstract");
      }
      beats.add(new Beat(Beat.roleAt(i, lines.size()), lines.get(i), keywords));
    }
    List<String> hashtags = ScriptMetadata.hashtags(beats);
    return new Script(
        ScriptMetadata.title(lines.getFirst()),
        beats,
        ScriptMetadata.description(beats, hashtags),
        hashtags,
        ScriptOrigin.MANUAL,
        writer,
        "");
  }
}
