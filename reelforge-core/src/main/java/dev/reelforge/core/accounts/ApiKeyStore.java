package dev.reelforge.core.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys for programmatic use, kept as hashes; the key itself is shown once. */
public interface ApiKeyStore {

  ApiKey create(UUID id, UUID userId, String name, String prefix, String keyHash);

  /** The owner of an active key, marking it used. */
  Optional<UUID> use(String keyHash);

  List<ApiKey> list(UUID userId);

  /**
   * @return false when the user has no such active key
   */
  boolean revoke(UUID userId, UUID keyId);

  /** A key as listed: its first characters identify it, the rest is never stored. */
  record ApiKey(
      UUID id,
      String name,
      String prefix,
      Instant createdAt,
      Optional<Instant> lastUsedAt,
      Optional<Instant> revokedAt) {}
}
