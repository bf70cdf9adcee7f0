package dev.reelforge.providers.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.testkit.script.ScriptWriterContract;
import org.junit.jupiter.api.Test;

class ExtractiveScriptWriterTest extends ScriptWriterContract {

  private final ExtractiveScriptWriter writer = new ExtractiveScriptWriter();

  @Override
  protected ScriptWriter writer() {
    return writer;
  }

  @Test
  void everyBeatIsASentenceOfTheInputUnchanged() {
    Script script = writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    assertThat(script.origin()).isEqualTo(ScriptOrigin.EXTRACTIVE);
    for (Beat beat : script.beats()) {
      assertThat(PARAGRAPH).contains(beat.text().replaceAll("\\.$", ""));
    }
    assertThat(script.notice()).isEmpty();
  }

  @Test
  void theHookIsTheMostCentralSentenceAndTheClosingComesFromTheEnd() {
    Script script = writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    // "Moon" and "Earth" run through the text: the hook is about them, and carries a number.
    assertThat(script.beats().getFirst().text()).contains("Moon").containsPattern("four|\\d");
    int closingAt = PARAGRAPH.indexOf(script.beats().getLast().text().replaceAll("\\.$", ""));
    assertThat(closingAt).isGreaterThan(PARAGRAPH.length() / 2);
    // Body beats keep the text's order, so the story reads as written.
    int previous = -1;
    for (Beat beat : script.beats().subList(1, script.beats().size() - 1)) {
      int at = PARAGRAPH.indexOf(beat.text());
      assertThat(at).isGreaterThan(previous);
      previous = at;
    }
  }

  @Test
  void keywordsAreTheBeatsNouns() {
    Script script = writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    assertThat(script.beats().getFirst().keywords()).contains("moon");
    assertThat(script.hashtags()).contains("moon");
    assertThat(script.title()).doesNotEndWith(".");
  }

  @Test
  void aSentenceTooLongForABeatIsCutAtItsClauses() {
    String text =
        "Coral reefs cover less than one percent of the ocean floor, but they shelter about a"
            + " quarter of all marine species; they also protect coastlines from storms and"
            + " feed hundreds of millions of people who fish on them every single day. Reefs are"
            + " dying as the water warms. We can still save many of them.";
    Script script = writer.write(ScriptRequest.of(text, InputKind.PARAGRAPH));
    assertWellFormed(script);
    assertThat(script.beats())
        .anySatisfy(b -> assertThat(b.text()).startsWith("Coral reefs cover"));
  }

  @Test
  void aTemplateScriptIsLabelledAndUsesTheIdeasWords() {
    Script script = writer.write(ScriptRequest.of("How to keep basil alive", InputKind.IDEA));
    assertThat(script.origin()).isEqualTo(ScriptOrigin.TEMPLATE);
    assertThat(script.notice()).contains("no facts added");
    assertThat(script.beats().getFirst().text()).contains("keep basil alive");
    assertThat(script.beats().getFirst().keywords()).contains("basil");
  }

  @Test
  void anIdeaWrittenAsSentencesIsExtractedNotTemplated() {
    Script script =
        writer.write(
            ScriptRequest.of(
                "Honey never spoils. Archaeologists found edible honey in Egyptian tombs. Its low"
                    + " water content keeps bacteria out.",
                InputKind.IDEA));
    assertThat(script.origin()).isEqualTo(ScriptOrigin.EXTRACTIVE);
  }

  @Test
  void maxBeatsIsRespected() {
    Script script =
        writer.write(new ScriptRequest((PARAGRAPH + " ").repeat(3), InputKind.ARTICLE, 4));
    assertThat(script.beats()).hasSizeLessThanOrEqualTo(4);
  }
}
