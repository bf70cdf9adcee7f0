package dev.reelforge.media.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A segment's framing decides its cache entry exactly when it decides its pixels. */
class SegmentPlanFramingTest {

  private static SegmentPlan plan(VisualClip.Kind kind, VisualClip.Fit fit, Framing framing) {
    return new SegmentPlan(
        "s",
        60,
        30,
        1080,
        1920,
        kind,
        Path.of("talk.mp4"),
        "hash",
        61_000,
        Optional.of(63_000L),
        fit,
        Motion.NONE,
        framing,
        Transition.CUT,
        Transition.CUT,
        List.of(),
        List.of("-c:v", "libx264"));
  }

  @Test
  void everyFramingOfACroppedVideoIsItsOwnCacheEntry() {
    VisualClip.Kind video = VisualClip.Kind.VIDEO;
    List<String> keys =
        List.of(
            plan(video, VisualClip.Fit.FILL, Framing.CENTRE).cacheKey(),
            plan(video, VisualClip.Fit.FILL, Framing.at(0.2, 0.5)).cacheKey(),
            plan(video, VisualClip.Fit.FILL, Framing.at(0.2, 0.6)).cacheKey(),
            plan(video, VisualClip.Fit.FILL, new Framing(0.2, 0.5, 0.3, 0.5)).cacheKey());
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void aFramingThatIsNotDrawnLeavesTheKeyAlone() {
    // A fitted clip shows the whole picture, and stills are prepared centred: same bytes, same key.
    assertThat(plan(VisualClip.Kind.VIDEO, VisualClip.Fit.FIT, Framing.at(0.2, 0.5)).cacheKey())
        .isEqualTo(plan(VisualClip.Kind.VIDEO, VisualClip.Fit.FIT, Framing.CENTRE).cacheKey());
    assertThat(plan(VisualClip.Kind.IMAGE, VisualClip.Fit.FILL, Framing.at(0.2, 0.5)).cacheKey())
        .isEqualTo(plan(VisualClip.Kind.IMAGE, VisualClip.Fit.FILL, Framing.CENTRE).cacheKey());
  }

  @Test
  void aCentredCropCompilesToTheGraphItAlwaysHad() {
    // Unchanged graph, unchanged bytes: centred segments cached before framing existed stay valid.
    assertThat(
            SegmentCommand.graph(plan(VisualClip.Kind.VIDEO, VisualClip.Fit.FILL, Framing.CENTRE)))
        .startsWith(
            "[0:v]scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,fps=30,")
        .doesNotContain("exact");
    assertThat(
            SegmentCommand.graph(
                plan(VisualClip.Kind.VIDEO, VisualClip.Fit.FILL, new Framing(0.2, 0.5, 0.4, 0.5))))
        .contains(
            "setpts=PTS-STARTPTS,crop=w=1080:h=1920:x='clip((0.20000+(0.20000)*min(n/59,1))*iw");
  }
}
