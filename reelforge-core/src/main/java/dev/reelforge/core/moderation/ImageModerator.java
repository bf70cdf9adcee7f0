package dev.reelforge.core.moderation;

import java.nio.file.Path;

/**
 * Checks a picture (a still, or a frame of a clip) before it is shown. Implementations: an offline
 * one that reads the words in the picture and applies the text rules to them, and cloud moderation
 * APIs that judge the pixels.
 *
 * <p>What an implementation cannot check it says in {@link ModerationResult#unchecked()}, rather
 * than pass the picture silently.
 */
public interface ImageModerator {

  /** The implementation's configuration name, e.g. {@code ocr-rules}. */
  String name();

  /** The verdict on the picture at {@code picture} (PNG or JPEG). */
  ModerationResult moderate(Path picture);
}
