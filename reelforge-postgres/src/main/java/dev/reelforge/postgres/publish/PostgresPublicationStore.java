package dev.reelforge.postgres.publish;

import static dev.reelforge.postgres.publish.internal.PublicationRows.TARGET_COLUMNS;
import static dev.reelforge.postgres.publish.internal.PublicationRows.instant;
import static dev.reelforge.postgres.publish.internal.PublicationRows.mutableFields;
import static dev.reelforge.postgres.publish.internal.PublicationRows.utc;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.postgres.publish.internal.PublicationRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PublicationStore} on PostgreSQL: {@code publication} and {@code publication_target} (V12).
 * A publication and its targets are written in one transaction; a target changes under its row lock
 * ({@code select … for update}), so that two nodes changing one target apply their changes one
 * after the other, each to what the other left.
 */
public final class PostgresPublicationStore implements PublicationStore {

  /** A publication's columns with its targets', one row per target (outer-joined). */
  private static final String PUBLICATION_ROWS =
      "select p.id, p.owner_id, p.run_id, p.format, p.created_at, "
          + TARGET_COLUMNS
          + " from chosen p left join publication_target t on t.publication_id = p.id"
          + " order by p.created_at desc, p.id desc, t.position";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public PostgresPublicationStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Override
  public void create(Publication publication) {
    for (PublicationTarget target : publication.targets()) {
      if (!target.publicationId().equals(publication.id())) {
        throw new IllegalArgumentException(
            "target " + target.id() + " belongs to publication " + target.publicationId());
      }
    }
    try {
      transactions.executeWithoutResult(
          status -> {
            jdbc.sql(
                    "insert into publication (id, owner_id, run_id, format, created_at)"
                        + " values (:id, :owner, :run, :format, :created)")
                .param("id", publication.id())
                .param("owner", publication.ownerId())
                .param("run", publication.runId())
                .param("format", publication.format())
                .param("created", utc(publication.createdAt()))
                .update();
            int position = 0;
            for (PublicationTarget target : publication.targets()) {
              insert(target, position++);
            }
          });
    } catch (DuplicateKeyException e) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "publication " + publication.id() + " or one of its targets exists already",
          e);
    }
  }

  private void insert(PublicationTarget target, int position) {
    jdbc.sql(
            """
            insert into publication_target (id, publication_id, position, platform, account_id,
                metadata, privacy, schedule_at, status, job_run_id, post_id, url, message,
                deferred_until, updated_at)
            values (:id, :publication, :position, :platform, :account, cast(:metadata as jsonb),
                :privacy, :scheduleAt, :status, :jobRun, :postId, :url, :message, :deferredUntil,
                :updated)
            """)
        .param("id", target.id())
        .param("publication", target.publicationId())
        .param("position", position)
        .param("platform", target.platform().key())
        .params(mutableFields(target))
        .update();
  }

  @Override
  public Optional<Publication> find(UUID publicationId) {
    return publications("select * from publication where id = :id", Map.of("id", publicationId))
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Publication> findByTarget(UUID targetId) {
    return publications(
            "select * from publication where id ="
                + " (select publication_id from publication_target where id = :target)",
            Map.of("target", targetId))
        .stream()
        .findFirst();
  }

  @Override
  public List<Publication> list(UUID ownerId, int limit) {
    return publications(
        "select * from publication where owner_id = :owner"
            + " order by created_at desc, id desc limit :limit",
        Map.of("owner", ownerId, "limit", limit));
  }

  @Override
  public List<Publication> ofRun(UUID runId) {
    return publications("select * from publication where run_id = :run", Map.of("run", runId));
  }

  /** The publications {@code chosen} selects, each with its targets, newest first. */
  private List<Publication> publications(String chosen, Map<String, ?> params) {
    Map<UUID, Assembly> assembled = new LinkedHashMap<>();
    jdbc.sql("with chosen as (" + chosen + ") " + PUBLICATION_ROWS)
        .params(params)
        .query(
            (ResultSet rs) -> {
              UUID id = rs.getObject("id", UUID.class);
              Assembly publication = assembled.get(id);
              if (publication == null) {
                publication = new Assembly(rs);
                assembled.put(id, publication);
              }
              PublicationRows.targetIfAny(rs).ifPresent(publication.targets::add);
            });
    return assembled.values().stream().map(Assembly::publication).toList();
  }

  /** A publication read row by row, one target at a time. */
  private static final class Assembly {
    private final UUID id;
    private final UUID ownerId;
    private final UUID runId;
    private final String format;
    private final Instant createdAt;
    private final List<PublicationTarget> targets = new ArrayList<>();

    Assembly(ResultSet rs) throws SQLException {
      id = rs.getObject("id", UUID.class);
      ownerId = rs.getObject("owner_id", UUID.class);
      runId = rs.getObject("run_id", UUID.class);
      format = rs.getString("format");
      createdAt = instant(rs, "created_at");
    }

    Publication publication() {
      return new Publication(id, ownerId, runId, format, createdAt, targets);
    }
  }

  @Override
  public List<PublicationTarget> calendar(Optional<UUID> ownerId, Instant from, Instant to) {
    // A target is placed by its deferral when that falls in the range, else by its schedule.
    String deferredInside = "(t.deferred_until >= :from and t.deferred_until < :to)";
    String scheduledInside = "(t.schedule_at >= :from and t.schedule_at < :to)";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", utc(from));
    params.put("to", utc(to));
    ownerId.ifPresent(owner -> params.put("owner", owner));
    return jdbc.sql(
            "select "
                + TARGET_COLUMNS
                + " from publication_target t join publication p on p.id = t.publication_id"
                + " where ("
                + deferredInside
                + " or "
                + scheduledInside
                + ")"
                + (ownerId.isPresent() ? " and p.owner_id = :owner" : "")
                + " order by case when "
                + deferredInside
                + " then t.deferred_until else t.schedule_at end, t.id")
        .params(params)
        .query(PublicationRows::target)
        .list();
  }

  @Override
  public List<PublicationTarget> due(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + TARGET_COLUMNS
                + " from publication_target t where t.status = 'scheduled'"
                + " and (t.schedule_at is null or t.schedule_at <= :now)"
                + " order by t.schedule_at nulls first, t.id limit :limit")
        .param("now", utc(now))
        .param("limit", limit)
        .query(PublicationRows::target)
        .list();
  }

  @Override
  public PublicationTarget updateTarget(UUID targetId, UnaryOperator<PublicationTarget> change) {
    return transactions.execute(
        status -> {
          // The row lock holds every other node's change to this target until this one commits.
          PublicationTarget before =
              jdbc.sql(
                      "select "
                          + TARGET_COLUMNS
                          + " from publication_target t where t.id = :id for update of t")
                  .param("id", targetId)
                  .query(PublicationRows::target)
                  .optional()
                  .orElseThrow(() -> ReelForgeException.notFound("publication target", targetId));
          PublicationTarget after = change.apply(before);
          if (after == null
              || !after.id().equals(before.id())
              || !after.publicationId().equals(before.publicationId())
              || after.platform() != before.platform()) {
            throw new IllegalArgumentException(
                "a change to target "
                    + targetId
                    + " may not change its id, publication or platform");
          }
          return jdbc.sql(
                  """
                  update publication_target t set account_id = :account,
                      metadata = cast(:metadata as jsonb), privacy = :privacy,
                      schedule_at = :scheduleAt, status = :status, job_run_id = :jobRun,
                      post_id = :postId, url = :url, message = :message,
                      deferred_until = :deferredUntil, updated_at = :updated
                  where t.id = :id
                  returning\s"""
                      + TARGET_COLUMNS)
              .param("id", targetId)
              .params(mutableFields(after))
              .query(PublicationRows::target)
              .single();
        });
  }

  @Override
  public int deleteOwner(UUID ownerId) {
    // The targets go with their publication (the foreign key cascades).
    return jdbc.sql("delete from publication where owner_id = :owner")
        .param("owner", ownerId)
        .update();
  }
}
