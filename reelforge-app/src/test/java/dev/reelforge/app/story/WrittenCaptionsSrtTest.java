package dev.reelforge.app.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.story.StoryTimeline;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.media.captions.CaptionPage;
import dev.reelforge.media.captions.CaptionPager;
import dev.reelforge.media.captions.CaptionStyle;
import dev.reelforge.media.captions.CaptionTypesetter;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.captions.SubtitleWriter;
import dev.reelforge.providers.speech.MaryTtsSpeech;
import dev.reelforge.story.BeatNarration;
import dev.reelforge.testkit.speech.NumbersAndDates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story full of numbers and dates, from its beats to the SRT, with the real offline voice and the
 * same narration, timeline, caption pages and subtitle writer a render uses (the video itself is
 * not encoded: {@code StoryMakerTest} does that). The voice says "three point eight centimetres";
 * the SRT shows "3.8 cm".
 */
class WrittenCaptionsSrtTest {

  private static final List<String> BEATS = NumbersAndDates.beats().subList(0, 6);

  @Test
  void theSrtShowsTheAuthorsNumbersAndDatesTimedToTheVoice(@TempDir Path dir) {
    MaryTtsSpeech voice = new MaryTtsSpeech();
    BeatNarration.Spoken spoken =
        BeatNarration.speak(
            voice,
            BEATS,
            Optional.empty(),
            dir.resolve("cache"),
            dir.resolve("voice.wav"),
            () -> false);
    int first = 0;
    for (int b = 0; b < BEATS.size(); b++) {
      int count = spoken.wordsPerBeat().get(b);
      List<String> texts =
          spoken.words().subList(first, first + count).stream().map(w -> w.text()).toList();
      assertThat(String.join(" ", texts)).isEqualTo(BEATS.get(b));
      first += count;
    }
    assertThat(first).isEqualTo(spoken.words().size());
    assertThat(spoken.spokenText()).contains("three point eight centimetres");

    // Beats read back from the cache, which holds the engine's words, are shown as written too.
    BeatNarration.Spoken again =
        BeatNarration.speak(
            voice,
            BEATS,
            Optional.empty(),
            dir.resolve("cache"),
            dir.resolve("again.wav"),
            () -> false);
    assertThat(again.synthesised()).isZero();
    assertThat(again.words()).isEqualTo(spoken.words());
    assertThat(again.wordsPerBeat()).isEqualTo(spoken.wordsPerBeat());

    Timeline timeline = timeline(spoken);
    List<CaptionWord> words = timeline.captions().words();
    CaptionStyle style = CaptionStyle.byName(timeline.captions().style());
    CaptionTypesetter typesetter =
        new CaptionTypesetter(FontLibrary.shared(), style, (float) (1080 * style.sizeRatio()));
    List<CaptionPage> pages = new CaptionPager(typesetter, style.uppercase(), 900).paginate(words);
    List<Cue> cues = parse(SubtitleWriter.srt(pages, words));

    assertThat(String.join(" ", cues.stream().flatMap(c -> c.lines().stream()).toList()))
        .isEqualTo(String.join(" ", BEATS));
    assertThat(cues.stream().flatMap(c -> c.lines().stream()))
        .anyMatch(l -> l.contains("3.8 cm"))
        .anyMatch(l -> l.contains("$5.99 billion,"))
        .anyMatch(l -> l.contains("45%"))
        .anyMatch(l -> l.contains("20th,"))
        .noneMatch(l -> l.matches("(?i).*(centimetres|point eight|twenty ten|dollars).*"));
    long previousEnd = 0;
    for (Cue cue : cues) {
      assertThat(cue.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(cue.end()).isGreaterThan(cue.start());
      assertThat(cue.start()).isLessThan(spoken.durationMillis());
      previousEnd = cue.end();
    }
  }

  private static Timeline timeline(BeatNarration.Spoken spoken) {
    List<Beat> beats =
        IntStream.range(0, BEATS.size())
            .mapToObj(b -> new Beat(Beat.roleAt(b, BEATS.size()), BEATS.get(b), List.of()))
            .toList();
    Script script = new Script("", beats, "", List.of(), ScriptOrigin.MANUAL, "manual", "");
    return StoryTimeline.assemble(
        script,
        spoken.words(),
        spoken.durationMillis(),
        spoken.wordsPerBeat(),
        "voice.wav",
        beats.stream()
            .map(b -> new StoryTimeline.BeatVisual("picture.png", VisualKind.IMAGE))
            .toList(),
        Optional.empty(),
        "bold-pop");
  }

  private record Cue(long start, long end, List<String> lines) {}

  private static List<Cue> parse(String srt) {
    List<Cue> cues = new ArrayList<>();
    for (String block : srt.strip().split("\n\n")) {
      List<String> lines = block.lines().toList();
      String[] times = lines.get(1).split(" --> ");
      cues.add(new Cue(millis(times[0]), millis(times[1]), lines.subList(2, lines.size())));
    }
    return cues;
  }

  private static long millis(String time) {
    String[] parts = time.split("[:,]");
    return ((Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 60
                + Long.parseLong(parts[2]))
            * 1000
        + Long.parseLong(parts[3]);
  }
}
