package dev.reelforge.app.brand;

import java.nio.file.Path;

/**
 * A brand picture that passed every upload check ({@link BrandUploads}): its type proven by its
 * first bytes and by decoding it, its name made safe, its content hashed.
 *
 * @param originalFilename the name the user gave, made safe ({@link UploadFilenames#safe}): a label
 *     to show, never a path
 * @param storedFilename the name to store it under: the first 16 hex digits of its SHA-256 and its
 *     type's extension ({@code 3f9a…c1.png})
 * @param mimeType {@code image/jpeg}, {@code image/png} or {@code image/webp}
 * @param size its length in bytes
 * @param sha256 the SHA-256 of {@code bytes}, 64 lower-case hex digits (what uploads are
 *     deduplicated by, per user)
 * @param bytes the picture as uploaded
 * @param normalisedPng the picture decoded and written as PNG, at most {@link
 *     BrandUploads#NORMALISED_LONG_SIDE} pixels on its long side (aspect kept, never enlarged),
 *     with its alpha channel when it has one
 * @param width the uploaded picture's width in pixels (before normalising)
 * @param height the uploaded picture's height in pixels (before normalising)
 */
public record CheckedUpload(
    String originalFilename,
    String storedFilename,
    String mimeType,
    long size,
    String sha256,
    byte[] bytes,
    Path normalisedPng,
    int width,
    int height) {

  /** The type {@link #mimeType} names. */
  public PictureType type() {
    return PictureType.ofMimeType(mimeType).orElseThrow();
  }
}
