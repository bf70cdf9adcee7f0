package dev.reelforge.core.moderation.memory;

import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPreferences;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ModerationPreferences} in this process's memory, for the command line and tests; passes
 * the same {@code ModerationPreferencesContract} as PostgreSQL's store.
 */
public final class InMemoryModerationPreferences implements ModerationPreferences {

  private final Map<UUID, ModerationChoice> byUser = new ConcurrentHashMap<>();

  @Override
  public Optional<ModerationChoice> of(UUID user) {
    return Optional.ofNullable(byUser.get(user));
  }

  @Override
  public void set(UUID user, ModerationChoice choice) {
    byUser.put(user, Objects.requireNonNull(choice, "choice"));
  }

  @Override
  public void clear(UUID user) {
    byUser.remove(user);
  }
}
