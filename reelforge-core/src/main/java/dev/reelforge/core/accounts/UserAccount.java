package dev.reelforge.core.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A user as the rest of the system sees it: never its password hash. */
public record UserAccount(
    UUID id,
    String username,
    String displayName,
    Role role,
    boolean active,
    boolean passwordChangeRequired,
    Optional<Instant> abuseFlaggedAt,
    Instant createdAt) {

  public UserAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(abuseFlaggedAt, "abuseFlaggedAt");
  }
}
