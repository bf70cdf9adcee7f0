package dev.reelforge.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModerationPolicyTest {

  @Test
  void theDefaultHoldsHighOfAnythingAndMediumOfHateSexualAndSelfHarm() {
    ModerationPolicy policy = ModerationPolicy.DEFAULT;
    for (ModerationCategory category : ModerationCategory.values()) {
      assertThat(policy.holds(category, Severity.HIGH)).as(category.name()).isTrue();
      assertThat(policy.holds(category, Severity.LOW)).as(category.name()).isFalse();
    }
    assertThat(policy.holds(ModerationCategory.HATE, Severity.MEDIUM)).isTrue();
    assertThat(policy.holds(ModerationCategory.SEXUAL, Severity.MEDIUM)).isTrue();
    assertThat(policy.holds(ModerationCategory.SELF_HARM, Severity.MEDIUM)).isTrue();
    assertThat(policy.holds(ModerationCategory.VIOLENCE, Severity.MEDIUM)).isFalse();
    assertThat(policy.holds(ModerationCategory.PROFANITY, Severity.MEDIUM)).isFalse();
  }

  @Test
  void kidsModeHoldsWhatTheDefaultAllows() {
    assertThat(ModerationPolicy.DEFAULT.holds(ModerationCategory.PROFANITY, Severity.LOW))
        .isFalse();
    assertThat(ModerationPolicy.KIDS.holds(ModerationCategory.PROFANITY, Severity.LOW)).isTrue();
    assertThat(ModerationPolicy.KIDS.holds(ModerationCategory.VIOLENCE, Severity.LOW)).isTrue();
    // Shouting is not harm: spam holds a children's run only from MEDIUM (many links).
    assertThat(ModerationPolicy.KIDS.holds(ModerationCategory.SPAM, Severity.LOW)).isFalse();
    assertThat(ModerationPolicy.KIDS.holds(ModerationCategory.SPAM, Severity.MEDIUM)).isTrue();
  }

  @Test
  void regionTogglesAddHoldsAndKeepTheStricterThreshold() {
    RegionToggles toggles = RegionToggles.builtInAnd(Map.of("xx", "VIOLENCE:MEDIUM,SPAM:HIGH"));
    ModerationPolicy de = ModerationPolicy.of("default", List.of("de"), toggles);
    assertThat(de.name()).isEqualTo("default+de");
    assertThat(de.holds(ModerationCategory.HATE, Severity.LOW)).isTrue();
    assertThat(ModerationPolicy.DEFAULT.holds(ModerationCategory.HATE, Severity.LOW)).isFalse();
    ModerationPolicy both = ModerationPolicy.of("kids", List.of("de", "XX"), toggles);
    assertThat(both.holds(ModerationCategory.VIOLENCE, Severity.LOW)).isTrue();
    // A toggle never loosens: kids' SPAM at MEDIUM stays MEDIUM under a region asking HIGH.
    assertThat(both.holds(ModerationCategory.SPAM, Severity.MEDIUM)).isTrue();
  }

  @Test
  void unknownPresetsRegionsAndBadTogglesAreNamed() {
    assertThatThrownBy(() -> ModerationPolicy.of("strict", List.of(), RegionToggles.builtIn()))
        .hasMessageContaining("'strict'")
        .hasMessageContaining("default, kids");
    assertThatThrownBy(() -> ModerationPolicy.of("kids", List.of("zz"), RegionToggles.builtIn()))
        .hasMessageContaining("'zz'");
    assertThatThrownBy(() -> RegionToggles.parse(Map.of("us", "HATE=LOW")))
        .hasMessageContaining("us")
        .hasMessageContaining("HATE=LOW");
  }
}
