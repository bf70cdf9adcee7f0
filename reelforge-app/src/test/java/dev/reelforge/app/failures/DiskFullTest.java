package dev.reelforge.app.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.testkit.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The folder the pipeline works in fills up (a 3 MB tmpfs): the run fails with an error that says
 * the disk is full, the credits come back, and no half-written video is left where users look.
 * Needs root to mount the tmpfs; skipped with a message otherwise (CI runs as root).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its storage folder is unmounted after the class
class DiskFullTest {

  private static Path mount;
  private static boolean mounted;

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    AppTestDatabase.register(registry, "DiskFullTest");
    mount = TempDirs.worldSearchable("rf-full");
    Process process =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .start();
    mounted = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    registry.add("reelforge.storage.local-root", () -> mount.resolve("blobs").toString());
  }

  @AfterAll
  static void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
    TempDirs.deleteTree(mount);
  }

  @Test
  void aFullDiskFailsTheRunClearlyWithARefundAndNoCorruptVideo() throws Exception {
    assumeTrue(mounted, "cannot mount a tmpfs here (needs root): disk-full test skipped");
    StoryRuns runs =
        new StoryRuns(new ApiCalls(port), TestUsers.token(context, "full", Role.CREATOR));
    JsonNode run =
        runs.await(runs.start("There is no room left for this video."), Duration.ofMinutes(3));

    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("failed");
    assertThat(run.path("error").path("message").asString())
        .as(run.toString())
        .containsIgnoringCase("no space left");
    assertThat(run.path("credits").path("refunded").asBoolean()).isTrue();
    try (Stream<Path> files = Files.walk(mount)) {
      List<Path> videos =
          files
              .filter(f -> f.toString().endsWith(".mp4"))
              .filter(f -> !f.toString().contains("/.work/"))
              .toList();
      assertThat(videos).as("no exported video, whole or partial").isEmpty();
    }
  }
}
