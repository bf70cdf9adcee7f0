package dev.reelforge.postgres.publish.internal;

import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.TargetStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code publication_target}'s columns and rows as records. The metadata is written as JSON by
 * {@link JsonText} and read back field by field by PostgreSQL's JSON operators, so that this module
 * needs no JSON library.
 */
public final class PublicationRows {

  /**
   * The target columns {@link #target} reads, of {@code publication_target} aliased {@code t}; a
   * target's {@code id} is read as {@code target_id} so that it can sit beside a publication's.
   */
  public static final String TARGET_COLUMNS =
      "t.id as target_id, t.publication_id, t.platform, t.account_id,"
          + " t.metadata ->> 'title' as title, t.metadata ->> 'description' as description,"
          + " array(select h.tag from jsonb_array_elements_text(t.metadata -> 'hashtags')"
          + " with ordinality as h(tag, n) order by h.n) as hashtags,"
          + " t.metadata ->> 'locale' as locale, t.privacy, t.schedule_at, t.status,"
          + " t.job_run_id, t.post_id, t.url, t.message, t.deferred_until, t.updated_at";

  private PublicationRows() {}

  /** The target in the current row; empty where an outer join found none. */
  public static Optional<PublicationTarget> targetIfAny(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("target_id", UUID.class);
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PublicationTarget(
            id,
            rs.getObject("publication_id", UUID.class),
            Platform.of(rs.getString("platform"), "platform"),
            Optional.ofNullable(rs.getObject("account_id", UUID.class)),
            new PostMetadata(
                rs.getString("title"),
                rs.getString("description"),
                strings(rs.getArray("hashtags")),
                rs.getString("locale")),
            rs.getString("privacy"),
            Optional.ofNullable(instant(rs, "schedule_at")),
            TargetStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            Optional.ofNullable(rs.getObject("job_run_id", UUID.class)),
            rs.getString("post_id"),
            rs.getString("url"),
            rs.getString("message"),
            Optional.ofNullable(instant(rs, "deferred_until")),
            instant(rs, "updated_at")));
  }

  public static PublicationTarget target(ResultSet rs, int rowNum) throws SQLException {
    return targetIfAny(rs).orElseThrow();
  }

  /** The values a target's row holds besides its identity, as named parameters. */
  public static Map<String, Object> mutableFields(PublicationTarget target) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("account", target.accountId().orElse(null));
    fields.put("metadata", metadataJson(target.metadata()));
    fields.put("privacy", target.privacy());
    fields.put("scheduleAt", utc(target.scheduleAt().orElse(null)));
    fields.put("status", target.status().wire());
    fields.put("jobRun", target.jobRunId().orElse(null));
    fields.put("postId", target.postId());
    fields.put("url", target.url());
    fields.put("message", target.message());
    fields.put("deferredUntil", utc(target.deferredUntil().orElse(null)));
    fields.put("updated", utc(target.updatedAt()));
    return fields;
  }

  static String metadataJson(PostMetadata metadata) {
    return JsonText.object(
        "title",
        metadata.title(),
        "description",
        metadata.description(),
        "hashtags",
        metadata.hashtags(),
        "locale",
        metadata.locale());
  }

  /** An instant as the {@code timestamptz} value the driver binds unambiguously; null for none. */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
