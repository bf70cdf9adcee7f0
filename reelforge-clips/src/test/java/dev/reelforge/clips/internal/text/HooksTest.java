package dev.reelforge.clips.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HooksTest {

  private static List<String> reasons(String sentence) {
    return Hooks.of(sentence).stream().map(Hooks.Hook::reason).toList();
  }

  @Test
  void eachKindOfOpeningIsNamedWithTheWordsThatMadeIt() {
    assertThat(reasons("What happens to a battery in the cold?"))
        .containsExactly("opens with a question");
    assertThat(reasons("There are 3 simple reasons this works."))
        .containsExactly("promises a list (\"3 simple reasons\")");
    assertThat(reasons("Five mistakes beginners make."))
        .containsExactly("promises a list (\"five mistakes\")");
    assertThat(reasons("Here's why it matters.")).containsExactly("opens with \"here's why\"");
    assertThat(reasons("The secret is patience."))
        .containsExactly("promises a secret (\"the secret\")");
    assertThat(reasons("I never charge overnight."))
        .containsExactly("opens with a strong claim (\"never\")");
    assertThat(reasons("It costs 40% less.")).containsExactly("opens with a number (40%)");
    assertThat(reasons("Your phone lies to you."))
        .containsExactly("speaks to the viewer (\"your\")");
    assertThat(reasons("The weather was fine.")).isEmpty();
  }

  @Test
  void severalHooksScoreMoreThanOneButNeverAboveOne() {
    assertThat(Hooks.score(Hooks.of("The weather was fine."))).isZero();
    double one = Hooks.score(Hooks.of("Why is that?"));
    double many = Hooks.score(Hooks.of("Why do you never see the secret in 5 ways?"));
    assertThat(one).isEqualTo(1.0);
    assertThat(many).isEqualTo(1.0);
    assertThat(Hooks.score(Hooks.of("You will love this and you never forget it.")))
        .isGreaterThan(Hooks.score(Hooks.of("I never forget it.")));
  }

  @Test
  void withoutAMarkAQuestionIsKnownByHowItOpens() {
    assertThat(Hooks.isQuestion("why does the battery die so fast")).isTrue();
    assertThat(Hooks.isQuestion("have you ever tried this")).isTrue();
    assertThat(Hooks.isQuestion("the battery dies fast")).isFalse();
    assertThat(Hooks.isQuestion("What a day.")).isFalse();
    assertThat(Hooks.isQuestion("why not")).as("too short to tell").isFalse();
  }
}
