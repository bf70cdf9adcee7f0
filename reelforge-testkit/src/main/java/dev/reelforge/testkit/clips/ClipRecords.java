package dev.reelforge.testkit.clips;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipSource.SourceStatus;
import dev.reelforge.core.clips.SourceProbe;
import dev.reelforge.core.clips.UploadSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Clip records for tests: a probed source, its candidates, an export and an upload. */
public final class ClipRecords {

  private ClipRecords() {}

  /** A ten-minute 1080p talk with awkward values that a store must keep exactly. */
  public static SourceProbe probe() {
    return new SourceProbe(
        "mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", 600_123, 1920, 1080, 30000.0 / 1001);
  }

  /** A freshly uploaded source, without subtitles, analysis or transcript. */
  public static ClipSource source(UUID owner, Instant createdAt) {
    UUID id = UUID.randomUUID();
    return new ClipSource(
        id,
        owner,
        "talk.mp4",
        "source.mp4",
        123_456_789_012L,
        probe(),
        Optional.empty(),
        SourceStatus.UPLOADED,
        Optional.empty(),
        Optional.empty(),
        createdAt);
  }

  /** A proposed candidate of {@code source} at {@code rank}, {@code startSeconds} long 30 s. */
  public static ClipCandidate candidate(UUID source, int rank, long startSeconds) {
    return new ClipCandidate(
        UUID.randomUUID(),
        source,
        rank,
        startSeconds * 1000,
        startSeconds * 1000 + 30_000,
        "Candidate " + rank,
        1.0 / (rank + 2),
        List.of("a question and its answer", "loud, \"quoted\"; a, b"),
        CandidateState.PROPOSED,
        Optional.empty());
  }

  /** An export of {@code candidates} in two presets. */
  public static ClipExport export(ClipSource source, List<UUID> candidates, Instant createdAt) {
    return new ClipExport(
        UUID.randomUUID(),
        source.id(),
        source.ownerId(),
        UUID.randomUUID(),
        candidates,
        List.of("tiktok", "square"),
        createdAt);
  }

  /**
   * An upload of 10 MB begun at {@code createdAt}, expiring {@code ttl} later, nothing received.
   */
  public static UploadSession upload(UUID owner, Instant createdAt, Duration ttl) {
    UUID id = UUID.randomUUID();
    return new UploadSession(
        id, owner, "long talk.mp4", 10_000_000, 0, "uploads/" + id, createdAt, createdAt.plus(ttl));
  }
}
