package dev.reelforge.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.ingest.Prose;
import dev.reelforge.core.ingest.Sentences;
import dev.reelforge.core.ingest.TextFormat;
import dev.reelforge.core.ingest.TextIngest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text ingest measured on the whole input corpus (issue 23): markup is never left in what is
 * narrated, what is left out is named, and sentences keep the author's punctuation exactly.
 */
class IngestCorpusTest {

  /** What each input with something to leave out must report, exactly. */
  private static final Map<String, List<String>> LEFT_OUT =
      Map.ofEntries(
          Map.entry(
              "05-json-notes.md",
              List.of(
                  "a code block (6 lines)",
                  "a table (3 rows)",
                  "a sentence with code in it",
                  "3 section headings")),
          Map.entry("06-sourdough-blog.md", List.of("an image", "2 section headings")),
          Map.entry("07-coffee-html.html", List.of("3 section headings")),
          Map.entry("10-marathon-training.md", List.of("4 section headings")),
          Map.entry(
              "11-git-notes.md", List.of("a code block (4 lines)", "a sentence with code in it")),
          Map.entry("12-mars-rover.html", List.of("a table (3 rows)", "an image")),
          Map.entry("14-pancake-recipe.md", List.of("2 section headings")),
          Map.entry(
              "19-release-notes.md",
              List.of(
                  "a code block (2 lines)", "a sentence with code in it", "3 section headings")),
          Map.entry("27-meeting-notes.md", List.of("2 section headings")),
          Map.entry(
              "28-shell-tutorial.html",
              List.of("a code block (3 lines)", "a sentence with code in it")));

  static Stream<InputCorpus.Input> prose() {
    return InputCorpus.prose().stream();
  }

  @ParameterizedTest
  @MethodSource("prose")
  void noMarkupIsLeftInWhatIsNarrated(InputCorpus.Input input) {
    Prose prose = TextIngest.read(input.text());
    assertThat(prose.isEmpty()).isFalse();
    assertThat(prose.text())
        .doesNotContain("```", "~~~", "**", "__", "](", "![", "`", "|", "&amp;", "&nbsp;", "&#")
        .doesNotContainPattern("(?m)^\\s*(#{1,6}\\s|[-*+]\\s|>\\s|\\d+\\.\\s)")
        .doesNotContainPattern("</?[a-zA-Z][^>]*>")
        .doesNotContain("\uFFFC");
    // Code is never read out: not a line of the code blocks, nor an unspeakable inline snippet.
    assertThat(prose.text())
        .doesNotContain(
            "import json",
            "print(",
            "git bisect",
            "--soft",
            "curl",
            "du -h",
            "x < y",
            "dataLayer",
            "[1, 2, 3,]");
  }

  @ParameterizedTest
  @MethodSource("prose")
  void whatIsLeftOutIsNamed(InputCorpus.Input input) {
    Prose prose = TextIngest.read(input.text());
    assertThat(prose.leftOut()).isEqualTo(LEFT_OUT.getOrDefault(input.name(), List.of()));
    assertThat(prose.notice())
        .isEqualTo(
            prose.leftOut().isEmpty()
                ? ""
                : "Left out of the narration: " + String.join(", ", prose.leftOut()) + ".");
  }

  @Test
  void eachFileIsRecognisedForWhatItIs() {
    for (InputCorpus.Input input : InputCorpus.prose()) {
      TextFormat expected =
          switch (input.kind()) {
            case MARKDOWN -> TextFormat.MARKDOWN;
            case HTML -> TextFormat.HTML;
            default -> TextFormat.PLAIN;
          };
      assertThat(TextIngest.detect(input.text())).as(input.name()).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("prose")
  void everySentenceOfPlainTextIsTheAuthorsExactly(InputCorpus.Input input) {
    if (input.kind() != InputCorpus.Kind.PLAIN) {
      return;
    }
    String source = input.text().replaceAll("\\s+", " ");
    for (String sentence : Sentences.split(TextIngest.read(input.text()).text())) {
      // A title line gains its full stop as a sentence; everything else is verbatim.
      assertThat(source).contains(sentence.replaceFirst("\\.$", ""));
    }
  }

  @Test
  void theTrickySentencesComeBackExactlyWhateverSurroundsThem() {
    List<String> tricky = InputCorpus.trickySentences();
    assertThat(Sentences.split(String.join(" ", tricky))).isEqualTo(tricky);
    assertThat(Sentences.split(String.join("\n", tricky))).isEqualTo(tricky);
    for (String first : tricky) {
      for (String second : tricky) {
        if (!first.equals(second)) {
          assertThat(Sentences.split(first + " " + second))
              .as("%s | %s", first, second)
              .containsExactly(first, second);
        }
      }
    }
  }

  @Test
  void theMoonsColonIsKept() {
    String moon = TextIngest.read(InputCorpus.named("01").text()).text();
    assertThat(Sentences.split(moon))
        .contains(
            "The cause is the tide: Earth's oceans bulge toward the Moon, and because Earth spins"
                + " faster than the Moon orbits, that bulge runs slightly ahead and tugs the Moon"
                + " forward.");
  }
}
