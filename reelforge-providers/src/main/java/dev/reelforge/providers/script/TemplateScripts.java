package dev.reelforge.providers.script;

import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Keywords;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptMetadata;
import dev.reelforge.core.script.ScriptOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scripts for a bare idea, where there is no text to extract from: a fixed structure (how-to, why,
 * list, explainer) filled with the idea's words. It adds no facts, and says so in the script's
 * notice, so that the user replaces the lines with their own before publishing.
 */
final class TemplateScripts {

  static final String NOTICE =
      "Template script: a structure filled with your idea's words, with no facts added."
          + " Replace the lines with what you know before publishing.";

  /** Ideas longer than this read like a short paragraph and get the extractive writer instead. */
  static final int MAX_TOPIC_CHARS = 80;

  private TemplateScripts() {}

  static Script write(String idea, int maxBeats, String writer) {
    String topic = topic(idea);
    List<String> lines = lines(topic);
    List<String> kept = new ArrayList<>(lines.subList(0, Math.min(lines.size(), maxBeats - 1)));
    kept.add(lines.getLast());
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

  /** The idea as a noun phrase: no final punctuation, no leading "a video about". */
  static String topic(String idea) {
    String topic = idea.strip().replaceAll("[.!?]+$", "").replaceAll("\\s+", " ");
    topic =
        topic.replaceFirst(
            "(?i)^(make |create |write )?(a |an )?(short |quick )?(video|reel|short|story)"
                + " (about|on) ",
            "");
    return topic.length() <= MAX_TOPIC_CHARS ? topic : ScriptMetadata.cut(topic, MAX_TOPIC_CHARS);
  }

  private static List<String> lines(String topic) {
    String lower = topic.toLowerCase(Locale.ROOT);
    if (lower.startsWith("how to ")) {
      String task = topic.substring("how to ".length());
      return List.of(
          "Want to " + task + "? Here is how, in under a minute.",
          "First, decide what " + task + " means for you.",
          "Next, get ready: set up what you need before you begin.",
          "Then take the smallest first step, today.",
          "Repeat it until it feels easy, then add the next step.",
          "Check what worked and drop what did not.",
          "Most people stop early. Keep going for one more week.",
          "Save this so you remember how to " + task + ".");
    }
    if (lower.startsWith("why ")) {
      String question = capitalise(topic) + "?";
      return List.of(
          question + " The answer is not what most people think.",
          "It starts with something we rarely notice.",
          "Look closer and a pattern appears.",
          "That pattern explains most of it.",
          "There is one more piece people forget.",
          "Put them together and the question answers itself.",
          "Now you know more than most about it.",
          "Follow for more questions like this one.");
    }
    return List.of(
        "Here is what nobody tells you about " + topic + ".",
        capitalise(topic) + " looks simple from the outside.",
        "Look closer, and the details start to matter.",
        "The first thing to know is where it begins.",
        "The second is what changes along the way.",
        "And the last is why it matters to you.",
        "Once you see it, you cannot unsee it.",
        "Follow for more about " + topic + ".");
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
