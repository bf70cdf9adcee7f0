package dev.reelforge.core.licence;

import java.util.Objects;

/**
 * Licensing evidence for one media item (seed 002): every picture, clip, voice and piece of music
 * in a video carries one into the run manifest.
 *
 * @param source the provider or library it came from, e.g. {@code procedural}, {@code pexels}
 * @param author who made it
 * @param licence the licence's name, e.g. {@code CC0-1.0}, {@code Pexels License}
 * @param url where the item or its licence can be checked (empty for generated media)
 */
public record MediaLicence(String source, String author, String licence, String url) {

  public MediaLicence {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(licence, "licence");
    url = Objects.requireNonNullElse(url, "");
  }

  /** Media ReelForge generated itself: no third party holds rights in it. */
  public static MediaLicence generated(String generator) {
    return new MediaLicence(generator, "ReelForge (generated)", "no third-party rights", "");
  }
}
