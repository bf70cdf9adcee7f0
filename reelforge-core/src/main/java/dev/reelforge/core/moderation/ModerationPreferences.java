package dev.reelforge.core.moderation;

import java.util.Optional;
import java.util.UUID;

/**
 * Each user's own moderation preset and regions, chosen on the dashboard or set by an operator
 * (e.g. kids mode for a children's channel). A run that names its own choice wins over it; a user
 * without one gets the server's default ({@code reelforge.moderation.*}). The store keeps names
 * only: they are checked against the configured presets and toggles before {@link #set}, and
 * resolved into a policy when the gate runs.
 */
public interface ModerationPreferences {

  /** The user's choice; empty when they have none (the server default applies). */
  Optional<ModerationChoice> of(UUID user);

  /** Sets (or replaces) the user's choice. */
  void set(UUID user, ModerationChoice choice);

  /** Forgets the user's choice, so the server default applies again; nothing when there is none. */
  void clear(UUID user);
}
