package dev.reelforge.app.publish;

import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.publish.PublicationRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The request bodies of the publication routes, read leniently (every field a string or a list) so
 * that each invalid field is named in one answer; what only the feature knows (formats, accounts,
 * the platforms' limits) it checks on the same field names.
 */
final class PublicationRequests {

  private PublicationRequests() {}

  /** {@code POST /api/publications}. */
  record Create(String runId, String format, List<Target> targets) {

    PublicationRequest checked() {
      List<FieldViolation> violations = new ArrayList<>();
      UUID run = uuid("runId", runId, violations);
      List<PublicationRequest.Target> checkedTargets = new ArrayList<>();
      if (targets == null || targets.isEmpty()) {
        violations.add(new FieldViolation("targets", "at least one target is required"));
      } else {
        for (int i = 0; i < targets.size(); i++) {
          Target target = targets.get(i);
          String field = "targets[" + i + "]";
          if (target == null) {
            violations.add(new FieldViolation(field, "is required"));
            continue;
          }
          checkedTargets.add(target.checked(field, violations));
        }
      }
      if (!violations.isEmpty()) {
        throw ReelForgeException.invalidInput("the publication is not valid", violations);
      }
      return new PublicationRequest(run, text(format), checkedTargets);
    }
  }

  /** One target of {@link Create}. */
  record Target(
      String platform,
      String accountId,
      Metadata metadata,
      String privacy,
      String scheduleAt,
      String locale) {

    PublicationRequest.Target checked(String field, List<FieldViolation> violations) {
      if (platform == null || platform.isBlank()) {
        violations.add(new FieldViolation(field + ".platform", "is required"));
      }
      Optional<UUID> account = text(accountId).map(a -> uuid(field + ".accountId", a, violations));
      Optional<Instant> at = Optional.empty();
      if (text(scheduleAt).isPresent()) {
        try {
          at = Optional.of(Instant.parse(scheduleAt.strip()));
        } catch (DateTimeParseException e) {
          violations.add(
              new FieldViolation(
                  field + ".scheduleAt", "an ISO-8601 instant, e.g. 2026-12-24T18:00:00Z"));
        }
      }
      return new PublicationRequest.Target(
          platform == null ? "" : platform,
          account,
          Optional.ofNullable(metadata).map(m -> m.checked(field + ".metadata", violations)),
          text(privacy),
          at,
          text(locale));
    }
  }

  /** A post's copy, as sent. */
  record Metadata(String title, String description, List<String> hashtags, String locale) {

    PostMetadata checked(String field, List<FieldViolation> violations) {
      if (hashtags != null && hashtags.stream().anyMatch(h -> h == null)) {
        violations.add(new FieldViolation(field + ".hashtags", "may not hold null"));
      }
      return new PostMetadata(
          title,
          description,
          hashtags == null ? List.of() : hashtags.stream().filter(h -> h != null).toList(),
          locale);
    }

    PostMetadata checked() {
      List<FieldViolation> violations = new ArrayList<>();
      PostMetadata copy = checked("metadata", violations);
      if (!violations.isEmpty()) {
        throw ReelForgeException.invalidInput("the copy is not valid", violations);
      }
      return copy;
    }
  }

  /** {@code PATCH /api/publications/{id}/targets/{targetId}}. */
  record EditTarget(Metadata metadata) {

    PostMetadata checked() {
      if (metadata == null) {
        throw ReelForgeException.invalidField("metadata", "is required");
      }
      return metadata.checked();
    }
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static UUID uuid(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "is required"));
      return null;
    }
    if (!Ids.isUuid(value.strip())) {
      violations.add(new FieldViolation(field, "is not an id"));
      return null;
    }
    return UUID.fromString(value.strip());
  }
}
