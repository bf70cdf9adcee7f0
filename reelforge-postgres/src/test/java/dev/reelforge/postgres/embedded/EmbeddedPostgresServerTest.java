package dev.reelforge.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.postgres.DatabaseUnavailableException;
import dev.reelforge.testkit.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

  private Path root;

  @BeforeEach
  void createRoot() {
    root = TempDirs.worldSearchable("rf-embedded");
  }

  @AfterEach
  void deleteRoot() {
    TempDirs.deleteTree(root);
  }

  @Test
  void keepsDataAcrossRestartsOfTheSameDirectory() throws SQLException {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(options)) {
      execute(first, "create table kept (v text); insert into kept values ('still here')");
    }
    try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(options)) {
      assertThat(query(second, "select v from kept")).isEqualTo("still here");
      assertThat(query(second, "show server_version")).startsWith("17.");
    }
  }

  @Test
  void refusesASecondOwnerOfTheSameDirectory() {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(options)) {
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(options))
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageContaining("in use by another ReelForge process");
      assertThat(first.port()).isPositive();
    }
  }

  @Test
  void aSecondProcessAttachesToTheRunningServerAsAClient() throws SQLException {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    assertThat(RunningEmbeddedServer.find(options)).isEmpty();
    try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(options)) {
      execute(owner, "create table shared (v text); insert into shared values ('from the owner')");

      RunningEmbeddedServer attached = RunningEmbeddedServer.find(options).orElseThrow();

      assertThat(attached.port()).isEqualTo(owner.port());
      assertThat(attached.ownerPid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(attached.jdbcUrl()).isEqualTo(owner.jdbcUrl());
      assertThat(attached.toString()).doesNotContain(owner.password());
      try (Connection c =
              DriverManager.getConnection(
                  attached.jdbcUrl(), attached.username(), attached.password());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select v from shared")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("from the owner");
      }
      // The owner still serves after the client is done: attaching stops nothing.
      assertThat(query(owner, "select count(*) from shared")).isEqualTo("1");
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(options))
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("127.0.0.1:" + owner.port());
    }
    assertThat(root.resolve("postgres.owner")).doesNotExist();
    assertThat(RunningEmbeddedServer.find(options)).isEmpty();
  }

  @Test
  void anOwnerFileLeftByAKilledOwnerIsNotBelieved() throws IOException {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    EmbeddedPostgresServer.start(options).close();
    // What a server killed with -9 leaves: the file, but no lock (the OS released it).
    Files.writeString(root.resolve("postgres.owner"), "pid=999999\nport=1\n");

    assertThat(RunningEmbeddedServer.find(options)).isEmpty();
  }

  @Test
  void anOwnerFileNamingADeadProcessIsNotBelievedWhileTheLockIsHeld() throws Exception {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(options)) {
      // What a reader could meet while a new owner starts: the lock held, a killed owner's file.
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      Files.writeString(root.resolve("postgres.owner"), "pid=" + gone.pid() + "\nport=1\n");

      assertThatThrownBy(() -> RunningEmbeddedServer.find(options))
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageContaining("pid " + gone.pid() + ", is not running");
      assertThat(owner.port()).isPositive();
    }
  }

  @Test
  void lookingAtTheLockFromTheOwningProcessKeepsItLockedForOthers() throws Exception {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(options)) {
      RunningEmbeddedServer.find(options).orElseThrow();
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(options))
          .hasMessageContaining("in use by another ReelForge process");
      // A POSIX lock is the process's: closing any other channel on the file would have dropped
      // it. Another process must still find it taken.
      assertThat(lockSeenFromAnotherProcess(root.resolve("postgres.lock"))).isEqualTo("held");
      assertThat(owner.port()).isPositive();
    }
    assertThat(lockSeenFromAnotherProcess(root.resolve("postgres.lock"))).isEqualTo("free");
  }

  /** Runs a one-file Java program in a new JVM that tries the lock: "held" or "free". */
  private String lockSeenFromAnotherProcess(Path lock) throws Exception {
    Path source = root.resolve("LockProbe.java");
    Files.writeString(
        source,
        """
        import java.nio.channels.FileChannel;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;
        class LockProbe {
          public static void main(String[] args) throws Exception {
            try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
              var lock = c.tryLock();
              System.out.print(lock == null ? "held" : "free");
            }
          }
        }
        """);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process probe =
        new ProcessBuilder(java, source.toString(), lock.toString())
            .redirectErrorStream(true)
            .start();
    String answer = new String(probe.getInputStream().readAllBytes()).strip();
    assertThat(probe.waitFor()).as(answer).isZero();
    return answer;
  }

  @Test
  void requiresThePasswordItGenerated() throws SQLException {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(options)) {
      assertThat(Files.exists(root.resolve("postgres.password"))).isTrue();
      assertThatThrownBy(
              () -> DriverManager.getConnection(server.jdbcUrl(), server.username(), "wrong"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
  }

  @Test
  void explainsAMissingPasswordFile() throws IOException {
    EmbeddedPostgresOptions options = EmbeddedPostgresOptions.in(root.resolve("postgres"));
    EmbeddedPostgresServer.start(options).close();
    Files.delete(root.resolve("postgres.password"));
    assertThatThrownBy(() -> EmbeddedPostgresServer.start(options))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("password file");
  }

  private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
