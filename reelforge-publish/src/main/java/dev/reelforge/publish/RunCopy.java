package dev.reelforge.publish;

import java.util.List;
import java.util.Objects;

/**
 * What a finished run says, for writing a post's copy.
 *
 * @param name a file-safe name for the post, e.g. {@code honey-never-spoils}
 * @param title the run's title
 * @param narration what the video says
 * @param description the description the script writer wrote with it
 * @param hashtags the hashtags it already has, without {@code #}
 */
public record RunCopy(
    String name, String title, String narration, String description, List<String> hashtags) {

  public RunCopy {
    Objects.requireNonNull(name, "name");
    title = Objects.requireNonNullElse(title, "");
    narration = Objects.requireNonNullElse(narration, "");
    description = Objects.requireNonNullElse(description, "");
    hashtags = List.copyOf(hashtags);
  }
}
