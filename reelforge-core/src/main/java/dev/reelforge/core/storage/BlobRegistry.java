package dev.reelforge.core.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checksum registry: every stored key with the SHA-256 of its bytes and where those bytes are,
 * shared by every node. It lets {@link BlobCatalog} store identical content once, lets a worker see
 * which of a folder's files changed without reading the store, and drives retention.
 */
public interface BlobRegistry {

  /** Records or replaces a key. */
  void record(StoredBlob blob);

  Optional<StoredBlob> find(String key);

  /** A live key whose bytes have this checksum, preferring one stored under its own key. */
  Optional<StoredBlob> findBySha256(String sha256);

  /** Every key starting with the prefix, in key order. */
  List<StoredBlob> list(String prefix);

  /** Moves the expiry of every key under a prefix to at least {@code expiresAt}. */
  void extend(String prefix, Instant expiresAt);

  /** Keys whose expiry has passed, oldest first. */
  List<StoredBlob> expired(Instant now, int limit);

  /** Whether any key other than {@code exceptKey} points at the object. */
  boolean isReferenced(String objectKey, String exceptKey);

  /** Forgets a key; answers whether any other key still points at its object. */
  boolean forget(StoredBlob blob);
}
