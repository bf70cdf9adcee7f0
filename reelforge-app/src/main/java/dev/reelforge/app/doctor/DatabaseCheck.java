package dev.reelforge.app.doctor;

import dev.reelforge.app.database.DatabaseStatus;
import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Connects to the database as {@code serve} would: starts the embedded server or reaches the
 * external one, and applies pending migrations. Beside a running server, it attaches to the
 * embedded database that server owns and reports that server's state instead.
 */
@Component
@Order(3)
class DatabaseCheck implements DiagnosticCheck {

  private final ObjectProvider<DatabaseStatus> status;

  DatabaseCheck(ObjectProvider<DatabaseStatus> status) {
    this.status = status;
  }

  @Override
  public List<Finding> check() {
    DatabaseStatus database;
    try {
      database = status.getObject();
    } catch (RuntimeException e) {
      return List.of(
          Finding.fail("database", StartupFailures.explain(e), StartupFailures.advice(e)));
    }
    DatabaseStatus.Snapshot snapshot = database.check();
    String where = database.endpoint().describe();
    if (!snapshot.up()) {
      return List.of(
          Finding.fail(
              "database",
              where + ": " + snapshot.problem(),
              "check that the server runs and accepts this user"));
    }
    return List.of(
        Finding.ok(
            "database",
            "PostgreSQL "
                + snapshot.serverVersion()
                + ", "
                + where
                + ", schema version "
                + snapshot.schemaVersion()));
  }
}
