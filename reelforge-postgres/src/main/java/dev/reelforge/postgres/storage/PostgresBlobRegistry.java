package dev.reelforge.postgres.storage;

import dev.reelforge.core.storage.BlobRegistry;
import dev.reelforge.core.storage.RetentionClass;
import dev.reelforge.core.storage.StoredBlob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BlobRegistry} on PostgreSQL (table {@code blob_object}, V8). */
public final class PostgresBlobRegistry implements BlobRegistry {

  private static final String COLUMNS = "key, object_key, sha256, size, retention, expires_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresBlobRegistry(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public void record(StoredBlob blob) {
    jdbc.sql(
            """
            insert into blob_object
              (key, object_key, sha256, size, retention, created_at, expires_at)
            values (:key, :object, :sha, :size, :retention, :now, :expires)
            on conflict (key) do update set object_key = excluded.object_key,
              sha256 = excluded.sha256, size = excluded.size, retention = excluded.retention,
              expires_at = greatest(blob_object.expires_at, excluded.expires_at)
            """)
        .param("key", blob.key())
        .param("object", blob.objectKey())
        .param("sha", blob.sha256())
        .param("size", blob.size())
        .param("retention", blob.retention().id())
        .param("now", at(clock.instant()))
        .param("expires", at(blob.expiresAt()))
        .update();
  }

  @Override
  public Optional<StoredBlob> find(String key) {
    return jdbc.sql("select " + COLUMNS + " from blob_object where key = :key")
        .param("key", key)
        .query(PostgresBlobRegistry::row)
        .optional();
  }

  @Override
  public Optional<StoredBlob> findBySha256(String sha256) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from blob_object where sha256 = :sha and expires_at > :now"
                + " order by (key = object_key) desc, expires_at desc limit 1")
        .param("sha", sha256)
        .param("now", at(clock.instant()))
        .query(PostgresBlobRegistry::row)
        .optional();
  }

  @Override
  public List<StoredBlob> list(String prefix) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from blob_object where key like :pattern escape '\\' order by key")
        .param("pattern", likePrefix(prefix))
        .query(PostgresBlobRegistry::row)
        .list();
  }

  @Override
  public void extend(String prefix, Instant expiresAt) {
    jdbc.sql(
            "update blob_object set expires_at = :expires"
                + " where key like :pattern escape '\\' and expires_at < :expires")
        .param("expires", at(expiresAt))
        .param("pattern", likePrefix(prefix))
        .update();
  }

  @Override
  public List<StoredBlob> expired(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from blob_object where expires_at <= :now order by expires_at, key limit :limit")
        .param("now", at(now))
        .param("limit", limit)
        .query(PostgresBlobRegistry::row)
        .list();
  }

  @Override
  public boolean isReferenced(String objectKey, String exceptKey) {
    return jdbc.sql(
            "select exists (select 1 from blob_object where object_key = :object and key <> :key)")
        .param("object", objectKey)
        .param("key", exceptKey)
        .query(Boolean.class)
        .single();
  }

  @Override
  public boolean forget(StoredBlob blob) {
    jdbc.sql("delete from blob_object where key = :key").param("key", blob.key()).update();
    return isReferenced(blob.objectKey(), blob.key());
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static StoredBlob row(ResultSet rs, int n) throws SQLException {
    return new StoredBlob(
        rs.getString("key"),
        rs.getString("object_key"),
        rs.getString("sha256"),
        rs.getLong("size"),
        RetentionClass.byId(rs.getString("retention")),
        rs.getObject("expires_at", OffsetDateTime.class).toInstant());
  }
}
