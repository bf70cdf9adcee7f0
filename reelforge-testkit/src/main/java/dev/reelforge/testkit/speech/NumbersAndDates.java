package dev.reelforge.testkit.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Beats full of numbers, dates, units, symbols and abbreviations ("3.8 cm", "July 20th, 1969",
 * "$5.99", "#1", "e.g."), as an author writes them: what captions must show exactly as written
 * while the voice spells them out.
 */
public final class NumbersAndDates {

  private NumbersAndDates() {}

  /** The beats, one sentence each. */
  public static List<String> beats() {
    try (InputStream in = NumbersAndDates.class.getResourceAsStream("numbers-and-dates.txt")) {
      if (in == null) {
        throw new IllegalStateException("numbers-and-dates.txt is missing from the testkit");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
