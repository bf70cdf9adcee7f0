package dev.reelforge.core.jobs.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.jobs.spi.JsonText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store refuses what PostgreSQL's jsonb refuses: the checker must agree with it. */
class JsonTest {

  @Test
  void acceptsEveryKindOfValue() {
    assertThat(Json.isValid("{}")).isTrue();
    assertThat(Json.isValid(" [ ] ")).isTrue();
    assertThat(Json.isValid("{\"a\": [1, -2.5e+3, 0.1, true, false, null, \"x\\u00e9\\n\"]}"))
        .isTrue();
    assertThat(Json.isValid("\"just a string\"")).isTrue();
    assertThat(Json.isValid("42")).isTrue();
    assertThat(Json.isValid("{\"nested\":{\"deeper\":[{\"k\":\"v\"}]}}")).isTrue();
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String bad :
        new String[] {
          "",
          "   ",
          "{",
          "{topic: tides}",
          "{'a': 1}",
          "{\"a\": 1,}",
          "[1, 2",
          "[1 2]",
          "01",
          "1.",
          "-",
          "+1",
          "tru",
          "nul",
          "\"unterminated",
          "\"bad \\x escape\"",
          "\"tab\tinside\"",
          "{} {}",
          "NaN"
        }) {
      assertThat(Json.isValid(bad)).as(bad).isFalse();
    }
    assertThat(Json.isValid(null)).isFalse();
  }

  @Test
  void refusesDocumentsDeeperThanTheLimitInsteadOfOverflowing() {
    String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
    String fine = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertThat(Json.isValid(deep)).isFalse();
    assertThat(Json.isValid(fine)).isTrue();
  }

  @Test
  void writesEventDataThatItAccepts() {
    String data =
        JsonText.object(
            "text",
            "quote \" backslash \\ newline \n control \u0001",
            "n",
            3L,
            "f",
            0.5,
            "nan",
            Double.NaN,
            "none",
            null,
            "raw",
            new JsonText.Raw("{\"x\":[1]}"));
    assertThat(Json.isValid(data)).isTrue();
    assertThat(data).contains("\"nan\":null", "\"none\":null", "\"raw\":{\"x\":[1]}");
  }

  @Test
  void writesListsAsArraysInOrder() {
    String data = JsonText.object("tags", List.of("b\"ee", "honey"), "empty", List.of());
    assertThat(Json.isValid(data)).isTrue();
    assertThat(data).isEqualTo("{\"tags\":[\"b\\\"ee\",\"honey\"],\"empty\":[]}");
  }
}
