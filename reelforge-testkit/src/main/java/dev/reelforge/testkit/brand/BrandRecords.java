package dev.reelforge.testkit.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vision jobs and storyboards for the brand store's contract, and a comparison that reads JSON as
 * JSON: PostgreSQL's {@code jsonb} gives back the same document with its keys and spaces
 * rearranged.
 */
public final class BrandRecords {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BrandRecords() {}

  /** A random SHA-256-shaped hex digest. */
  public static String hash() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A fresh upload of {@code owner} with the given file hash. */
  public static VisionJob upload(UUID owner, String hash, Instant now) {
    UUID id = UUID.randomUUID();
    return VisionJob.uploaded(
        id,
        owner,
        "brand/" + owner + "/" + id + "/original.png",
        "logo.png",
        id + ".png",
        "image/png",
        48_213,
        hash,
        now);
  }

  /** {@code job} analysed: scores, analysis, essence, style reference. */
  public static VisionJob analysed(VisionJob job, Scores scores, Instant now) {
    return new VisionJob(
        job.id(),
        job.ownerId(),
        Optional.of(UUID.randomUUID()),
        job.imageKey(),
        job.originalFilename(),
        job.storedFilename(),
        job.mimeType(),
        job.fileSize(),
        job.fileHash(),
        VisionStatus.COMPLETED,
        Optional.of("{\"palette\":[\"#0a2540\",\"#f5f7fa\"],\"brightness\":0.62,\"text\":true}"),
        Optional.of(scores),
        Optional.of("a confident navy wordmark on clean white, precise and calm"),
        Optional.of("brand/" + job.ownerId() + "/" + job.id() + "/style.png"),
        Optional.of("{\"processing\":{\"method\":\"offline\",\"strength\":0.4,\"seed\":7}}"),
        Optional.empty(),
        Optional.empty(),
        1,
        job.createdAt(),
        now,
        Optional.of(now));
  }

  /** A storyboard of {@code job} in {@code scripting}, at the version given (stores set 1). */
  public static Storyboard storyboard(VisionJob job, long version, Instant now) {
    return new Storyboard(
        UUID.randomUUID(),
        job.id(),
        job.ownerId(),
        Optional.empty(),
        "KLING",
        "physics 0.82 is the highest score above 0.7",
        DirectorStatus.SCRIPTING,
        Optional.of("cinematic"),
        "[{\"sequence_index\":1,\"cinematography_prompt\":\"slow push-in on the logo\","
            + "\"traffic_light\":\"PENDING\"}]",
        "[]",
        Optional.empty(),
        BigDecimal.ZERO,
        Optional.empty(),
        version,
        now,
        now,
        Optional.empty());
  }

  /** {@code board} moved to {@code status} with new scenes and a conversation. */
  public static Storyboard revised(Storyboard board, DirectorStatus status, Instant now) {
    return new Storyboard(
        board.id(),
        board.jobId(),
        board.ownerId(),
        Optional.of(UUID.randomUUID()),
        "LUMA",
        "the person asked for Luma",
        status,
        Optional.empty(),
        "[{\"sequence_index\":1,\"traffic_light\":\"YELLOW\",\"user_feedback\":\"warmer\"}]",
        "[{\"role\":\"user\",\"content\":\"warmer\"},"
            + "{\"role\":\"assistant\",\"content\":\"Golden hour it is.\"}]",
        Optional.of("{\"videos\":[{\"shape\":\"9:16\",\"key\":\"v.mp4\"}]}"),
        new BigDecimal("2.5"),
        Optional.empty(),
        board.version(),
        board.createdAt(),
        now,
        Optional.of(now));
  }

  /** Asserts two jobs equal, their JSON compared as JSON. */
  public static void assertSameJob(VisionJob actual, VisionJob expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .ignoringFields("analysisJson", "styleReferenceJson")
        .isEqualTo(expected);
    assertSameJson(actual.analysisJson(), expected.analysisJson());
    assertSameJson(actual.styleReferenceJson(), expected.styleReferenceJson());
  }

  /** Asserts two storyboards equal, their JSON compared as JSON. */
  public static void assertSameStoryboard(Storyboard actual, Storyboard expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .ignoringFields("scenesJson", "conversationJson", "resultJson")
        .isEqualTo(expected);
    assertSameJson(Optional.of(actual.scenesJson()), Optional.of(expected.scenesJson()));
    assertSameJson(
        Optional.of(actual.conversationJson()), Optional.of(expected.conversationJson()));
    assertSameJson(actual.resultJson(), expected.resultJson());
  }

  private static void assertSameJson(Optional<String> actual, Optional<String> expected) {
    assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
    if (actual.isPresent()) {
      assertThat(JSON.readTree(actual.get())).isEqualTo(JSON.readTree(expected.get()));
    }
  }
}
