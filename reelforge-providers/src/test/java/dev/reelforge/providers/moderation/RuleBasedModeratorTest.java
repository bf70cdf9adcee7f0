package dev.reelforge.providers.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.testkit.moderation.ModeratorContract;
import org.junit.jupiter.api.Test;

class RuleBasedModeratorTest extends ModeratorContract {

  private static final RuleBasedModerator RULES = new RuleBasedModerator();

  @Override
  protected Moderator moderator() {
    return RULES;
  }

  @Test
  void lookAlikeCharactersAndSpacingDoNotHideAPhrase() {
    String text = "i  w1ll K1LL   y0u";
    ModerationResult result = RULES.moderate(text);
    assertThat(result.flags()).hasSize(1);
    ModerationFlag flag = result.flags().getFirst();
    assertThat(flag.category()).isEqualTo(ModerationCategory.VIOLENCE);
    assertThat(flag.severity()).isEqualTo(Severity.HIGH);
    assertThat(text.substring(flag.start(), flag.end())).isEqualTo("i  w1ll K1LL");
    assertThat(flag.reason()).contains("violence").contains("'i will kill'");
  }

  @Test
  void harmlessPhrasesAndWordsInsideOtherWordsAreNotFlagged() {
    assertThat(RULES.moderate("We kill time with a photo shoot and a killer app.").flags())
        .isEmpty();
    assertThat(RULES.moderate("Skilled methodology, Scunthorpe-proof.").flags()).isEmpty();
  }

  @Test
  void lowSeverityIsReportedButDoesNotBlock() {
    ModerationResult result = RULES.moderate("What a shit day, you idiot.");
    assertThat(result.allowed()).isTrue();
    assertThat(result.highest()).contains(Severity.LOW);
    assertThat(result.flags())
        .extracting(ModerationFlag::category)
        .containsExactly(ModerationCategory.PROFANITY, ModerationCategory.HARASSMENT);
  }

  @Test
  void spamHeuristicsFlagShoutingPunctuationRunsAndLinks() {
    ModerationResult result =
        RULES.moderate("BUY NOW THE BEST DEAL EVER!!!!! www.a.com https://b.com http://c.com");
    assertThat(result.flags())
        .filteredOn(f -> f.category() == ModerationCategory.SPAM)
        .extracting(ModerationFlag::reason)
        .anyMatch(r -> r.contains("capital"))
        .anyMatch(r -> r.contains("exclamation"))
        .anyMatch(r -> r.contains("3 links"));
  }
}
