package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A draft holds its stills still (the cheap preview); the other tiers keep every motion. */
class DraftStillsTest {

  @Test
  void aDraftRendersStillsWithoutMotionAndTheOtherTiersKeepIt(@TempDir Path dir) throws Exception {
    Timeline story = Fixtures.story(dir, 6, 3);
    assertThat(story.segments())
        .anyMatch(s -> !s.visual().motion().equals(Motion.NONE))
        .allMatch(s -> s.visual().kind() == VisualClip.Kind.IMAGE);

    Timeline draft = RenderEngine.asRendered(story, QualityTier.DRAFT);
    assertThat(draft.segments()).allMatch(s -> s.visual().motion().equals(Motion.NONE));
    // Everything else is the story's own: ids, lengths, pictures, transitions, captions.
    for (int i = 0; i < story.segments().size(); i++) {
      Segment before = story.segments().get(i);
      Segment after = draft.segments().get(i);
      assertThat(after.id()).isEqualTo(before.id());
      assertThat(after.durationMillis()).isEqualTo(before.durationMillis());
      assertThat(after.visual().source()).isEqualTo(before.visual().source());
      assertThat(after.transitionIn()).isEqualTo(before.transitionIn());
    }
    assertThat(draft.captions()).isEqualTo(story.captions());
    assertThat(RenderEngine.asRendered(story, QualityTier.STANDARD)).isEqualTo(story);
    assertThat(RenderEngine.asRendered(story, QualityTier.HIGH)).isEqualTo(story);
  }
}
