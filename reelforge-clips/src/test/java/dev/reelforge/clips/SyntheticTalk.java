package dev.reelforge.clips;

import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A talk written for the tests: sentences said at a steady pace (300 ms a word, 80 ms between
 * words, a pause between sentences), with the times of every sentence kept so a test can check
 * where clips start and end. Topic passages draw their words from a topic's vocabulary, mixed with
 * function words and words every topic uses, from a seeded random source so the talk is the same on
 * every run.
 */
final class SyntheticTalk {

  static final List<List<String>> TOPICS =
      List.of(
          List.of(
              "battery", "charge", "charger", "lithium", "cells", "voltage", "capacity", "heat"),
          List.of("pasta", "sauce", "garlic", "tomato", "olive", "boil", "salt", "basil"),
          List.of("flight", "airport", "passport", "luggage", "hotel", "ticket", "visa", "gate"),
          List.of(
              "muscle", "protein", "workout", "squat", "recovery", "sleep", "weights", "cardio"),
          List.of("budget", "savings", "invest", "interest", "debt", "income", "stocks", "pension"),
          List.of("soil", "seeds", "compost", "water", "roots", "sunlight", "weeds", "harvest"),
          List.of("camera", "lens", "shutter", "aperture", "focus", "tripod", "exposure", "light"),
          List.of("guitar", "chords", "strings", "rhythm", "melody", "tuning", "frets", "amp"));

  private static final List<String> FUNCTION =
      List.of(
          "the", "and", "it", "is", "that", "we", "they", "really", "with", "about", "when", "very",
          "then", "was", "of", "to", "in", "for", "on", "my");

  private static final List<String> COMMON =
      List.of("time", "day", "part", "good", "important", "start", "simple", "usually", "work");

  record Said(long startMillis, long endMillis, int firstWord, int lastWord, String text) {}

  private final List<TranscriptWord> words = new ArrayList<>();
  private final List<Said> sentences = new ArrayList<>();
  private final Random random;
  private final boolean punctuated;
  private final long sentencePauseMillis;
  private long now = 500;

  SyntheticTalk(long seed, boolean punctuated) {
    this.random = new Random(seed);
    this.punctuated = punctuated;
    // Without punctuation the pause is what marks a sentence, so it must be long enough to count.
    this.sentencePauseMillis = punctuated ? 450 : 900;
  }

  /** Says a sentence word by word; without punctuation its marks are dropped. */
  SyntheticTalk say(String sentence) {
    String[] tokens = sentence.strip().split("\\s+");
    int first = words.size();
    long start = now;
    for (int i = 0; i < tokens.length; i++) {
      String token = punctuated ? tokens[i] : tokens[i].replaceAll("[.?!,]", "");
      if (token.isEmpty()) {
        continue;
      }
      words.add(new TranscriptWord(token, now, now + 300, 1));
      now += 300 + (i < tokens.length - 1 ? 80 : 0);
    }
    sentences.add(new Said(start, now, first, words.size() - 1, sentence));
    now += sentencePauseMillis;
    return this;
  }

  /** A passage of {@code count} sentences about topic {@code topic}. */
  SyntheticTalk passage(int topic, int count) {
    for (int i = 0; i < count; i++) {
      say(sentenceAbout(topic));
    }
    return this;
  }

  /** One plain sentence about a topic: 9–13 words, about a third of them the topic's. */
  String sentenceAbout(int topic) {
    int length = 9 + random.nextInt(5);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      double r = random.nextDouble();
      String word;
      if (r < 0.35) {
        List<String> vocabulary = TOPICS.get(topic);
        word = vocabulary.get(random.nextInt(vocabulary.size()));
      } else if (r < 0.5) {
        word = COMMON.get(random.nextInt(COMMON.size()));
      } else {
        word = FUNCTION.get(random.nextInt(FUNCTION.size()));
      }
      if (i == 0) {
        // Never open on a connective: those sentences are built on purpose where a test needs one.
        word = "My";
      }
      s.append(i == 0 ? "" : " ").append(word);
    }
    return s.append('.').toString();
  }

  SyntheticTalk pause(long millis) {
    now += millis;
    return this;
  }

  long now() {
    return now;
  }

  List<Said> sentences() {
    return List.copyOf(sentences);
  }

  List<TranscriptWord> words() {
    return List.copyOf(words);
  }

  Transcript transcript() {
    return new Transcript(words, "en-US", new TranscriptSource("synthetic", "1", false));
  }
}
