package dev.reelforge.providers.script;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.ManualScripts;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptMetadata;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptRules;
import dev.reelforge.core.script.ScriptWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline script writer. From a paragraph or an article it picks sentences, unchanged ({@link
 * SentenceRanking}): a hook that stands on its own, then the most central sentences in the text's
 * order (a sentence that leans on the one before comes with it, or not at all), one of them from
 * the text's end, all within seed 000's limits. A sentence too long for a beat is cut into its
 * {@link Clauses}, each exactly the author's words and punctuation. From a bare idea it writes a
 * labelled {@link TemplateScripts template}; a manual script is split into beats, never rewritten.
 */
public final class ExtractiveScriptWriter implements ScriptWriter {

  public static final String NAME = "extractive";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Script write(ScriptRequest request) {
    return switch (request.kind()) {
      case MANUAL -> ManualScripts.of(request.input(), NAME);
      case IDEA ->
          isBareIdea(request.input())
              ? ScriptRules.check(TemplateScripts.write(request.input(), request.maxBeats(), NAME))
              : extract(request);
      case PARAGRAPH, ARTICLE -> extract(request);
    };
  }

  /** One short line without a full stop inside: nothing to extract from. */
  private static boolean isBareIdea(String idea) {
    String stripped = idea.strip();
    return stripped.length() <= TemplateScripts.MAX_TOPIC_CHARS
        && !stripped.replaceAll("[.!?]+$", "").matches("(?s).*[.!?]\\s+\\p{Lu}.*");
  }

  private Script extract(ScriptRequest request) {
    SentenceRanking ranking = new SentenceRanking(OpenNlpText.analyse(request.input()));
    List<SentenceRanking.Candidate> chosen = ranking.choose(request.maxBeats());
    if (chosen.isEmpty()) {
      if (request.kind() == InputKind.IDEA) {
        return ScriptRules.check(TemplateScripts.write(request.input(), request.maxBeats(), NAME));
      }
      throw new ReelForgeException(
          ErrorCode.SCRIPT_GENERATION_FAILED,
          "the text has no sentence of 20 to 160 characters to build a script from",
          false,
          List.of(),
          null);
    }
    List<Beat> beats = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      SentenceRanking.Candidate candidate = chosen.get(i);
      beats.add(
          new Beat(Beat.roleAt(i, chosen.size()), candidate.text(), ranking.keywords(candidate)));
    }
    List<String> hashtags = ScriptMetadata.hashtags(beats);
    return ScriptRules.check(
        new Script(
            ScriptMetadata.title(chosen.getFirst().text()),
            beats,
            ScriptMetadata.description(beats, hashtags),
            hashtags,
            ScriptOrigin.EXTRACTIVE,
            NAME,
            ""));
  }
}
