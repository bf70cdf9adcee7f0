package dev.reelforge.postgres.schema;

import dev.reelforge.postgres.DatabaseUnavailableException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a schema up to the version this build expects, with the Flyway migrations in {@code
 * db/migration} ({@code V<n>__<what>.sql}). Migrations are forward-only: an older build refuses to
 * run against a newer schema rather than guess.
 */
public final class SchemaMigrator {

  private final Flyway flyway;

  public SchemaMigrator(DataSource dataSource, String schema) {
    this.flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .locations("classpath:db/migration")
            .validateMigrationNaming(true)
            .failOnMissingLocations(true)
            .load();
  }

  /**
   * Applies pending migrations.
   *
   * @return the schema version after migrating
   */
  public String migrate() {
    try {
      MigrateResult result = flyway.migrate();
      return result.targetSchemaVersion != null ? result.targetSchemaVersion : currentVersion();
    } catch (FlywayException e) {
      throw new DatabaseUnavailableException("database migration failed: " + e.getMessage(), e);
    }
  }

  /** The version of the last applied migration, or {@code none}. */
  public String currentVersion() {
    var current = flyway.info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }

  /** How many migrations of this build are not applied yet. */
  public int pendingCount() {
    return flyway.info().pending().length;
  }
}
