package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.clips.LoudnessCurve;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HighlightFinderTest {

  private final HighlightFinder finder = new HighlightFinder(HighlightOptions.DEFAULT);

  /** Six topics of ten sentences each (about 45 s apiece): a five-minute talk. */
  private static SyntheticTalk sixTopics(boolean punctuated) {
    SyntheticTalk talk = new SyntheticTalk(7, punctuated);
    for (int topic = 0; topic < 6; topic++) {
      talk.passage(topic, 10);
    }
    return talk;
  }

  @Test
  void answersBetweenMinAndMaxCountOfNonOverlappingClipsCutOnSentences() {
    SyntheticTalk talk = sixTopics(true);

    List<Highlight> found = finder.find(talk.transcript(), null, List.of(), talk.now());

    assertThat(found).hasSizeBetween(4, 9);
    assertCutOnSentences(found, talk);
    assertNoOverlap(found);
    for (int i = 0; i < found.size(); i++) {
      Highlight h = found.get(i);
      assertThat(h.durationMillis()).isBetween(15_000L, 60_000L);
      assertThat(h.score()).isBetween(0.0, 1.0);
      if (i > 0) {
        assertThat(h.score()).as("best first").isLessThanOrEqualTo(found.get(i - 1).score());
      }
      assertThat(h.title()).isNotBlank().hasSizeLessThanOrEqualTo(60).isEqualTo(h.title().strip());
      assertThat(h.title()).doesNotEndWith(".").doesNotEndWith(",");
    }
  }

  @Test
  void clipsStartWhereTheTopicChanges() {
    SyntheticTalk talk = sixTopics(true);
    Set<Long> topicStarts = new java.util.HashSet<>();
    for (int topic = 0; topic < 6; topic++) {
      topicStarts.add(talk.sentences().get(topic * 10).startMillis());
    }

    List<Highlight> found = finder.find(talk.transcript(), null, List.of(), talk.now());

    List<Highlight> onTopicStart =
        found.stream().filter(h -> topicStarts.contains(h.startMillis())).toList();
    assertThat(onTopicStart)
        .as("clips starting on a topic's first sentence")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(onTopicStart.stream().filter(h -> h.startMillis() > 500))
        .allSatisfy(h -> assertThat(h.reasons()).contains("starts on a new topic"));
  }

  @Test
  void keywordsNamedInTheReasonsAndTitleBelongToTheClipsTopic() {
    SyntheticTalk talk = sixTopics(true);

    List<Highlight> found = finder.find(talk.transcript(), null, List.of(), talk.now());

    List<Highlight> dense =
        found.stream()
            .filter(h -> h.reasons().stream().anyMatch(r -> r.startsWith("dense in '")))
            .toList();
    assertThat(dense).isNotEmpty();
    for (Highlight h : dense) {
      // The passage at the clip's middle is the topic its keywords must come from.
      long middle = (h.startMillis() + h.endMillis()) / 2;
      int sentence = sentenceAt(talk, middle);
      Set<String> vocabulary = Set.copyOf(SyntheticTalk.TOPICS.get(sentence / 10));
      String reason =
          h.reasons().stream().filter(r -> r.startsWith("dense in '")).findFirst().orElseThrow();
      List<String> named =
          Arrays.stream(reason.substring("dense in ".length()).split(", "))
              .map(k -> k.replace("'", ""))
              .toList();
      assertThat(named).isNotEmpty();
      assertThat(vocabulary).as(h + " names its topic's words").containsAll(named);
    }
  }

  @Test
  void anOpeningQuestionThatIsAnsweredMakesAStrongClip() {
    SyntheticTalk talk = new SyntheticTalk(11, true);
    talk.passage(0, 10).passage(1, 6);
    String question = "Why does your battery die so fast in the cold?";
    talk.say(question);
    long questionStart = talk.sentences().getLast().startMillis();
    talk.say("Lithium cells slow down when they are cold, so the voltage drops.")
        .say("The charge is still there, but the battery cannot deliver it.")
        .say("Keep the phone in an inside pocket and the battery lasts all day.");
    long answerEnd = talk.sentences().getLast().endMillis();
    talk.passage(2, 10).passage(3, 10);

    List<Highlight> found = finder.find(talk.transcript(), null, List.of(), talk.now());

    Highlight asked =
        found.stream().filter(h -> h.startMillis() == questionStart).findFirst().orElseThrow();
    assertThat(asked.reasons()).first().isEqualTo("opens with a question");
    assertThat(asked.reasons()).contains("asks and answers a question");
    assertThat(asked.title()).isEqualTo(question);
    assertThat(asked.endMillis())
        .as("ends with the answer, before the next topic")
        .isEqualTo(answerEnd);
    assertThat(found.indexOf(asked)).as("among the best").isLessThan(3);
  }

  @Test
  void aLoudPassageIsPreferredAndSaysByHowMuch() {
    SyntheticTalk talk = sixTopics(true);
    long loudFrom = talk.sentences().get(30).startMillis();
    long loudTo = talk.sentences().get(39).endMillis();
    double[] db = new double[(int) (talk.now() / 100) + 1];
    for (int i = 0; i < db.length; i++) {
      long t = i * 100L;
      db[i] = t >= loudFrom && t < loudTo ? -19 : -25;
    }

    List<Highlight> found =
        finder.find(talk.transcript(), new LoudnessCurve(100, db), List.of(), talk.now());

    Highlight best = found.getFirst();
    assertThat(best.startMillis()).isGreaterThanOrEqualTo(loudFrom);
    assertThat(best.endMillis()).isLessThanOrEqualTo(loudTo + 100);
    assertThat(best.reasons()).contains("lively delivery (+6 dB over the talk's median)");
    assertThat(found.stream().filter(h -> h.endMillis() <= loudFrom || h.startMillis() >= loudTo))
        .allSatisfy(h -> assertThat(h.reasons()).noneMatch(r -> r.startsWith("lively")));
  }

  @Test
  void aTranscriptWithoutPunctuationIsCutAtPauses() {
    SyntheticTalk talk = sixTopics(false);
    assertThat(talk.transcript().text()).doesNotContain(".");

    List<Highlight> found = finder.find(talk.transcript(), null, List.of(), talk.now());

    assertThat(found).hasSizeBetween(4, 9);
    assertCutOnSentences(found, talk);
    assertNoOverlap(found);
  }

  @Test
  void cutsMoveOntoASceneChangeInThePauseButNeverIntoAWord() {
    SyntheticTalk talk = sixTopics(true);
    List<Long> cuts = new ArrayList<>();
    Set<Long> inPauses = new java.util.HashSet<>();
    for (int topic = 0; topic < 6; topic++) {
      SyntheticTalk.Said first = talk.sentences().get(topic * 10);
      // 300 ms before the sentence: inside the 450 ms pause before it.
      cuts.add(first.startMillis() - 300);
      inPauses.add(first.startMillis() - 300);
      // 100 ms after the sentence's start: inside its first word, so never a cut.
      cuts.add(talk.sentences().get(topic * 10 + 5).startMillis() + 100);
    }

    List<Highlight> found = finder.find(talk.transcript(), null, cuts, talk.now());

    List<Highlight> snapped =
        found.stream().filter(h -> inPauses.contains(h.startMillis())).toList();
    assertThat(snapped).isNotEmpty();
    assertThat(snapped).allSatisfy(h -> assertThat(h.reasons()).contains("cut on a scene change"));
    assertNoWordCut(found, talk.words());
    assertThat(found)
        .noneMatch(h -> cuts.contains(h.startMillis()) && !inPauses.contains(h.startMillis()));
    for (Highlight h : found) {
      boolean onSentence =
          talk.sentences().stream().anyMatch(s -> s.startMillis() == h.startMillis());
      assertThat(onSentence || inPauses.contains(h.startMillis())).as(h.toString()).isTrue();
      assertThat(h.durationMillis()).isLessThanOrEqualTo(60_000);
    }
  }

  @Test
  void aShortSourceAnswersOnlyWhatFits() {
    // About 50 s: at most three 15 s clips side by side, fewer than the minimum of four.
    SyntheticTalk talk = new SyntheticTalk(3, true).passage(0, 5).passage(1, 5);

    List<Highlight> found = finder.find(talk.transcript(), null, List.of(), talk.now());

    assertThat(found).hasSizeBetween(1, 3);
    assertNoOverlap(found);
    assertCutOnSentences(found, talk);
  }

  @Test
  void aSourceShorterThanTheShortestClipAnswersNothing() {
    SyntheticTalk talk = new SyntheticTalk(3, true).passage(0, 2);

    assertThat(finder.find(talk.transcript(), null, List.of(), talk.now())).isEmpty();
    Transcript none = new Transcript(List.of(), "en-US", new TranscriptSource("x", "1", false));
    assertThat(finder.find(none, null, List.of(), 60_000)).isEmpty();
  }

  @Test
  void theSameInputGivesTheSameClips() {
    SyntheticTalk talk = sixTopics(true);
    double[] db = new double[(int) (talk.now() / 250) + 1];
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < db.length; i++) {
      db[i] = -30 + random.nextDouble() * 10;
    }
    LoudnessCurve curve = new LoudnessCurve(250, db);
    List<Long> cuts = List.of(20_000L, 61_000L, 140_000L);

    List<Highlight> first = finder.find(talk.transcript(), curve, cuts, talk.now());
    List<Highlight> second =
        new HighlightFinder(HighlightOptions.DEFAULT)
            .find(talk.transcript(), curve, cuts, talk.now());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void countsAndLengthsFollowTheOptions() {
    SyntheticTalk talk = sixTopics(true);

    List<Highlight> found =
        new HighlightFinder(new HighlightOptions(20_000, 30_000, 2, 2))
            .find(talk.transcript(), null, List.of(), talk.now());

    assertThat(found).hasSize(2);
    assertThat(found).allSatisfy(h -> assertThat(h.durationMillis()).isBetween(20_000L, 30_000L));
  }

  @Test
  void aThreeHourTranscriptIsScoredQuickly() {
    SyntheticTalk talk = new SyntheticTalk(42, true);
    int passages = 0;
    while (talk.words().size() < 30_000) {
      talk.passage(passages % SyntheticTalk.TOPICS.size(), 8 + passages % 5);
      passages++;
    }
    Transcript transcript = talk.transcript();
    double[] db = new double[(int) (talk.now() / 100) + 1];
    Arrays.fill(db, -24);
    LoudnessCurve curve = new LoudnessCurve(100, db);
    List<Long> cuts = new ArrayList<>();
    for (long t = 7_000; t < talk.now(); t += 13_000) {
      cuts.add(t);
    }

    finder.find(transcript, curve, cuts, talk.now()); // warm-up: JIT
    long started = System.nanoTime();
    List<Highlight> found = finder.find(transcript, curve, cuts, talk.now());
    long millis = (System.nanoTime() - started) / 1_000_000;

    // A note, not a gate: timings depend on the machine.
    System.out.printf(
        "HighlightFinder: %d words, %.1f min of talk, %d clips in %d ms%n",
        transcript.words().size(), talk.now() / 60_000.0, found.size(), millis);
    assertThat(found).hasSizeBetween(4, 9);
    assertNoOverlap(found);
  }

  @Test
  void aThreeHourTranscriptOfShortUnpunctuatedPhrasesIsScoredQuicklyToo() {
    // The worst case for the enumeration: a recogniser's output with a pause every three words
    // makes 10,000 "sentences" and hundreds of thousands of candidate runs.
    java.util.Random random = new java.util.Random(1);
    List<TranscriptWord> words = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 30_000; i++) {
      List<String> topic = SyntheticTalk.TOPICS.get((i / 2_000) % SyntheticTalk.TOPICS.size());
      words.add(new TranscriptWord(topic.get(random.nextInt(topic.size())), t, t + 250, 1));
      t += 250 + (i % 3 == 2 ? 800 : 50);
    }
    Transcript transcript = new Transcript(words, "en-US", new TranscriptSource("x", "1", false));

    finder.find(transcript, null, List.of(), t); // warm-up: JIT
    long started = System.nanoTime();
    List<Highlight> found = finder.find(transcript, null, List.of(), t);
    long millis = (System.nanoTime() - started) / 1_000_000;

    System.out.printf(
        "HighlightFinder: %d words in 3-word phrases, %.1f min, %d clips in %d ms%n",
        words.size(), t / 60_000.0, found.size(), millis);
    assertThat(found).hasSizeBetween(4, 9);
    assertNoOverlap(found);
  }

  private static int sentenceAt(SyntheticTalk talk, long millis) {
    List<SyntheticTalk.Said> sentences = talk.sentences();
    for (int i = sentences.size() - 1; i >= 0; i--) {
      if (sentences.get(i).startMillis() <= millis) {
        return i;
      }
    }
    return 0;
  }

  static void assertNoOverlap(List<Highlight> found) {
    for (int i = 0; i < found.size(); i++) {
      for (int j = i + 1; j < found.size(); j++) {
        Highlight a = found.get(i);
        Highlight b = found.get(j);
        assertThat(a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis())
            .as(a + " overlaps " + b)
            .isFalse();
      }
    }
  }

  private static void assertCutOnSentences(List<Highlight> found, SyntheticTalk talk) {
    Set<Long> starts =
        talk.sentences().stream().map(SyntheticTalk.Said::startMillis).collect(Collectors.toSet());
    Set<Long> ends =
        talk.sentences().stream().map(SyntheticTalk.Said::endMillis).collect(Collectors.toSet());
    // A sentence's end in the talk is its last word's end.
    assertThat(found).allSatisfy(h -> assertThat(starts).contains(h.startMillis()));
    assertThat(found).allSatisfy(h -> assertThat(ends).contains(h.endMillis()));
  }

  private static void assertNoWordCut(List<Highlight> found, List<TranscriptWord> words) {
    for (Highlight h : found) {
      for (TranscriptWord w : words) {
        boolean inside = w.startMillis() >= h.startMillis() && w.endMillis() <= h.endMillis();
        boolean outside = w.endMillis() <= h.startMillis() || w.startMillis() >= h.endMillis();
        assertThat(inside || outside).as(w + " cut by " + h).isTrue();
      }
    }
  }
}
