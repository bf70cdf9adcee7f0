package dev.reelforge.story;

import dev.reelforge.core.ingest.Prose;
import dev.reelforge.core.ingest.TextIngest;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.script.StoryLimits;

/**
 * Where a user's text meets a script writer, for the pipeline's script stage and a session's
 * generate alike: the text is made speakable first ({@link TextIngest}: Markdown, HTML and plain
 * text, code and tables left out), every writer — offline or a language model — gets that same
 * prose, and what was left out is added to the script's notice, which the manifest, the API and the
 * CLI show. A manual script goes to the writer untouched: it is never rewritten.
 */
public final class StoryScripts {

  private StoryScripts() {}

  /**
   * The script for {@code text} of {@code kind}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code INVALID_INPUT} when the text has
   *     nothing to narrate once code and tables are left out; whatever the writer throws
   */
  public static Script write(ScriptWriter writer, String text, InputKind kind) {
    if (kind == InputKind.MANUAL) {
      return writer.write(ScriptRequest.of(text, kind));
    }
    Prose prose = TextIngest.forScript(text, "input");
    // A title or a list item gains a full stop: a text just under the paragraph limit may pass it.
    InputKind fitted =
        kind != InputKind.ARTICLE && prose.text().length() > StoryLimits.MAX_INPUT_CHARS
            ? InputKind.ARTICLE
            : kind;
    return writer.write(ScriptRequest.of(prose.text(), fitted)).withNoticeAdded(prose.notice());
  }
}
