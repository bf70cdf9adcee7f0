package dev.reelforge.media.procedural.icons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IconIndexTest {

  private static final IconSet SET = IconSet.fontAwesome();
  private static final IconIndex INDEX = new IconIndex(SET, IconSynonyms.bundled());

  @Test
  void theSetShipsInTheBuildWithItsNamesTermsAndCategories() {
    assertThat(SET.icons()).hasSizeGreaterThan(1000);
    Icon moon = SET.icon("moon").orElseThrow();
    assertThat(moon.terms()).contains("lunar", "crescent");
    assertThat(moon.categories()).contains("astronomy");
    assertThat(SET.icons()).noneMatch(i -> i.name().endsWith("-slash"));
    // Letters and digits show no subject: left out; the star, also a rating toggle, stays.
    assertThat(SET.icon("a")).isEmpty();
    assertThat(SET.icon("star")).isPresent();
  }

  @Test
  void aWholeIconNameBeatsASearchTermAndPluralsMatch() {
    List<IconMatch> found = INDEX.match(List.of("hearts", "blood"), "");
    assertThat(found.getFirst().icon().name()).isEqualTo("heart");
    assertThat(found.getFirst().reason()).isEqualTo("icon 'heart' matched 'hearts' (icon name)");
    assertThat(found).anySatisfy(m -> assertThat(m.icon().name()).isEqualTo("droplet"));
  }

  @Test
  void searchTermsPhrasesAndSynonymsSayHowTheyMatched() {
    assertThat(INDEX.match(List.of("lunar"), "").getFirst().reason())
        .isEqualTo("icon 'moon' matched 'lunar' (search term)");
    assertThat(
            INDEX
                .match(List.of("credit", "highest"), "Pay off the credit card first.")
                .getFirst()
                .reason())
        .isEqualTo("icon 'credit-card' matched 'credit card' (phrase)");
    assertThat(INDEX.match(List.of("tide"), "").getFirst().reason())
        .isEqualTo("icon 'water' matched 'tide' through its synonym 'water' (icon name)");
  }

  @Test
  void keywordsOutweighTheLinesOtherWords() {
    String line = "A rocket needs a lot of fuel.";
    assertThat(INDEX.match(List.of("rocket"), line).getFirst().icon().name()).isEqualTo("rocket");
    assertThat(INDEX.match(List.of("fuel"), line).getFirst().icon().name()).isEqualTo("gas-pump");
  }

  @Test
  void wordsThatNameNothingFindNothing() {
    assertThat(INDEX.match(List.of("three", "hundred", "rather", "cause", "red"), "")).isEmpty();
    // The set calls the male symbol "mars"; narration means the planet.
    assertThat(INDEX.match(List.of("mars"), "")).isEmpty();
  }

  @Test
  void verbFormsAreWeakerThanTheNounsTheyLookLike() {
    double booked = INDEX.match(List.of("booked"), "").getFirst().score();
    double book = INDEX.match(List.of("book"), "").getFirst().score();
    assertThat(booked).isLessThan(book);
  }

  @Test
  void everySynonymInTheListFindsAnIcon() {
    IconSynonyms synonyms = IconSynonyms.bundled();
    String list = SynonymsFile.text();
    for (String line : list.split("\n")) {
      String entry = line.replaceFirst("#.*", "").strip();
      if (entry.isEmpty() || entry.startsWith("ignore:")) {
        continue;
      }
      for (String word : entry.substring(0, entry.indexOf(':')).split("/")) {
        assertThat(synonyms.of(word.strip())).as(word).isNotEmpty();
      }
      for (String target : entry.substring(entry.indexOf(':') + 1).split(",")) {
        assertThat(INDEX.knows(target.strip()))
            .as("synonym target '" + target.strip() + "' in: " + entry)
            .isTrue();
      }
    }
  }

  /** The bundled list's text, as the test reads it. */
  private static final class SynonymsFile {
    static String text() {
      try (var in = IconSynonyms.class.getResourceAsStream("icon-synonyms.txt")) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
