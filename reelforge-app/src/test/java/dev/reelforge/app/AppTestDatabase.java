package dev.reelforge.app;

import dev.reelforge.postgres.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

  /**
   * Another instance of the application on a random port, on the same database as a test's own (a
   * second node), with {@code settings} added; {@code sources} add test beans such as pipelines.
   */
  public static ConfigurableApplicationContext secondInstance(
      TestDatabase database, Map<String, String> settings, Class<?>... sources) {
    Map<String, Object> properties = new HashMap<>(settings);
    // Default properties rank below application.yml, whose server.port reads reelforge.server.port
    // (8080 unless set): setting only server.port here bound every second instance to 8080.
    properties.put("reelforge.server.port", "0");
    properties.put("reelforge.database.url", database.server().jdbcUrl());
    properties.put("reelforge.database.username", database.username());
    properties.put("reelforge.database.password", database.password());
    properties.put("reelforge.database.schema", database.schema());
    Class<?>[] all = new Class<?>[sources.length + 1];
    all[0] = ReelForgeApplication.class;
    System.arraycopy(sources, 0, all, 1, sources.length);
    return new SpringApplicationBuilder(all).properties(properties).run();
  }
}
