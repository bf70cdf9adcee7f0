package dev.reelforge.postgres.story;

import dev.reelforge.core.story.session.StoredSession;
import dev.reelforge.core.story.session.StorySessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link StorySessionStore} on PostgreSQL: one row per session, the document as {@code jsonb}. */
public final class PostgresStorySessionStore implements StorySessionStore {

  private static final String COLUMNS =
      "id, owner_id, document::text as document, version, created_at, updated_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresStorySessionStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public StoredSession create(String id, UUID ownerId, String document) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return jdbc.sql(
            "insert into story_session (id, owner_id, document, version, created_at, updated_at)"
                + " values (:id, :owner, cast(:document as jsonb), 1, :now, :now) returning "
                + COLUMNS)
        .param("id", id)
        .param("owner", ownerId)
        .param("document", document)
        .param("now", now)
        .query(PostgresStorySessionStore::row)
        .single();
  }

  @Override
  public List<StoredSession> recent(UUID ownerId, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from story_session where owner_id = :owner and deleted_at is null"
                + " order by created_at desc, id desc limit :limit")
        .param("owner", ownerId)
        .param("limit", limit)
        .query(PostgresStorySessionStore::row)
        .list();
  }

  @Override
  public Optional<StoredSession> find(UUID ownerId, String id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from story_session where id = :id and owner_id = :owner"
                + " and deleted_at is null")
        .param("id", id)
        .param("owner", ownerId)
        .query(PostgresStorySessionStore::row)
        .optional();
  }

  @Override
  public Optional<StoredSession> update(
      UUID ownerId, String id, long expectedVersion, String document) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return jdbc.sql(
            "update story_session set document = cast(:document as jsonb), version = version + 1,"
                + " updated_at = :now where id = :id and owner_id = :owner and version = :version"
                + " and deleted_at is null"
                + " returning "
                + COLUMNS)
        .param("id", id)
        .param("owner", ownerId)
        .param("version", expectedVersion)
        .param("document", document)
        .param("now", now)
        .query(PostgresStorySessionStore::row)
        .optional();
  }

  @Override
  public boolean delete(UUID ownerId, String id) {
    return jdbc.sql(
                "update story_session set deleted_at = :now where id = :id and owner_id = :owner"
                    + " and deleted_at is null")
            .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .param("id", id)
            .param("owner", ownerId)
            .update()
        == 1;
  }

  private static StoredSession row(ResultSet rs, int rowNum) throws SQLException {
    return new StoredSession(
        rs.getString("id"),
        rs.getObject("owner_id", UUID.class),
        rs.getString("document"),
        rs.getLong("version"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
