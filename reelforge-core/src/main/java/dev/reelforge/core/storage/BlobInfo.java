package dev.reelforge.core.storage;

/**
 * What a blob store knows of one stored object.
 *
 * @param key the object's key, {@code /}-separated, never starting with {@code /}
 * @param size its length in bytes
 * @param sha256 the lowercase hex SHA-256 of its bytes, as recorded when it was stored
 */
public record BlobInfo(String key, long size, String sha256) {}
