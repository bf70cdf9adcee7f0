package dev.reelforge.core.storage;

import java.time.Instant;

/**
 * One key in the checksum registry.
 *
 * @param key the key users and the pipeline know
 * @param objectKey where the bytes are in the store: the key itself, or an earlier key with the
 *     same checksum, so identical content is stored once
 * @param sha256 the bytes' SHA-256 (hex)
 * @param size their length
 * @param retention the class deciding {@code expiresAt}
 * @param expiresAt when the scheduled cleanup removes the key
 */
public record StoredBlob(
    String key,
    String objectKey,
    String sha256,
    long size,
    RetentionClass retention,
    Instant expiresAt) {}
