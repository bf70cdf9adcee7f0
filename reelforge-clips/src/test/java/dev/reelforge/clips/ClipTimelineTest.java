package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipTimelineTest {

  private static final Shot FACE =
      new Shot(60_000, 64_000, Shot.Mode.CROP, new Framing(0.2, 0.4, 0.4, 0.4), "face tracked");
  private static final Shot WIDE =
      new Shot(64_000, 70_000, Shot.Mode.BLURRED_FIT, Framing.CENTRE, "no face found");

  private static TranscriptWord word(String text, long start, long end) {
    return new TranscriptWord(text, start, end, 0.9);
  }

  private static ClipCut cut(long start, long end, List<Shot> shots, List<TranscriptWord> words) {
    return new ClipCut(
        "talk.mp4", start, end, shots, words, "Why tides slow the Earth", null, true);
  }

  @Test
  void oneSegmentPerShotInSourceTimeCroppedOrFitted() {
    Timeline timeline = ClipTimeline.build(cut(61_000, 67_000, List.of(FACE, WIDE), List.of()));

    assertThat(timeline.durationMillis()).isEqualTo(6000);
    Segment crop = timeline.segments().get(0);
    Segment fit = timeline.segments().get(1);
    assertThat(crop.durationMillis()).isEqualTo(3000);
    assertThat(crop.visual().kind()).isEqualTo(VisualClip.Kind.VIDEO);
    assertThat(crop.visual().source()).isEqualTo("talk.mp4");
    assertThat(crop.visual().inMillis()).isEqualTo(61_000);
    assertThat(crop.visual().outMillis()).contains(64_000L);
    assertThat(crop.visual().fit()).isEqualTo(VisualClip.Fit.FILL);
    // The shot pans from 0.2 to 0.4 over 60..64 s; the clip shows 61..64 s of it.
    assertThat(crop.visual().framing().startX()).isCloseTo(0.25, within(1e-9));
    assertThat(crop.visual().framing().endX()).isCloseTo(0.4, within(1e-9));
    assertThat(crop.visual().framing().startY()).isEqualTo(0.4);
    assertThat(fit.visual().inMillis()).isEqualTo(64_000);
    assertThat(fit.visual().outMillis()).contains(67_000L);
    assertThat(fit.visual().fit()).isEqualTo(VisualClip.Fit.FIT);
    assertThat(fit.visual().framing()).isEqualTo(Framing.CENTRE);
  }

  @Test
  void theVoiceIsTheSourceFromTheClipsStartWithNoMusic() {
    Timeline timeline = ClipTimeline.build(cut(61_000, 67_000, List.of(FACE, WIDE), List.of()));

    assertThat(timeline.voice()).contains(new AudioTrack("talk.mp4", 0, 0, 61_000));
    assertThat(timeline.music()).isEmpty();
    assertThat(ClipTimeline.build(cut(61_000, 67_000, List.of(FACE), List.of()), false).voice())
        .isEmpty();
  }

  @Test
  void captionsAreTheClipsWordsOnTheClipsClock() {
    List<TranscriptWord> words =
        List.of(
            word("before", 60_500, 60_900),
            word("Tides", 61_000, 61_400),
            word("slow", 61_450, 61_800),
            word("us.", 66_700, 67_300),
            word("after", 67_000, 67_400));
    ClipCut cut =
        new ClipCut("talk.mp4", 61_000, 67_000, List.of(FACE), words, "Tides", "karaoke", false);

    Timeline timeline = ClipTimeline.build(cut);

    assertThat(timeline.captions().style()).isEqualTo("karaoke");
    assertThat(timeline.captions().words())
        .containsExactly(
            new CaptionWord("Tides", 0, 400),
            new CaptionWord("slow", 450, 800),
            new CaptionWord("us.", 5700, 6000));
    assertThat(timeline.overlays().hook()).isEmpty();
  }

  @Test
  void theHookTitleCoversTheOpeningAndLeavesOnAWholeWord() {
    List<TranscriptWord> words = List.of(word("One", 10_100, 10_500), word("two", 12_900, 13_200));
    Timeline timeline = ClipTimeline.build(cut(10_000, 20_000, List.of(), words));

    assertThat(timeline.overlays().hook())
        .contains(new Overlays.HookTitle("Why tides slow the Earth", 0, 2900));
    // No word soon after 2.5 s: the hook leaves on time; a clip shorter than that keeps it up.
    assertThat(ClipTimeline.hookEnd(List.of(new CaptionWord("x", 4000, 4200)), 9000))
        .isEqualTo(ClipTimeline.HOOK_MILLIS);
    assertThat(ClipTimeline.hookEnd(List.of(), 1800)).isEqualTo(1800);
  }

  @Test
  void shotsThatLeaveGapsOrOverhangStillCoverTheClipAndSliversJoinANeighbour() {
    List<Shot> shots =
        List.of(
            new Shot(0, 5_000, Shot.Mode.CROP, Framing.at(0.3, 0.5), "face tracked"),
            // Starts 100 ms before the clip ends: too short to be a segment of its own.
            new Shot(9_900, 30_000, Shot.Mode.BLURRED_FIT, Framing.CENTRE, "no face found"),
            // A gap between 5 s and 7 s; the first shot holds through it.
            new Shot(7_000, 9_900, Shot.Mode.CROP, Framing.at(0.6, 0.5), "speaker changed"));

    Timeline timeline = ClipTimeline.build(cut(2_000, 10_000, shots, List.of()));

    assertThat(timeline.segments())
        .extracting(s -> s.visual().inMillis() + "-" + s.visual().outMillis().orElseThrow())
        .containsExactly("2000-7000", "7000-10000");
    assertThat(timeline.segments().get(1).visual().framing()).isEqualTo(Framing.at(0.6, 0.5));
  }

  @Test
  void withoutShotsTheWholePictureIsShown() {
    Timeline timeline = ClipTimeline.build(cut(0, 5_000, List.of(), List.of()));

    assertThat(timeline.segments()).hasSize(1);
    assertThat(timeline.segments().getFirst().visual().fit()).isEqualTo(VisualClip.Fit.FIT);
  }

  @Test
  void aClipTheRendererCannotDrawIsRefusedBeforeAnyWork() {
    assertThatThrownBy(() -> ClipTimeline.build(cut(1_000, 1_100, List.of(), List.of())))
        .isInstanceOf(ReelForgeException.class)
        .hasMessageContaining("not valid");
    assertThatThrownBy(
            () -> new ClipCut("a.mp4", 0, 1000, List.of(), List.of(), "t", "comic-sans", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClipCut("a.mp4", 500, 500, null, null, null, null, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
