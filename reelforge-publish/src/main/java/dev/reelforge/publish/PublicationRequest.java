package dev.reelforge.publish;

import dev.reelforge.core.publish.PostMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a user asks to publish: a finished run's video in one format, to one or more platforms.
 *
 * @param runId the finished run
 * @param format one of the run's formats; empty picks its first
 * @param targets one per platform (and account)
 */
public record PublicationRequest(UUID runId, Optional<String> format, List<Target> targets) {

  public PublicationRequest {
    Objects.requireNonNull(format, "format");
    targets = List.copyOf(Objects.requireNonNullElse(targets, List.<Target>of()));
  }

  /**
   * One platform to post to.
   *
   * @param platform its key, e.g. {@code youtube}
   * @param accountId the connected account; required for every platform but the local folder
   * @param metadata the copy; empty has the script writer write it for the platform
   * @param privacy {@code public} (default), {@code unlisted} or {@code private}
   * @param scheduleAt when to publish; empty for now
   * @param locale the copy's language, e.g. {@code en-US}
   */
  public record Target(
      String platform,
      Optional<UUID> accountId,
      Optional<PostMetadata> metadata,
      Optional<String> privacy,
      Optional<Instant> scheduleAt,
      Optional<String> locale) {

    public Target {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(privacy, "privacy");
      Objects.requireNonNull(scheduleAt, "scheduleAt");
      Objects.requireNonNull(locale, "locale");
    }
  }
}
