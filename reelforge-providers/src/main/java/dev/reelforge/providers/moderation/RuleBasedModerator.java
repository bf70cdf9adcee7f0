package dev.reelforge.providers.moderation;

import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline moderator: phrase rules by category and severity ({@code rules.tsv}, read once),
 * matched as whole words after undoing common character swaps, with an allow-list for harmless
 * phrases, plus spam heuristics (shouting, runs of punctuation, many links).
 */
public final class RuleBasedModerator implements Moderator {

  public static final String NAME = "rules";

  private static final Pattern URL = Pattern.compile("https?://|www\\.", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK =
      Pattern.compile("\\S*(?:https?://|www\\.)\\S*", Pattern.CASE_INSENSITIVE);
  private static final Pattern PUNCTUATION_RUN = Pattern.compile("[!?]{4,}");

  private final List<Rule> rules;
  private final List<Pattern> allowed;

  public RuleBasedModerator() {
    this(read("rules.tsv"));
  }

  RuleBasedModerator(List<String> lines) {
    List<Rule> parsedRules = new ArrayList<>();
    List<Pattern> parsedAllowed = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      if (fields[0].equals("allow") && fields.length == 2) {
        parsedAllowed.add(phrase(fields[1]));
      } else if (fields.length == 3) {
        parsedRules.add(
            new Rule(
                ModerationCategory.valueOf(fields[0]),
                Severity.valueOf(fields[1]),
                fields[2],
                phrase(fields[2])));
      } else {
        throw new IllegalArgumentException("bad moderation rule: " + line);
      }
    }
    this.rules = List.copyOf(parsedRules);
    this.allowed = List.copyOf(parsedAllowed);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModerationResult moderate(String text) {
    String plain = unswap(text);
    List<int[]> harmless = new ArrayList<>();
    for (Pattern allow : allowed) {
      Matcher m = allow.matcher(plain);
      while (m.find()) {
        harmless.add(new int[] {m.start(), m.end()});
      }
    }
    List<ModerationFlag> flags = new ArrayList<>();
    List<int[]> covered = new ArrayList<>();
    // Longer phrases first, so "kill myself" wins over "kill" for the same words.
    List<Rule> ordered =
        rules.stream().sorted(Comparator.comparingInt((Rule r) -> -r.phrase().length())).toList();
    for (Rule rule : ordered) {
      Matcher m = rule.pattern().matcher(plain);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        // One flag per passage: a shorter rule overlapping a longer one's match adds nothing.
        if (inside(harmless, start, end) || overlaps(covered, start, end)) {
          continue;
        }
        covered.add(new int[] {start, end});
        flags.add(
            new ModerationFlag(
                rule.category(),
                rule.severity(),
                start,
                end,
                "'"
                    + text.substring(start, end)
                    + "' matches the "
                    + rule.category().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " rule '"
                    + rule.phrase()
                    + "' ("
                    + rule.severity().name().toLowerCase(Locale.ROOT)
                    + ")"));
      }
    }
    spam(text, flags);
    flags.sort(Comparator.comparingInt(ModerationFlag::start));
    return new ModerationResult(flags, NAME);
  }

  private static void spam(String text, List<ModerationFlag> flags) {
    String words = LINK.matcher(text).replaceAll(" ");
    long letters = words.codePoints().filter(Character::isLetter).count();
    long capitals = words.codePoints().filter(Character::isUpperCase).count();
    if (letters >= 20 && capitals > letters * 0.7) {
      flags.add(
          new ModerationFlag(
              ModerationCategory.SPAM, Severity.LOW, -1, -1, "mostly capital letters (shouting)"));
    }
    Matcher run = PUNCTUATION_RUN.matcher(text);
    if (run.find()) {
      flags.add(
          new ModerationFlag(
              ModerationCategory.SPAM,
              Severity.LOW,
              run.start(),
              run.end(),
              "a run of " + (run.end() - run.start()) + " exclamation/question marks"));
    }
    long links = URL.matcher(text).results().count();
    if (links >= 3) {
      flags.add(
          new ModerationFlag(
              ModerationCategory.SPAM, Severity.MEDIUM, -1, -1, links + " links in one text"));
    }
  }

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    return spans.stream().anyMatch(s -> start < s[1] && end > s[0]);
  }

  private static boolean inside(List<int[]> spans, int start, int end) {
    return spans.stream().anyMatch(s -> start >= s[0] && end <= s[1]);
  }

  /** Lower case with common look-alike swaps undone, one character for one (positions hold). */
  static String unswap(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      out.append(
          switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '\u2019' -> '\'';
            default -> c;
          });
    }
    return out.toString();
  }

  private static Pattern phrase(String phrase) {
    String[] words = unswap(phrase.strip()).split("\\s+");
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(words[i]));
    }
    return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
  }

  private static List<String> read(String resource) {
    try (InputStream in = RuleBasedModerator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("moderation rules " + resource + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Rule(
      ModerationCategory category, Severity severity, String phrase, Pattern pattern) {}
}
