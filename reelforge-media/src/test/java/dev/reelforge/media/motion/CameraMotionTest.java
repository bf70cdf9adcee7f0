package dev.reelforge.media.motion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CameraMotionTest {

  @Test
  void thePromptsWordsNameTheMotion() {
    assertThat(CameraMotion.choose("Slowly push in on the face", 1))
        .isEqualTo(CameraMotion.PUSH_IN);
    assertThat(CameraMotion.choose("zoom in to the door", 1)).isEqualTo(CameraMotion.PUSH_IN);
    assertThat(CameraMotion.choose("the camera pulls back", 1)).isEqualTo(CameraMotion.PULL_OUT);
    assertThat(CameraMotion.choose("Zoom-out from the city", 1)).isEqualTo(CameraMotion.PULL_OUT);
    assertThat(CameraMotion.choose("pan left across the valley", 1))
        .isEqualTo(CameraMotion.PAN_LEFT);
    assertThat(CameraMotion.choose("panning to the right", 1)).isEqualTo(CameraMotion.PAN_RIGHT);
    assertThat(CameraMotion.choose("orbiting the statue", 1)).isEqualTo(CameraMotion.ORBIT);
    assertThat(CameraMotion.choose("a parallax shot of a fox", 1)).isEqualTo(CameraMotion.ORBIT);
  }

  @Test
  void theFirstMotionNamedWins() {
    assertThat(CameraMotion.choose("pan left, then zoom in", 1)).isEqualTo(CameraMotion.PAN_LEFT);
    assertThat(CameraMotion.choose("zoom in, then pan left", 1)).isEqualTo(CameraMotion.PUSH_IN);
  }

  @Test
  void withoutWordsTheSeedPicksEveryMotionSomewhereAndAlwaysTheSameForOneSeed() {
    Set<CameraMotion> seen = EnumSet.noneOf(CameraMotion.class);
    for (long seed = 0; seed < 200; seed++) {
      CameraMotion motion = CameraMotion.choose("a lighthouse", seed);
      assertThat(CameraMotion.choose("a lighthouse", seed)).isEqualTo(motion);
      seen.add(motion);
    }
    assertThat(seen).containsExactlyInAnyOrder(CameraMotion.values());
    assertThat(CameraMotion.choose("a company", 3)).isNotNull();
    // "pan" inside another word is no pan.
    assertThat(CameraMotion.choose("a panorama of the left bank", 0))
        .isEqualTo(CameraMotion.choose("a lighthouse", 0));
  }
}
