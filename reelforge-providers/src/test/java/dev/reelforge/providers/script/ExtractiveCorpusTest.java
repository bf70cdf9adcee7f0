package dev.reelforge.providers.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.ingest.TextIngest;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptRules;
import dev.reelforge.testkit.corpus.InputCorpus;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extractive writer on every prose input of the corpus, after ingest as the pipeline does it
 * (issue 23): each beat is the author's text exactly, the order is the author's, the script never
 * opens on a sentence that leans on one before, and such a sentence only ever follows the one it
 * leans on. The check of "leans on" here is a plain list of openers, independent of the writer's.
 */
class ExtractiveCorpusTest {

  private static final Pattern LEANS_BACK =
      Pattern.compile(
          "^[\"“‘(]*(?:(?:It|Its|They|Their|Them|This|These|Those|That|He|She|His|Her|Yet|But"
              + "|However|So|Also|And|Then|Or|Finally|Instead|Still|Both|Others|Another)\\b"
              + "|(?:Two|Three|One|Most|Some) of\\b|The (?:same|other|rest|third|second)\\b"
              + "|\\p{Ll})");

  private final ExtractiveScriptWriter writer = new ExtractiveScriptWriter();

  static Stream<InputCorpus.Input> prose() {
    return InputCorpus.prose().stream();
  }

  private Script write(InputCorpus.Input input, String prose) {
    Script script = writer.write(new ScriptRequest(prose, input.inputKind(), 8));
    assertThat(ScriptRules.problems(script)).as(input.name()).isEmpty();
    assertThat(script.origin()).isEqualTo(ScriptOrigin.EXTRACTIVE);
    return script;
  }

  @ParameterizedTest
  @MethodSource("prose")
  void everyBeatIsTheAuthorsTextInTheAuthorsOrder(InputCorpus.Input input) {
    String prose = TextIngest.read(input.text()).text();
    String flat = prose.replaceAll("\\s+", " ");
    List<String> beats = write(input, prose).beats().stream().map(Beat::text).toList();
    int previous = -1;
    for (int i = 0; i < beats.size(); i++) {
      int at = flat.indexOf(beats.get(i));
      assertThat(at)
          .as("%s: beat %d is the author's text: %s", input, i, beats.get(i))
          .isNotNegative();
      if (i > 1) {
        assertThat(at).as("%s: beat %d keeps the author's order", input, i).isGreaterThan(previous);
      }
      previous = at;
    }
    assertThat(String.join(" ", beats)).doesNotContain(":,", ";,");
  }

  @ParameterizedTest
  @MethodSource("prose")
  void theScriptNeverOpensOnASentenceThatLeansOnAnother(InputCorpus.Input input) {
    String prose = TextIngest.read(input.text()).text();
    List<String> beats = write(input, prose).beats().stream().map(Beat::text).toList();
    assertThat(beats.getFirst()).as(input.name()).doesNotContainPattern(LEANS_BACK);
  }

  @ParameterizedTest
  @MethodSource("prose")
  void aSentenceThatLeansOnAnotherComesRightAfterIt(InputCorpus.Input input) {
    String flat = TextIngest.read(input.text()).text().replaceAll("\\s+", " ");
    List<String> beats = write(input, flat).beats().stream().map(Beat::text).toList();
    for (int i = 1; i < beats.size(); i++) {
      if (LEANS_BACK.matcher(beats.get(i)).find()) {
        String before = beats.get(i - 1);
        assertThat(flat)
            .as("%s: \"%s\" follows \"%s\" in the text", input, beats.get(i), before)
            .contains(before + " " + beats.get(i));
      }
    }
  }

  @Test
  void theOctopusHasThreeHeartsBeforeTwoOfThemPump() {
    List<String> beats =
        texts(InputCorpus.named("03"), TextIngest.read(InputCorpus.named("03").text()).text());
    assertThat(beats.getFirst()).isEqualTo("Octopuses have three hearts and blue blood.");
    assertThat(beats.get(1)).startsWith("Two pump blood through the gills");
  }

  @Test
  void theSameHeatComesAfterTheRiversItEmptied() {
    List<String> beats =
        texts(InputCorpus.named("04"), TextIngest.read(InputCorpus.named("04").text()).text());
    int yet =
        beats.indexOf(
            "Yet the same heat that emptied the rivers filled the beaches, and many Mediterranean"
                + " hotels reported their busiest July since 2019.");
    assertThat(yet).isPositive();
    assertThat(beats.get(yet - 1)).startsWith("Portugal recorded 47.0 °C in Pinhão");
  }

  @Test
  void theMoonsTideIsCutAtItsOwnColon() {
    List<String> beats =
        texts(InputCorpus.named("01"), TextIngest.read(InputCorpus.named("01").text()).text());
    assertThat(String.join(" ", beats))
        .contains(
            "The cause is the tide: Earth's oceans bulge toward the Moon, and because Earth spins"
                + " faster than the Moon orbits, that bulge runs slightly ahead and tugs the Moon"
                + " forward.")
        .doesNotContain("tide:,");
  }

  private List<String> texts(InputCorpus.Input input, String prose) {
    return write(input, prose).beats().stream().map(Beat::text).toList();
  }
}
