package dev.reelforge.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptMetadataTest {

  @Test
  void aLongHookBecomesATitleThatEndsWhereAPhraseEnds() {
    assertThat(
            ScriptMetadata.title(
                "Europe's summer of 2022 was the hottest on record, and the heat killed more people"
                    + " than any other summer since records began in the nineteenth century."))
        .isEqualTo("Europe's summer of 2022 was the hottest on record");
    // The comma of a date is not a clause boundary.
    assertThat(
            ScriptMetadata.title(
                "NASA's Perseverance rover landed in Jezero Crater on February 18, 2021, after a"
                    + " 293-million-mile journey that took nearly seven months from Florida."))
        .isEqualTo("NASA's Perseverance rover landed in Jezero Crater on February 18, 2021");
    // No clause long enough: just before a phrase ("with…").
    assertThat(
            ScriptMetadata.title(
                "On July 20, 1969, at 20:17 UTC, the lunar module Eagle touched down in the Sea of"
                    + " Tranquility with less than a minute of fuel left in its descent tanks."))
        .isEqualTo(
            "On July 20, 1969, at 20:17 UTC, the lunar module Eagle touched down in the Sea of"
                + " Tranquility");
  }

  @Test
  void aTitleThatFitsIsTheSentenceWithoutItsFullStop() {
    assertThat(ScriptMetadata.title("The cause is the tide: Earth's oceans bulge. More follows."))
        .isEqualTo("The cause is the tide: Earth's oceans bulge");
    assertThat(ScriptMetadata.title("Why do cats purr?")).isEqualTo("Why do cats purr?");
  }
}
