package dev.reelforge.providers.script;

import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Keywords;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptMetadata;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.StoryLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scripts for a bare idea, where there is no text to extract from and no language model: the
 * structure of a good explainer — a hook that asks about the idea, then what it is, why it matters,
 * one example, a common mistake, what to do next — with each line naming, in the idea's own words,
 * what belongs there ("One example: a real moment that shows why cats purr."). It adds no facts; it
 * is a draft for the creator to fill in, and its notice says so plainly.
 *
 * <p>Three shapes: a task ("how to keep basil alive": steps), a question ("why cats purr", "how
 * bees find flowers": an answer) and a topic ("compound interest": an explainer).
 */
final class TemplateScripts {

  static final String NOTICE =
      "This is a template to edit, not a finished script: there was no text to write from and no"
          + " language model set up, so each line says what belongs there, in your idea's words."
          + " Replace every line with what you know before publishing.";

  /** Ideas longer than this read like a short paragraph and get the extractive writer instead. */
  static final int MAX_TOPIC_CHARS = 80;

  private static final Pattern TASK = Pattern.compile("(?i)^how to\\s+(.+)$");
  private static final Pattern QUESTION =
      Pattern.compile("(?i)^(why|how|what|where|when|who|which)\\s+(.+)$");

  private TemplateScripts() {}

  static Script write(String idea, int maxBeats, String writer) {
    String topic = topic(idea);
    List<String> kept = fitted(lines(topic), maxBeats);
    List<String> keywords = Keywords.of(topic, 3);
    List<String> visualKeywords = keywords.isEmpty() ? List.of("abstract") : keywords;
    List<Beat> beats = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      beats.add(new Beat(Beat.roleAt(i, kept.size()), kept.get(i), visualKeywords));
    }
    List<String> hashtags = ScriptMetadata.hashtags(beats);
    return new Script(
        ScriptMetadata.title(capitalise(topic)),
        beats,
        ScriptMetadata.description(beats, hashtags),
        hashtags,
        ScriptOrigin.TEMPLATE,
        writer,
        NOTICE);
  }

  /** The idea as a phrase: no final punctuation, no leading "a video about". */
  static String topic(String idea) {
    String topic = idea.strip().replaceAll("[.!?]+$", "").replaceAll("\\s+", " ");
    topic =
        topic.replaceFirst(
            "(?i)^(make |create |write )?(a |an )?(short |quick )?(video|reel|short|story)"
                + " (about|on) ",
            "");
    return topic.length() <= MAX_TOPIC_CHARS ? topic : ScriptMetadata.cut(topic, MAX_TOPIC_CHARS);
  }

  /**
   * The hook, as many of the parts as {@code maxBeats} allows in order, and the closing line; parts
   * dropped from the end when a long idea would pass the script's character limit.
   */
  private static List<String> fitted(List<String> lines, int maxBeats) {
    List<String> kept = new ArrayList<>(lines.subList(0, Math.min(lines.size() - 1, maxBeats - 1)));
    kept.add(lines.getLast());
    while (kept.size() > 2 && total(kept) > StoryLimits.MAX_TOTAL_CHARS) {
      kept.remove(kept.size() - 2);
    }
    return kept;
  }

  private static int total(List<String> lines) {
    return lines.stream().mapToInt(String::length).sum();
  }

  private static List<String> lines(String topic) {
    Matcher task = TASK.matcher(topic);
    if (task.matches()) {
      String x = task.group(1);
      return List.of(
          "Want to " + x + "? Here is how, step by step.",
          "What you need: the one thing to have ready before you " + x + ".",
          "Step one: the first thing to do to " + x + ", in one sentence.",
          "Why it works: what changes when you " + x + " this way.",
          "One example: a time you managed to " + x + ", with a number or a date.",
          "Common mistake: what most people get wrong when they try to " + x + ".",
          "What to do next: one small thing to try today to " + x + ".",
          "Save this for the next time you want to " + x + ".");
    }
    Matcher question = QUESTION.matcher(topic);
    if (question.matches()) {
      String q = question.group(1).toLowerCase(Locale.ROOT) + " " + question.group(2);
      return List.of(
          "Ever wondered " + q + "? Here is the short answer.",
          "The short answer: " + q + ", in one plain sentence.",
          "How it works: the steps behind " + q + ", in plain words.",
          "One example: a real moment that shows " + q + ".",
          "Common mistake: what most people believe about " + q + ", and why it is wrong.",
          "Why it matters: what knowing " + q + " changes for you.",
          "What to do next: one thing to look out for, now that you know " + q + ".",
          "Now you know " + q + ". Follow for the next question.");
    }
    return List.of(
        "What do you really know about " + topic + "?",
        "What it is: " + topic + ", explained in one plain sentence.",
        "Why it matters: who " + topic + " affects, and how.",
        "One example: a real case of " + topic + ", with a number, a name or a date.",
        "Common mistake: what most people get wrong about " + topic + ".",
        "A surprising fact: the one detail about " + topic + " that few people know.",
        "What to do next: one thing to try or look up about " + topic + " today.",
        "Follow for more about " + topic + ".");
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
