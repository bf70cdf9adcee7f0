package dev.reelforge.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reelforge.postgres.embedded.EmbeddedPostgresOptions;
import dev.reelforge.postgres.embedded.EmbeddedPostgresServer;
import dev.reelforge.postgres.schema.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Job engine benchmark (SPEC.md §4): no-op tasks claimed and completed by 8 workers, and
 * enqueue→start latency, for ReelForge and db-scheduler side by side on the same PostgreSQL in one
 * run. Prints figures; asserts nothing.
 *
 * <pre>
 * bench/run.sh jobs [--tasks 10000] [--workers 8] [--latency-tasks 1000] [--rate 200]
 * </pre>
 */
public final class JobEngineBenchmark {

  private JobEngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, Integer> options = parse(args);
    int tasks = options.get("tasks");
    int workers = options.get("workers");
    int latencyTasks = options.get("latency-tasks");
    int rate = options.get("rate");

    Path root = Files.createTempDirectory("reelforge-bench");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(EmbeddedPostgresOptions.in(root.resolve("postgres")))) {
      System.out.printf(
          "PostgreSQL %s on 127.0.0.1:%d, %d CPU cores, Java %s%n",
          "17 (embedded)",
          server.port(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.version());
      System.out.printf(
          "%d no-op tasks, %d workers; latency: %d tasks at %d/s with idle workers%n%n",
          tasks, workers, latencyTasks, rate);
      Result reelforge = null;
      // Without prefetch (the default: right for long stages) and with one batch of prefetch.
      for (int prefetch : new int[] {0, workers}) {
        String schema = "rf_bench_" + prefetch;
        try (HikariDataSource dataSource = pool(server, schema);
            ReelForgeEngine engine =
                new ReelForgeEngine(
                    dataSource,
                    () ->
                        DriverManager.getConnection(
                            server.jdbcUrl(), server.username(), server.password()),
                    workers,
                    prefetch)) {
          new SchemaMigrator(dataSource, schema).migrate();
          reelforge = measure(engine, tasks, latencyTasks, rate);
        }
      }
      Result dbScheduler;
      try (HikariDataSource dataSource = pool(server, "dbs_bench");
          DbSchedulerEngine engine = new DbSchedulerEngine(dataSource, workers)) {
        createDbSchedulerTable(dataSource);
        dbScheduler = measure(engine, tasks, latencyTasks, rate);
      }
      System.out.println();
      System.out.printf(
          "throughput ratio ReelForge (prefetch) / db-scheduler: %.2f%n",
          reelforge.throughput() / dbScheduler.throughput());
      System.out.printf(
          "latency p50 ratio ReelForge (prefetch) / db-scheduler: %.2f%n",
          reelforge.latency().p50() / dbScheduler.latency().p50());
    }
  }

  record Result(double throughput, Stats latency) {}

  private static Result measure(Engine engine, int tasks, int latencyTasks, int rate)
      throws Exception {
    long enqueueStart = System.nanoTime();
    engine.enqueue(tasks);
    double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
    engine.settle();
    double drainSeconds = engine.drain(tasks) / 1e9;
    double throughput = tasks / drainSeconds;
    Stats latency = Stats.of(engine.latencies(latencyTasks, rate));
    System.out.printf(
        "%-22s enqueue %6.0f tasks/s | claim+complete %6.0f tasks/s | enqueue->start %s%n",
        engine.name(), tasks / enqueueSeconds, throughput, latency);
    return new Result(throughput, latency);
  }

  private static HikariDataSource pool(EmbeddedPostgresServer server, String schema)
      throws Exception {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        Statement s = c.createStatement()) {
      s.execute("create schema if not exists " + schema);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setSchema(schema);
    config.setMaximumPoolSize(24);

    return new HikariDataSource(config);
  }

  // The table of db-scheduler's documented PostgreSQL schema (with the priority column).
  private static void createDbSchedulerTable(HikariDataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          create table scheduled_tasks (
            task_name text not null, task_instance text not null, task_data bytea,
            execution_time timestamptz not null, picked boolean not null, picked_by text,
            last_success timestamptz, last_failure timestamptz, consecutive_failures int,
            last_heartbeat timestamptz, version bigint not null, priority smallint,
            primary key (task_name, task_instance))
          """);
      s.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
      s.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
      s.execute(
          "create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
    }
  }

  private static Map<String, Integer> parse(String[] args) {
    Map<String, Integer> options = new LinkedHashMap<>();
    options.put("tasks", 10_000);
    options.put("workers", 8);
    options.put("latency-tasks", 1_000);
    options.put("rate", 200);
    for (int i = 0; i + 1 < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!options.containsKey(key)) {
        throw new IllegalArgumentException(
            "unknown option " + args[i] + "; known: " + options.keySet());
      }
      options.put(key, Integer.parseInt(args[i + 1]));
    }
    return options;
  }
}
