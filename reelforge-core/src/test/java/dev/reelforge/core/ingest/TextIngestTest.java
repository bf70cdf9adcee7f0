package dev.reelforge.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import org.junit.jupiter.api.Test;

class TextIngestTest {

  private static final String NOTES =
      """
      # How to parse JSON in Python

      Python ships with a `json` module. Use **`json.loads`** for text and *never* `eval`.

      ## Reading a string

      ```python
      import json
      person = json.loads(raw)
      print(person["name"])
      ```

      | Function | Use |
      |---|---|
      | `json.loads` | parse a string |
      | `json.load` | parse a file |

      - Single quotes are not valid JSON
      - Trailing commas break the parser, e.g. `[1, 2, 3,]`.

      Read the [official documentation](https://docs.python.org/3/library/json.html) now.
      """;

  @Test
  void markdownBecomesSpeakableProseAndSaysWhatWasLeftOut() {
    Prose prose = TextIngest.read(NOTES);
    assertThat(prose.format()).isEqualTo(TextFormat.MARKDOWN);
    assertThat(Sentences.split(prose.text()))
        .containsExactly(
            "How to parse JSON in Python.",
            "Python ships with a json module.",
            "Use json.loads for text and never eval.",
            "Single quotes are not valid JSON.",
            "Read the official documentation now.");
    assertThat(prose.leftOut())
        .containsExactly(
            "a code block (3 lines)",
            "a table (2 rows)",
            "a sentence with code in it",
            "a section heading");
    assertThat(prose.notice())
        .isEqualTo(
            "Left out of the narration: a code block (3 lines), a table (2 rows), a sentence with"
                + " code in it, a section heading.");
  }

  @Test
  void markupNeverReachesTheProse() {
    String text = TextIngest.read(NOTES).text();
    assertThat(text).doesNotContain("#", "`", "**", "|", "](", "print", "import");
  }

  @Test
  void anHtmlFragmentLosesItsTagsAndKeepsItsWords() {
    Prose prose =
        TextIngest.read(
            "<article><h1>Why your coffee tastes bitter</h1><p>It&rsquo;s the"
                + " <strong>water</strong> &amp; the grind&nbsp;size.</p><script>var x = 1;</script>"
                + "<ul><li>Rest boiled water 30&nbsp;s</li><li>Grind coarser</li></ul>"
                + "<pre><code>brew --hot\nbrew --cold</code></pre>"
                + "<table><tr><th>A</th></tr><tr><td>1</td></tr></table>"
                + "<div class=\"ad\">Buy now</div><figure><img src=a.jpg><figcaption>A cup"
                + "</figcaption></figure><p>Try <code>x &lt; y</code> once. Then <a href=\"/x\">read"
                + " more</a>.</p></article>");
    assertThat(prose.format()).isEqualTo(TextFormat.HTML);
    assertThat(Sentences.split(prose.text()))
        .containsExactly(
            "Why your coffee tastes bitter.",
            "It’s the water & the grind size.",
            "Rest boiled water 30 s.",
            "Grind coarser.",
            "Then read more.");
    assertThat(prose.leftOut())
        .containsExactly(
            "a code block (2 lines)", "a table (1 row)", "an image", "a sentence with code in it");
  }

  @Test
  void plainTextKeepsItsParagraphsAndTitle() {
    Prose prose =
        TextIngest.read(
            "The Great Barrier Reef has bleached again\n\nAustralia's reef bleached in\n2024."
                + " Scientists counted 5 * 60 reefs.\n\n- Corals starve\n- Algae leave");
    assertThat(prose.format()).isEqualTo(TextFormat.PLAIN);
    assertThat(prose.text())
        .isEqualTo(
            "The Great Barrier Reef has bleached again.\n\nAustralia's reef bleached in 2024."
                + " Scientists counted 5 * 60 reefs.\n\nCorals starve.\n\nAlgae leave.");
    assertThat(prose.leftOut()).isEmpty();
    assertThat(prose.notice()).isEmpty();
  }

  @Test
  void aBareIdeaIsLeftAsTyped() {
    assertThat(TextIngest.read("how bees find flowers").text()).isEqualTo("how bees find flowers");
  }

  @Test
  void indentedCodeIsLeftOutButNestedListItemsAreNot() {
    Prose prose =
        TextIngest.read(
            "Find the bad commit with `bisect`:\n\n    git bisect start\n    git bisect bad\n\n"
                + "It halves the history.\n\n* Long runs grow to 28 km.\n    * Eat on the run.\n");
    assertThat(Sentences.split(prose.text()))
        .containsExactly("It halves the history.", "Long runs grow to 28 km.", "Eat on the run.");
    assertThat(prose.leftOut()).containsExactly("a code block (2 lines)");
  }

  @Test
  void frontMatterCommentsRulesAndLinkDefinitionsAreNotProse() {
    Prose prose =
        TextIngest.read(
            "---\ntitle: Notes\ntags: [a]\n---\n\nFirst *point* here.\n\n<!-- hidden -->\n\n"
                + "---\n\nSee the [calendar][cal] and the ![plot map](map.png) today.\n\n"
                + "[cal]: https://example.org/cal\n");
    assertThat(Sentences.split(prose.text()))
        .containsExactly("First point here.", "See the calendar and the plot map today.");
    assertThat(prose.leftOut()).isEmpty();
  }

  @Test
  void detectionTellsTheFormatsApart() {
    assertThat(TextIngest.detect("Plain words. Even 5 * 3 = 15 and a - dash."))
        .isEqualTo(TextFormat.PLAIN);
    assertThat(TextIngest.detect("Title\n=====\n\nText.")).isEqualTo(TextFormat.MARKDOWN);
    assertThat(TextIngest.detect("<p>One</p><p>Two</p>")).isEqualTo(TextFormat.HTML);
    assertThat(TextIngest.detect("Use a <br> here and **there**.")).isEqualTo(TextFormat.MARKDOWN);
  }

  @Test
  void aTextOfOnlyCodeIsRefusedSayingWhy() {
    assertThatThrownBy(() -> TextIngest.forScript("```\nrm -rf /\n```\n", "input"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("nothing to narrate", "a code block (1 line)");
            });
  }
}
