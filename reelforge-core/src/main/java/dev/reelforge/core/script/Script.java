package dev.reelforge.core.script;

import java.util.List;
import java.util.Objects;

/**
 * A story ready for narration: beats in order (the first is the hook, the last the closing line
 * when the writer made them), with the metadata a platform upload needs.
 *
 * @param title a title for the video (at most 100 characters)
 * @param beats the narration, one visual per beat
 * @param description a platform description (at most 500 characters)
 * @param hashtags tags without the {@code #}, most relevant first
 * @param origin how it was made
 * @param writer the writer's name (and model) for the run manifest
 * @param notice what the user should know before publishing (empty when nothing), e.g. that a
 *     template script needs their facts, or what was left out of the narration (a code block, a
 *     table)
 */
public record Script(
    String title,
    List<Beat> beats,
    String description,
    List<String> hashtags,
    ScriptOrigin origin,
    String writer,
    String notice) {

  public Script {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(writer, "writer");
    beats = List.copyOf(beats);
    hashtags = List.copyOf(hashtags);
    notice = Objects.requireNonNullElse(notice, "");
  }

  /**
   * This script with {@code more} added to its notice, after what it already says (a template's
   * label, then what ingest left out); this script itself when {@code more} is blank.
   */
  public Script withNoticeAdded(String more) {
    if (more == null || more.isBlank()) {
      return this;
    }
    String joined = notice.isBlank() ? more.strip() : notice.strip() + " " + more.strip();
    return new Script(title, beats, description, hashtags, origin, writer, joined);
  }

  /** The narration as one text, beats separated by spaces. */
  public String narration() {
    return String.join(" ", beats.stream().map(Beat::text).toList());
  }
}
