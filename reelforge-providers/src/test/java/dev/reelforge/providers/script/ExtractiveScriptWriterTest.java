package dev.reelforge.providers.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.testkit.script.ScriptWriterContract;
import java.util.List;
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
  void theHookIsTheTextsOpeningAndTheClosingComesFromTheEnd() {
    Script script = writer.write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    // The text opens on its point; the hook is that opening.
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
    assertThat(script.notice()).startsWith("This is a template to edit, not a finished script");
    assertThat(script.beats().getFirst().text())
        .isEqualTo("Want to keep basil alive? Here is how, step by step.");
    assertThat(script.beats().getFirst().keywords()).contains("basil");
    // Every line names what belongs there in the idea's words: none is filler.
    assertThat(script.beats()).allSatisfy(b -> assertThat(b.text()).contains("keep basil alive"));
    assertThat(script.beats())
        .extracting(Beat::text)
        .anySatisfy(t -> assertThat(t).startsWith("Common mistake:"))
        .anySatisfy(t -> assertThat(t).startsWith("What to do next:"))
        .anySatisfy(t -> assertThat(t).startsWith("One example:"));
  }

  @Test
  void aTemplateForAQuestionOrATopicHasTheStructureOfAnExplainer() {
    Script question = writer.write(ScriptRequest.of("why cats purr", InputKind.IDEA));
    assertThat(question.beats().getFirst().text())
        .isEqualTo("Ever wondered why cats purr? Here is the short answer.");
    assertThat(question.beats()).allSatisfy(b -> assertThat(b.text()).contains("why cats purr"));
    Script topic = writer.write(new ScriptRequest("compound interest", InputKind.IDEA, 5));
    assertThat(topic.beats())
        .extracting(Beat::text)
        .containsExactly(
            "What do you really know about compound interest?",
            "What it is: compound interest, explained in one plain sentence.",
            "Why it matters: who compound interest affects, and how.",
            "One example: a real case of compound interest, with a number, a name or a date.",
            "Follow for more about compound interest.");
    assertThat(topic.title()).isEqualTo("Compound interest");
  }

  @Test
  void aLongIdeaStillFitsTheScriptLimits() {
    String idea = "how to " + "grow tomatoes on a small city balcony facing north in a windy spot";
    Script script = writer.write(ScriptRequest.of(idea, InputKind.IDEA));
    assertWellFormed(script);
    assertThat(script.origin()).isEqualTo(ScriptOrigin.TEMPLATE);
  }

  @Test
  void theOctopusKeepsItsOrderAndNoSentenceLosesWhatItLeansOn() {
    String text =
        "Octopuses have three hearts and blue blood. Two pump blood through the gills; the third"
            + " sends it around the body. When an octopus swims, that third heart stops beating."
            + " That is why octopuses would rather crawl than swim. Their blood is blue because it"
            + " carries oxygen with copper, not iron.";
    List<String> beats = texts(writer.write(new ScriptRequest(text, InputKind.PARAGRAPH, 4)));
    assertThat(beats.getFirst()).isEqualTo("Octopuses have three hearts and blue blood.");
    for (int i = 1; i < beats.size(); i++) {
      assertThat(text.indexOf(beats.get(i))).isGreaterThan(text.indexOf(beats.get(i - 1)));
    }
    if (beats.contains("That is why octopuses would rather crawl than swim.")) {
      assertThat(
              beats.get(beats.indexOf("That is why octopuses would rather crawl than swim.") - 1))
          .isEqualTo("When an octopus swims, that third heart stops beating.");
    }
  }

  @Test
  void aSentenceThatLeansOnThePreviousOneNeverOpensAndComesOnlyAfterIt() {
    String text =
        "Yet nobody saw it coming, and the heat broke every record in the book that summer."
            + " Europe's summer of 2022 was the hottest on record in every country. Rivers such as"
            + " the Po and the Rhine fell so low that barges had to sail half empty. Yet the same"
            + " heat that emptied the rivers filled the beaches of the whole Mediterranean coast."
            + " Hotels reported their busiest July since 2019, with beaches full every day."
            + " Without faster cuts in emissions, Europe could see far more deadly summers.";
    for (int max = 2; max <= 6; max++) {
      List<String> beats = texts(writer.write(new ScriptRequest(text, InputKind.PARAGRAPH, max)));
      // The text's own first sentence leans on nothing before it, yet reads as a reply: "Yet…".
      assertThat(beats.getFirst())
          .isEqualTo("Europe's summer of 2022 was the hottest on record in every country.");
      int yet =
          beats.indexOf(
              "Yet the same heat that emptied the rivers filled the beaches of the whole Mediterranean coast.");
      if (yet >= 0) {
        assertThat(beats.get(yet - 1)).startsWith("Rivers such as the Po");
      }
    }
  }

  @Test
  void aColonIsKeptAsWrittenAndEveryBeatIsTheAuthorsText() {
    String moon =
        "The Moon is drifting away from Earth by about 3.8 centimetres every year. Lasers fired"
            + " from observatories bounce off mirrors that Apollo astronauts left on the surface."
            + " The cause is the tide: Earth's oceans bulge toward the Moon, and because Earth"
            + " spins faster than the Moon orbits, that bulge runs slightly ahead and tugs the Moon"
            + " forward. Hundreds of millions of years ago a day lasted only about twenty-two hours.";
    Script script = writer.write(ScriptRequest.of(moon, InputKind.PARAGRAPH));
    for (Beat beat : script.beats()) {
      assertThat(moon).contains(beat.text());
    }
    assertThat(script.narration()).doesNotContain(":,").contains("The cause is the tide:");
    assertThat(script.title())
        .isEqualTo("The Moon is drifting away from Earth by about 3.8 centimetres every year");
    assertThat(script.description()).doesNotContain(":,");
  }

  private static List<String> texts(Script script) {
    assertWellFormed(script);
    return script.beats().stream().map(Beat::text).toList();
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
