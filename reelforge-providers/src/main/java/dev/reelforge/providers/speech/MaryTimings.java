package dev.reelforge.providers.speech;

import dev.reelforge.core.speech.WordTiming;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads word times from MaryTTS's {@code REALISED_ACOUSTPARAMS} document. The audio is the phones
 * ({@code <ph d="ms">}) and pauses ({@code <boundary duration="ms">}) in document order, so a
 * running sum of those durations is the clock; a token ({@code <t>}) with phones is a word from its
 * first phone's start to its last phone's end. ({@code REALISED_DURATIONS} would be simpler but its
 * pause lengths do not match the audio.)
 */
final class MaryTimings {

  private MaryTimings() {}

  static List<WordTiming> words(Document acoustics) {
    List<WordTiming> words = new ArrayList<>();
    walk(acoustics.getDocumentElement(), new double[] {0}, words);
    return words;
  }

  private static void walk(Element element, double[] clock, List<WordTiming> words) {
    String name = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    switch (name) {
      case "ph" -> clock[0] += number(element.getAttribute("d"));
      case "boundary" -> clock[0] += number(element.getAttribute("duration"));
      case "t" -> {
        double start = clock[0];
        children(element, clock, words);
        // Punctuation tokens have no phones and are not words.
        if (element.getElementsByTagNameNS("*", "ph").getLength() > 0) {
          words.add(new WordTiming(token(element), Math.round(start), Math.round(clock[0])));
        }
      }
      default -> children(element, clock, words);
    }
  }

  private static void children(Element element, double[] clock, List<WordTiming> words) {
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child) {
        walk(child, clock, words);
      }
    }
  }

  /** The token's own text: its first text node (the phones are child elements). */
  private static String token(Element t) {
    NodeList nodes = t.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node.getNodeType() == Node.TEXT_NODE && !node.getTextContent().isBlank()) {
        return node.getTextContent().strip();
      }
    }
    return t.getAttribute("ph");
  }

  private static double number(String value) {
    return value == null || value.isBlank() ? 0 : Double.parseDouble(value);
  }

  /** Keeps words inside the audio (rounding can put the last end a millisecond past it). */
  static List<WordTiming> within(List<WordTiming> words, long durationMillis) {
    return words.stream()
        .map(
            w ->
                new WordTiming(
                    w.text(),
                    Math.min(w.startMillis(), durationMillis),
                    Math.min(w.endMillis(), durationMillis)))
        .toList();
  }
}
