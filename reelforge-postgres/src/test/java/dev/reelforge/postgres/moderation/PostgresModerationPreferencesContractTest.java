package dev.reelforge.postgres.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPreferences;
import dev.reelforge.postgres.accounts.PostgresUserStore;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.moderation.ModerationPreferencesContract;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The preferences on real PostgreSQL, where a user's choice goes with the user. */
@PostgresTest
class PostgresModerationPreferencesContractTest extends ModerationPreferencesContract {

  private final TestDatabase database;

  PostgresModerationPreferencesContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected ModerationPreferences createStore() {
    return new PostgresModerationPreferences(database.dataSource(), Clock.systemUTC());
  }

  @Override
  protected UUID newUser() {
    UUID id = UUID.randomUUID();
    String name = "u" + id.toString().substring(0, 8);
    new PostgresUserStore(database.dataSource(), Clock.systemUTC())
        .create(
            new UserStore.NewUser(
                id, name, name, Role.VIEWER, Optional.of("hash"), false, Optional.empty()));
    return id;
  }

  @Test
  void theChoiceGoesWithItsUser() {
    UUID gone = newUser();
    UUID kept = newUser();
    preferences.set(gone, new ModerationChoice("kids", List.of("de")));
    preferences.set(kept, new ModerationChoice("kids", List.of()));
    database.execute("delete from app_user where id = '" + gone + "'");
    assertThat(preferences.of(gone)).isEmpty();
    assertThat(preferences.of(kept)).isPresent();
  }
}
