package dev.reelforge.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.BeatRole;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.testkit.corpus.InputCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryScriptsTest {

  /** A writer that keeps what it was given and answers it as one beat, with a notice of its own. */
  private static final class KeepingWriter implements ScriptWriter {

    final List<ScriptRequest> requests = new ArrayList<>();

    @Override
    public String name() {
      return "keeping";
    }

    @Override
    public Script write(ScriptRequest request) {
      requests.add(request);
      return new Script(
          "t",
          List.of(new Beat(BeatRole.HOOK, "x", List.of("x"))),
          "d",
          List.of("x"),
          ScriptOrigin.GENERATED,
          name(),
          request.kind() == InputKind.IDEA ? "Template." : "");
    }
  }

  @Test
  void everyWriterGetsSpeakableProseAndTheUserIsToldWhatWasLeftOut() {
    KeepingWriter writer = new KeepingWriter();
    Script script = StoryScripts.write(writer, InputCorpus.named("05").text(), InputKind.PARAGRAPH);
    String given = writer.requests.getFirst().input();
    assertThat(given)
        .startsWith("How to parse JSON in Python.")
        .doesNotContain("```", "| Function", "**", "](", "import json", "## ");
    assertThat(script.notice())
        .isEqualTo(
            "Left out of the narration: a code block (6 lines), a table (3 rows), a sentence with"
                + " code in it, 3 section headings.");
  }

  @Test
  void theLeftOutNoticeFollowsTheWritersOwn() {
    KeepingWriter writer = new KeepingWriter();
    Script script = StoryScripts.write(writer, "**how bees** find `flowers`", InputKind.IDEA);
    assertThat(writer.requests.getFirst().input()).isEqualTo("how bees find flowers");
    assertThat(script.notice()).isEqualTo("Template.");
  }

  @Test
  void aManualScriptReachesTheWriterExactlyAsWritten() {
    KeepingWriter writer = new KeepingWriter();
    String manual = "# Not a heading, a line\n**Bold** stays: the user wrote it.";
    StoryScripts.write(writer, manual, InputKind.MANUAL);
    assertThat(writer.requests.getFirst().input()).isEqualTo(manual);
  }

  @Test
  void aTextOfOnlyCodeIsRefusedSayingWhatWasInIt() {
    assertThatThrownBy(
            () ->
                StoryScripts.write(
                    new KeepingWriter(),
                    "```js\nconsole.log(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                    InputKind.PARAGRAPH))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage())
                  .contains("nothing to narrate", "a code block (1 line), a table (1 row)");
            });
  }

  @Test
  void aParagraphThatGrowsPastTheLimitGoesInAsAnArticle() {
    KeepingWriter writer = new KeepingWriter();
    // 2,000 characters as typed, the limit; the title line gains a full stop as a sentence.
    String text =
        "A title without a stop\n\n"
            + "Bees dance for food. ".repeat(93)
            + "Bees dance for us, too.";
    assertThat(text).hasSize(2000);
    StoryScripts.write(writer, text, InputKind.PARAGRAPH);
    assertThat(writer.requests.getFirst().input()).hasSize(2001);
    assertThat(writer.requests.getFirst().kind()).isEqualTo(InputKind.ARTICLE);
  }
}
