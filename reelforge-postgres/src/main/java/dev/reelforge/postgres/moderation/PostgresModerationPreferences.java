package dev.reelforge.postgres.moderation;

import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPreferences;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ModerationPreferences} on PostgreSQL ({@code moderation_preference}, V14). */
public final class PostgresModerationPreferences implements ModerationPreferences {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresModerationPreferences(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public Optional<ModerationChoice> of(UUID user) {
    return jdbc.sql("select preset, regions from moderation_preference where owner_id = :owner")
        .param("owner", user)
        .query((rs, n) -> new ModerationChoice(rs.getString("preset"), regions(rs.getArray(2))))
        .optional();
  }

  @Override
  public void set(UUID user, ModerationChoice choice) {
    jdbc.sql(
            "insert into moderation_preference (owner_id, preset, regions, updated_at)"
                + " values (:owner, :preset, string_to_array(:regions, chr(31)), :now)"
                + " on conflict (owner_id) do update set preset = excluded.preset,"
                + " regions = excluded.regions, updated_at = excluded.updated_at")
        .param("owner", user)
        .param("preset", choice.preset())
        // Unit separator joins the names: no region name contains it, and an empty list gives {}.
        .param("regions", String.join("\u001f", choice.regions()))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  public void clear(UUID user) {
    jdbc.sql("delete from moderation_preference where owner_id = :owner")
        .param("owner", user)
        .update();
  }

  private static List<String> regions(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
