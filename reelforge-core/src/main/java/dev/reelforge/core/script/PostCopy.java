package dev.reelforge.core.script;

import dev.reelforge.core.publish.PostMetadata;
import java.util.Objects;

/**
 * A post's copy as a script writer made it for one platform, already within its limits.
 *
 * @param metadata title, description and hashtags, fitted to the platform
 * @param writer who made it, e.g. {@code extractive} or {@code chat/gpt-4o-mini}, for the manifest
 * @param notice what the user should know before publishing (empty when nothing): what was cut to
 *     fit, or that a language model's answer was unusable and the copy was derived instead
 */
public record PostCopy(PostMetadata metadata, String writer, String notice) {

  public PostCopy {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(writer, "writer");
    notice = Objects.requireNonNullElse(notice, "").strip();
  }
}
