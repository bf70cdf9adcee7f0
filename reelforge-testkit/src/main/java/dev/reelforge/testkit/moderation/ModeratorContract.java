package dev.reelforge.testkit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import org.junit.jupiter.api.Test;

/** What every {@link Moderator} promises. */
public abstract class ModeratorContract {

  protected abstract Moderator moderator();

  @Test
  void ordinaryTextPassesWithNoFlags() {
    ModerationResult result =
        moderator()
            .moderate(
                "The Moon drifts about four centimetres away from Earth every year, slowly"
                    + " lengthening our days.");
    assertThat(result.allowed()).isTrue();
    assertThat(result.flags()).isEmpty();
    assertThat(result.moderator()).startsWith(moderator().name());
  }

  @Test
  void aThreatOfViolenceIsBlockedWithItsReason() {
    String text = "Great video. I will kill you if you post again.";
    ModerationResult result = moderator().moderate(text);
    assertThat(result.allowed()).isFalse();
    assertThat(result.flagged(ModerationCategory.VIOLENCE)).isTrue();
    for (ModerationFlag flag : result.flags()) {
      assertThat(flag.reason()).isNotBlank();
      if (flag.start() >= 0) {
        assertThat(flag.end()).isGreaterThan(flag.start()).isLessThanOrEqualTo(text.length());
      }
    }
  }

  @Test
  void talkOfSelfHarmIsFlagged() {
    ModerationResult result = moderator().moderate("Some days I want to kill myself.");
    assertThat(result.flagged(ModerationCategory.SELF_HARM)).isTrue();
    assertThat(result.allowed()).isFalse();
  }
}
