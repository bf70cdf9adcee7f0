package dev.reelforge.testkit.corpus;

import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.StoryLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Inputs of the kind users really give: news articles, blog posts, Markdown notes with headings,
 * lists, tables and code, HTML fragments, scripts full of numbers, dates, units and abbreviations,
 * manual scripts and bare ideas. Tests across modules measure themselves on the same set (issue 23:
 * punctuation kept, no markup read aloud, scripts that keep the meaning). The files live beside
 * this class in its package's resources (testkit/src/main/resources/dev/reelforge/testkit/corpus/);
 * add a file there and a line here.
 */
public final class InputCorpus {

  /** What a file is, as a user would hand it over. */
  public enum Kind {
    /** Plain paragraphs (an article pasted as text, a note). */
    PLAIN,
    /** Markdown: headings, lists, emphasis, links, tables, code. */
    MARKDOWN,
    /** An HTML fragment copied from a page. */
    HTML,
    /** A manual script: one beat per line, never rewritten. */
    SCRIPT,
    /** A bare idea of a few words. */
    IDEA
  }

  /**
   * One input.
   *
   * @param name the file name, e.g. {@code 05-json-notes.md}
   * @param text its content, as a user would paste it
   * @param kind what it is
   */
  public record Input(String name, String text, Kind kind) {

    public Input {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(kind, "kind");
    }

    /** The kind of script request it makes: long texts go in as articles, as a link's would. */
    public InputKind inputKind() {
      return switch (kind) {
        case SCRIPT -> InputKind.MANUAL;
        case IDEA -> InputKind.IDEA;
        case PLAIN, MARKDOWN, HTML ->
            text.length() > StoryLimits.MAX_INPUT_CHARS ? InputKind.ARTICLE : InputKind.PARAGRAPH;
      };
    }

    /** Prose to write a script from (not a manual script, not a bare idea). */
    public boolean isProse() {
      return kind == Kind.PLAIN || kind == Kind.MARKDOWN || kind == Kind.HTML;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<String[]> FILES =
      List.of(
          new String[] {"01-moon-article.txt", "PLAIN"},
          new String[] {"02-octopus-script.txt", "SCRIPT"},
          new String[] {"03-octopus-facts.txt", "PLAIN"},
          new String[] {"04-heat-wave-news.txt", "PLAIN"},
          new String[] {"05-json-notes.md", "MARKDOWN"},
          new String[] {"06-sourdough-blog.md", "MARKDOWN"},
          new String[] {"07-coffee-html.html", "HTML"},
          new String[] {"08-city-budget-numbers.txt", "PLAIN"},
          new String[] {"09-rates-news.txt", "PLAIN"},
          new String[] {"10-marathon-training.md", "MARKDOWN"},
          new String[] {"11-git-notes.md", "MARKDOWN"},
          new String[] {"12-mars-rover.html", "HTML"},
          new String[] {"13-interview-quotes.txt", "PLAIN"},
          new String[] {"14-pancake-recipe.md", "MARKDOWN"},
          new String[] {"15-moon-landing-history.txt", "PLAIN"},
          new String[] {"16-newsletter-blog.md", "MARKDOWN"},
          new String[] {"17-links-and-urls.txt", "PLAIN"},
          new String[] {"18-sleep-science.txt", "PLAIN"},
          new String[] {"19-release-notes.md", "MARKDOWN"},
          new String[] {"20-bees-plain.txt", "PLAIN"},
          new String[] {"21-council-news.html", "HTML"},
          new String[] {"22-idea-basil.txt", "IDEA"},
          new String[] {"23-idea-cats-purr.txt", "IDEA"},
          new String[] {"24-electric-cars.txt", "PLAIN"},
          new String[] {"25-volcano-script.txt", "SCRIPT"},
          new String[] {"26-coral-reefs-longread.txt", "PLAIN"},
          new String[] {"27-meeting-notes.md", "MARKDOWN"},
          new String[] {"28-shell-tutorial.html", "HTML"});

  private static final List<Input> ALL =
      FILES.stream().map(f -> new Input(f[0], read(f[0]), Kind.valueOf(f[1]))).toList();

  private InputCorpus() {}

  /** Every input, in file order. */
  public static List<Input> all() {
    return ALL;
  }

  /** The inputs of the given kinds, in file order. */
  public static List<Input> ofKind(Kind... kinds) {
    List<Kind> wanted = Arrays.asList(kinds);
    return ALL.stream().filter(input -> wanted.contains(input.kind())).toList();
  }

  /** The prose inputs (plain, Markdown, HTML), in file order. */
  public static List<Input> prose() {
    return ALL.stream().filter(Input::isProse).toList();
  }

  /** The input whose file name is {@code name} or starts with it (e.g. {@code "05"}). */
  public static Input named(String name) {
    return ALL.stream()
        .filter(input -> input.name().equals(name) || input.name().startsWith(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no corpus input named " + name));
  }

  /**
   * Sentences that splitters get wrong (colons, abbreviations, decimals, quotes, ellipses, URLs,
   * numbers with units), one per entry, each exactly as written: joined into a paragraph, each must
   * come back unchanged.
   */
  public static List<String> trickySentences() {
    return read("tricky-sentences.txt")
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .toList();
  }

  private static String read(String file) {
    try (InputStream in = InputCorpus.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("corpus file " + file + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
