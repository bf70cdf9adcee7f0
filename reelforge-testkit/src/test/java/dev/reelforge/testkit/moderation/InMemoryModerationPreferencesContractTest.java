package dev.reelforge.testkit.moderation;

import dev.reelforge.core.moderation.ModerationPreferences;
import dev.reelforge.core.moderation.memory.InMemoryModerationPreferences;
import java.util.UUID;

/** The in-memory preferences against the contract PostgreSQL's pass. */
class InMemoryModerationPreferencesContractTest extends ModerationPreferencesContract {

  @Override
  protected ModerationPreferences createStore() {
    return new InMemoryModerationPreferences();
  }

  @Override
  protected UUID newUser() {
    // The memory store knows no accounts: any id is a user.
    return UUID.randomUUID();
  }
}
