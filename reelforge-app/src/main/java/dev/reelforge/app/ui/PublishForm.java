package dev.reelforge.app.ui;

import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.publish.PublicationRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The Publish form of a run's page, as posted: the format, the platforms ticked (each with the id
 * of the account to post as), privacy, an optional time in the browser's own time zone, and
 * optional copy shared by every platform. It becomes the same {@link PublicationRequest} the API
 * makes, and the API's field names in a refusal ({@code targets[1].metadata.title}) are mapped back
 * onto the form's fields so that each reason shows next to what caused it.
 *
 * @param timeZone the browser's IANA zone, filled in by the dashboard's script; the schedule time
 *     is read in UTC when it is missing or unknown
 * @param formKey a random key per rendered form, so that a double submit makes one publication
 */
public record PublishForm(
    String format,
    List<String> platforms,
    Map<String, String> accounts,
    String privacy,
    String scheduleAt,
    String timeZone,
    String title,
    String description,
    String hashtags,
    String formKey) {

  private static final Pattern TARGET_FIELD = Pattern.compile("targets\\[(\\d+)\\](?:\\.(.*))?");

  public PublishForm {
    platforms = List.copyOf(platforms);
    accounts = Map.copyOf(accounts);
  }

  /** A fresh form: the run's first format, the local folder ticked, public, now. */
  static PublishForm defaults(String format) {
    return new PublishForm(
        format,
        List.of(Platform.LOCAL.key()),
        Map.of(),
        "public",
        "",
        "",
        "",
        "",
        "",
        UUID.randomUUID().toString());
  }

  static PublishForm read(MultiValueMap<String, String> posted) {
    Map<String, String> accounts = new LinkedHashMap<>();
    for (Platform platform : Platform.values()) {
      String account = first(posted, "account-" + platform.key());
      if (!account.isBlank()) {
        accounts.put(platform.key(), account.strip());
      }
    }
    List<String> ticked =
        Optional.ofNullable(posted.get("platforms")).orElse(List.of()).stream()
            .filter(p -> p != null && !p.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
    return new PublishForm(
        first(posted, "format"),
        ticked,
        accounts,
        first(posted, "privacy"),
        first(posted, "scheduleAt"),
        first(posted, "timeZone"),
        first(posted, "title"),
        first(posted, "description"),
        first(posted, "hashtags"),
        first(posted, "formKey"));
  }

  public boolean ticked(String platform) {
    return platforms.contains(platform);
  }

  public String account(String platform) {
    return accounts.getOrDefault(platform, "");
  }

  /**
   * The request the API would receive.
   *
   * @throws ReelForgeException INVALID_INPUT naming the form's fields for what only the form knows:
   *     no platform ticked, an account that is not an id, a time that is not one
   */
  PublicationRequest request(UUID runId) {
    List<FieldViolation> violations = new ArrayList<>();
    if (platforms.isEmpty()) {
      violations.add(new FieldViolation("platforms", "tick at least one place to publish"));
    }
    Optional<Instant> at = scheduledInstant(violations);
    Optional<PostMetadata> copy = copy();
    List<PublicationRequest.Target> targets = new ArrayList<>();
    for (String platform : platforms) {
      Optional<UUID> account = Optional.empty();
      String typed = account(platform);
      if (!typed.isEmpty()) {
        try {
          account = Optional.of(UUID.fromString(typed));
        } catch (IllegalArgumentException e) {
          violations.add(
              new FieldViolation("account-" + platform, "an account id such as 0193…-…"));
        }
      }
      targets.add(
          new PublicationRequest.Target(
              platform, account, copy, text(privacy), at, Optional.empty()));
    }
    if (!violations.isEmpty()) {
      throw ReelForgeException.invalidInput("the publication is not valid", violations);
    }
    return new PublicationRequest(runId, text(format), targets);
  }

  /**
   * The schedule time: the {@code datetime-local} value (wall-clock time, no zone) read in the
   * browser's time zone, so that "18:00" is 18:00 where the person sits; a wall-clock time skipped
   * by a daylight-saving change moves forward by the gap, as {@link LocalDateTime#atZone} does.
   */
  Optional<Instant> scheduledInstant(List<FieldViolation> violations) {
    if (scheduleAt.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(scheduleAt.strip()).atZone(zone()).toInstant());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation("scheduleAt", "a date and time such as 2026-12-24 18:00"));
      return Optional.empty();
    }
  }

  ZoneId zone() {
    if (timeZone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone.strip());
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** The copy typed, or empty to have the script writer write it for each platform. */
  private Optional<PostMetadata> copy() {
    if (title.isBlank() && description.isBlank() && hashtags.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new PostMetadata(title, description, hashtagList(hashtags), null));
  }

  /** Hashtags as typed: separated by spaces or commas, with or without their {@code #}. */
  static List<String> hashtagList(String typed) {
    return Arrays.stream(typed.split("[\\s,]+")).filter(h -> !h.isBlank()).toList();
  }

  /**
   * The form field a refusal names: the API's {@code targets[i].…} become the platform's account
   * box, or the shared privacy, time and copy fields; empty for what no field caused.
   */
  String fieldOf(String field) {
    if (field == null) {
      return "";
    }
    Matcher target = TARGET_FIELD.matcher(field);
    if (!target.matches()) {
      return switch (field) {
        case "format", "platforms", "scheduleAt", "title", "description", "hashtags" -> field;
        case "targets" -> "platforms";
        default -> field.startsWith("account-") ? field : "";
      };
    }
    int index = Integer.parseInt(target.group(1));
    String rest = target.group(2) == null ? "" : target.group(2);
    return switch (rest) {
      case "accountId" ->
          index < platforms.size() ? "account-" + platforms.get(index) : "platforms";
      case "privacy" -> "privacy";
      case "scheduleAt" -> "scheduleAt";
      case "metadata.title" -> "title";
      case "metadata.description" -> "description";
      case "metadata.hashtags" -> "hashtags";
      default -> "platforms";
    };
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static String first(MultiValueMap<String, String> posted, String name) {
    String value = posted.getFirst(name);
    return value == null ? "" : value;
  }
}
