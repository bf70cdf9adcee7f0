package dev.reelforge.postgres.clips.internal;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipSource.SourceStatus;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.clips.SourceProbe;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.jobs.spi.JsonText;
import dev.reelforge.core.transcript.TranscriptSource;
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
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * The clip tables' rows (V15) as records and back. Lists are bound as JSON ({@link JsonText}) and
 * unpacked into arrays by PostgreSQL, in order, so that this module needs neither a JSON library
 * nor the driver's array types to write them.
 */
public final class ClipRows {

  private ClipRows() {}

  /** The SQL that turns the JSON bound as {@code :name} into a {@code text[]} in order. */
  public static String textArray(String name) {
    return array(name, "text");
  }

  /** The SQL that turns the JSON bound as {@code :name} into a {@code uuid[]} in order. */
  public static String uuidArray(String name) {
    return array(name, "uuid");
  }

  private static String array(String name, String type) {
    return "array(select cast(a.item as "
        + type
        + ") from jsonb_array_elements_text(cast(:"
        + name
        + " as jsonb) -> 'items') with ordinality as a(item, n) order by a.n)";
  }

  /** A list as the JSON {@link #textArray} and {@link #uuidArray} read. */
  public static String json(List<?> items) {
    return JsonText.object("items", items);
  }

  public static ClipSource source(ResultSet rs, int rowNum) throws SQLException {
    SourceProbe probe =
        new SourceProbe(
            rs.getString("container"),
            rs.getString("video_codec"),
            rs.getString("audio_codec"),
            rs.getLong("duration_millis"),
            rs.getInt("width"),
            rs.getInt("height"),
            rs.getDouble("fps"));
    String engine = rs.getString("transcript_engine");
    Optional<TranscriptSource> transcript =
        engine == null
            ? Optional.empty()
            : Optional.of(
                new TranscriptSource(
                    engine,
                    rs.getString("transcript_version"),
                    rs.getBoolean("transcript_words_estimated")));
    return new ClipSource(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("name"),
        rs.getString("file_key"),
        rs.getLong("size_bytes"),
        probe,
        Optional.ofNullable(rs.getString("subtitle_key")),
        SourceStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        Optional.ofNullable(rs.getObject("analysis_run_id", UUID.class)),
        transcript,
        instant(rs, "created_at"));
  }

  /** Every column of a source's row, as named parameters. */
  public static Map<String, Object> sourceFields(ClipSource source) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", source.id());
    fields.put("owner", source.ownerId());
    fields.put("name", source.name());
    fields.put("fileKey", source.fileKey());
    fields.put("size", source.sizeBytes());
    fields.put("container", source.probe().container());
    fields.put("videoCodec", source.probe().videoCodec());
    fields.put("audioCodec", source.probe().audioCodec());
    fields.put("duration", source.probe().durationMillis());
    fields.put("width", source.probe().width());
    fields.put("height", source.probe().height());
    fields.put("fps", source.probe().fps());
    fields.put("subtitleKey", source.subtitleKey().orElse(null));
    fields.put("status", source.status().name().toLowerCase(Locale.ROOT));
    fields.put("analysisRun", source.analysisRunId().orElse(null));
    fields.put("engine", source.transcript().map(TranscriptSource::engine).orElse(null));
    fields.put("version", source.transcript().map(TranscriptSource::version).orElse(null));
    fields.put(
        "estimated", source.transcript().map(TranscriptSource::wordTimesEstimated).orElse(null));
    fields.put("created", utc(source.createdAt()));
    return fields;
  }

  public static ClipCandidate candidate(ResultSet rs, int rowNum) throws SQLException {
    Optional<ReframeOverride> reframe = Optional.empty();
    boolean fit = rs.getBoolean("reframe_fit");
    if (!rs.wasNull()) {
      double centre = rs.getDouble("reframe_center_x");
      reframe =
          Optional.of(
              new ReframeOverride(
                  fit, rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(centre)));
    }
    return new ClipCandidate(
        rs.getObject("id", UUID.class),
        rs.getObject("source_id", UUID.class),
        rs.getInt("rank"),
        rs.getLong("start_millis"),
        rs.getLong("end_millis"),
        rs.getString("title"),
        rs.getDouble("score"),
        Arrays.asList((String[]) rs.getArray("reasons").getArray()),
        CandidateState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
        reframe);
  }

  /** Every column of a candidate's row, as named parameters. */
  public static Map<String, Object> candidateFields(ClipCandidate candidate) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", candidate.id());
    fields.put("source", candidate.sourceId());
    fields.put("rank", candidate.rank());
    fields.put("start", candidate.startMillis());
    fields.put("end", candidate.endMillis());
    fields.put("title", candidate.title());
    fields.put("score", candidate.score());
    fields.put("reasons", json(candidate.reasons()));
    fields.put("state", candidate.state().name().toLowerCase(Locale.ROOT));
    fields.put("fit", candidate.reframe().map(ReframeOverride::blurredFit).orElse(null));
    fields.put(
        "centerX",
        candidate
            .reframe()
            .filter(r -> r.centerX().isPresent())
            .map(r -> r.centerX().getAsDouble())
            .orElse(null));
    return fields;
  }

  public static ClipExport export(ResultSet rs, int rowNum) throws SQLException {
    return new ClipExport(
        rs.getObject("id", UUID.class),
        rs.getObject("source_id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getObject("run_id", UUID.class),
        Arrays.asList((UUID[]) rs.getArray("candidate_ids").getArray()),
        Arrays.asList((String[]) rs.getArray("presets").getArray()),
        instant(rs, "created_at"));
  }

  public static UploadSession upload(ResultSet rs, int rowNum) throws SQLException {
    return new UploadSession(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("name"),
        rs.getLong("total_bytes"),
        rs.getLong("received_bytes"),
        rs.getString("staging_key"),
        instant(rs, "created_at"),
        instant(rs, "expires_at"));
  }

  /** An instant as the {@code timestamptz} value the driver binds unambiguously; null for none. */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
