package dev.reelforge.core.storage;

import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blob store seen through the checksum registry: stores each distinct content once, records
 * every key's SHA-256, signs download URLs and enforces retention.
 *
 * <p>An object shared by several keys is never overwritten: a key whose content changes while
 * others still point at its old bytes gets its new bytes under a versioned object key.
 */
public final class BlobCatalog {

  private final BlobStore store;
  private final BlobRegistry registry;
  private final Map<RetentionClass, Duration> retention;
  private final Clock clock;

  public BlobCatalog(
      BlobStore store,
      BlobRegistry registry,
      Map<RetentionClass, Duration> retention,
      Clock clock) {
    this.store = store;
    this.registry = registry;
    this.retention = new EnumMap<>(RetentionClass.class);
    for (RetentionClass c : RetentionClass.values()) {
      this.retention.put(c, retention.getOrDefault(c, c.defaultDuration()));
    }
    this.clock = clock;
  }

  public BlobStore store() {
    return store;
  }

  /** Stores a file under a key (once per content) and records it; the checksum is computed. */
  public StoredBlob put(String key, Path file, String contentType, RetentionClass retentionClass) {
    return put(key, file, Sha256.of(file), contentType, retentionClass);
  }

  /** As {@link #put(String, Path, String, RetentionClass)} with the checksum already known. */
  public StoredBlob put(
      String key, Path file, String sha256, String contentType, RetentionClass retentionClass) {
    BlobKeys.check(key);
    long size = size(file);
    Instant expiresAt = clock.instant().plus(retention.get(retentionClass));
    Optional<StoredBlob> current = registry.find(key);
    String objectKey;
    if (current.isPresent() && current.get().sha256().equals(sha256)) {
      objectKey = current.get().objectKey();
    } else if (store.localPath(key).isPresent()) {
      // A local store is worked in place: the file is (or becomes) the object at its own key.
      store.put(key, file, sha256, contentType);
      objectKey = key;
    } else {
      objectKey =
          registry
              .findBySha256(sha256)
              .map(StoredBlob::objectKey)
              .filter(candidate -> store.head(candidate).isPresent())
              .orElseGet(() -> upload(key, file, sha256, contentType));
    }
    StoredBlob blob =
        new StoredBlob(key, objectKey, sha256, size, retentionClass, later(current, expiresAt));
    registry.record(blob);
    current
        .filter(old -> !old.objectKey().equals(objectKey))
        .filter(old -> !registry.isReferenced(old.objectKey(), key))
        .ifPresent(old -> store.delete(old.objectKey()));
    return blob;
  }

  private String upload(String key, Path file, String sha256, String contentType) {
    String objectKey = registry.isReferenced(key, key) ? key + ".v" + sha256.substring(0, 16) : key;
    store.put(objectKey, file, sha256, contentType);
    return objectKey;
  }

  private static Instant later(Optional<StoredBlob> current, Instant expiresAt) {
    return current.map(StoredBlob::expiresAt).filter(e -> e.isAfter(expiresAt)).orElse(expiresAt);
  }

  /** Writes the key's bytes to {@code target}. */
  public void get(String key, Path target) {
    get(require(key), target);
  }

  /** Writes a recorded key's bytes to {@code target} (no registry lookup). */
  public void get(StoredBlob blob, Path target) {
    store.get(blob.objectKey(), target);
  }

  public Optional<StoredBlob> find(String key) {
    return registry.find(key).filter(b -> b.expiresAt().isAfter(clock.instant()));
  }

  public List<StoredBlob> list(String prefix) {
    return registry.list(prefix);
  }

  /** Keeps every key under the prefix for at least the class's window from now. */
  public void keep(String prefix, RetentionClass retentionClass) {
    registry.extend(prefix, clock.instant().plus(retention.get(retentionClass)));
  }

  /** A URL to download the key's bytes for {@code ttl}. */
  public URI signedUrl(String key, Duration ttl) {
    return signedUrl(require(key), ttl);
  }

  /** A URL to download a recorded key's bytes for {@code ttl} (no registry lookup). */
  public URI signedUrl(StoredBlob blob, Duration ttl) {
    return store.signedUrl(blob.objectKey(), ttl);
  }

  /** Removes every key under a prefix and the objects no other key uses (a deleted session). */
  public int deletePrefix(String prefix) {
    List<StoredBlob> keys = registry.list(prefix);
    keys.forEach(this::remove);
    return keys.size();
  }

  /**
   * Removes up to {@code limit} expired keys and the objects no other key uses; answers how many
   * keys went. Run by the scheduler role.
   */
  public int removeExpired(int limit) {
    List<StoredBlob> expired = registry.expired(clock.instant(), limit);
    expired.forEach(this::remove);
    return expired.size();
  }

  private void remove(StoredBlob blob) {
    if (!registry.forget(blob)) {
      store.delete(blob.objectKey());
    }
  }

  private StoredBlob require(String key) {
    return find(key).orElseThrow(() -> ReelForgeException.notFound("File", key));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
