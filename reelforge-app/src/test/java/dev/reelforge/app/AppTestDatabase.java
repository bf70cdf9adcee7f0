package dev.reelforge.app;

import dev.reelforge.postgres.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a booted application at a fresh schema of the test JVM's real PostgreSQL. */
public final class AppTestDatabase {

  private AppTestDatabase() {}

  /** Registers the settings; the application migrates the schema itself, as in production. */
  public static TestDatabase register(DynamicPropertyRegistry registry, String owner) {
    TestDatabase database = TestDatabase.freshSchema(owner);
    registry.add("reelforge.database.url", () -> database.server().jdbcUrl());
    registry.add("reelforge.database.username", database::username);
    registry.add("reelforge.database.password", database::password);
    registry.add("reelforge.database.schema", database::schema);
    return database;
  }
}
