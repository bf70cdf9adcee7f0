package dev.reelforge.clips.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a clip's first sentence stop the scroll. The list is short on purpose and each entry
 * is a pattern that the short-form playbooks agree on: a question (the viewer wants the answer), a
 * promise of a list ("3 reasons", the viewer counts along), an explanation announced ("here's
 * why"), a secret, a strong claim, a number, and talking to the viewer ("you"). Every match names
 * the words that triggered it, so the reason a creator reads can be checked against the clip.
 */
public final class Hooks {

  /** One reason the opening works, with how much it is worth in [0,1]. */
  public record Hook(String reason, double strength) {}

  private static final Pattern LIST_PROMISE =
      Pattern.compile(
          "\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:\\w+\\s+)?"
              + "(things|ways|reasons|steps|tips|mistakes|rules|lessons|secrets|habits|ideas"
              + "|questions|signs|tricks|facts|myths)\\b");
  private static final Pattern EXPLANATION =
      Pattern.compile("\\b(here'?s why|here is why|here'?s how|here is how|this is why)\\b");
  private static final Pattern SECRET =
      Pattern.compile(
          "\\b(the secret|nobody tells you|no one tells you|no one talks about|the truth is"
              + "|the real reason)\\b");
  private static final Pattern STRONG_CLAIM =
      Pattern.compile(
          "\\b(never|always|everyone|nobody|the best|the worst|the biggest|the most"
              + "|completely wrong|changed my life|myth)\\b");
  private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d,.]*\\s*(%|percent)?");
  private static final Pattern YOU = Pattern.compile("\\b(you|your|you're|yourself)\\b");
  private static final Pattern QUESTION_OPENING =
      Pattern.compile(
          "^(why|how|what|who|when|where|which|is|are|do|does|did|can|could|would|should|have"
              + "|has|will|ever wonder)\\b");

  private Hooks() {}

  /** The hooks of an opening sentence, strongest first. */
  public static List<Hook> of(String sentence) {
    String text = sentence.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
    List<Hook> hooks = new ArrayList<>();
    if (isQuestion(sentence)) {
      hooks.add(new Hook("opens with a question", 1.0));
    }
    find(LIST_PROMISE, text)
        .ifPresent(m -> hooks.add(new Hook("promises a list (\"" + m + "\")", 0.9)));
    find(EXPLANATION, text).ifPresent(m -> hooks.add(new Hook("opens with \"" + m + "\"", 0.8)));
    find(SECRET, text)
        .ifPresent(m -> hooks.add(new Hook("promises a secret (\"" + m + "\")", 0.8)));
    find(STRONG_CLAIM, text)
        .ifPresent(m -> hooks.add(new Hook("opens with a strong claim (\"" + m + "\")", 0.6)));
    if (hooks.stream().noneMatch(h -> h.reason().startsWith("promises a list"))) {
      find(NUMBER, text)
          .ifPresent(m -> hooks.add(new Hook("opens with a number (" + m + ")", 0.5)));
    }
    find(YOU, text)
        .ifPresent(m -> hooks.add(new Hook("speaks to the viewer (\"" + m + "\")", 0.5)));
    return List.copyOf(hooks);
  }

  /**
   * Whether a sentence asks something: by its question mark, or — for a transcript without
   * punctuation — by opening the way English questions do and ending on no other mark.
   */
  public static boolean isQuestion(String sentence) {
    String text = Sentences.stripClosers(sentence.strip());
    if (text.endsWith("?")) {
      return true;
    }
    if (text.endsWith(".") || text.endsWith("!") || text.endsWith("…")) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return QUESTION_OPENING.matcher(lower).find() && lower.split("\\s+").length >= 3;
  }

  /** The score of an opening: its strongest hook, a little more for each further one. */
  public static double score(List<Hook> hooks) {
    if (hooks.isEmpty()) {
      return 0;
    }
    double best = hooks.stream().mapToDouble(Hook::strength).max().orElse(0);
    return Math.min(1, best + 0.1 * (hooks.size() - 1));
  }

  private static Optional<String> find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
  }
}
