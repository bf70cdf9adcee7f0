package dev.reelforge.testkit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPreferences;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ModerationPreferences} honours: a user without a choice has none, a
 * choice comes back as set (regions in order), setting again replaces it, clearing forgets it, and
 * users do not share choices.
 */
public abstract class ModerationPreferencesContract {

  protected ModerationPreferences preferences;

  /** The store under test. */
  protected abstract ModerationPreferences createStore();

  /** A user the store may keep a choice for (on PostgreSQL, a stored account). */
  protected abstract UUID newUser();

  @BeforeEach
  void setUpStore() {
    preferences = createStore();
  }

  @Test
  void aUserWithoutAChoiceHasNone() {
    assertThat(preferences.of(newUser())).isEmpty();
  }

  @Test
  void aChoiceComesBackAsSetAndSettingAgainReplacesIt() {
    UUID user = newUser();
    preferences.set(user, new ModerationChoice("kids", List.of("fr", "de")));
    assertThat(preferences.of(user)).contains(new ModerationChoice("kids", List.of("fr", "de")));

    preferences.set(user, new ModerationChoice("default", List.of()));
    assertThat(preferences.of(user)).contains(new ModerationChoice("default", List.of()));
  }

  @Test
  void clearingForgetsTheChoiceAndClearingNothingIsHarmless() {
    UUID user = newUser();
    preferences.clear(user);
    preferences.set(user, new ModerationChoice("kids", List.of("at")));
    preferences.clear(user);
    assertThat(preferences.of(user)).isEmpty();
  }

  @Test
  void usersDoNotShareChoices() {
    UUID kids = newUser();
    UUID other = newUser();
    preferences.set(kids, new ModerationChoice("kids", List.of()));
    preferences.set(other, new ModerationChoice("default", List.of("de")));
    preferences.clear(other);
    assertThat(preferences.of(kids)).contains(new ModerationChoice("kids", List.of()));
    assertThat(preferences.of(other)).isEmpty();
  }
}
