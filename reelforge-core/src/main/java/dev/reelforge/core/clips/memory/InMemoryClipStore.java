package dev.reelforge.core.clips.memory;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@link ClipStore} in this process's memory, for the command line. It behaves as {@code
 * PostgresClipStore} does — both pass {@code ClipStoreContract} in the testkit — and gives times
 * back as PostgreSQL does, to the microsecond. One lock guards everything: a change function runs
 * under it, so it must not call back into the store.
 */
public final class InMemoryClipStore implements ClipStore {

  private static final Comparator<ClipSource> SOURCES_NEWEST_FIRST =
      Comparator.comparing(ClipSource::createdAt)
          .thenComparing(ClipSource::id, InMemoryClipStore::unsigned)
          .reversed();
  private static final Comparator<ClipExport> EXPORTS_NEWEST_FIRST =
      Comparator.comparing(ClipExport::createdAt)
          .thenComparing(ClipExport::id, InMemoryClipStore::unsigned)
          .reversed();
  private static final Comparator<ClipCandidate> BY_RANK =
      Comparator.comparingInt(ClipCandidate::rank)
          .thenComparing(ClipCandidate::id, InMemoryClipStore::unsigned);
  private static final Comparator<UploadSession> BY_EXPIRY =
      Comparator.comparing(UploadSession::expiresAt)
          .thenComparing(UploadSession::id, InMemoryClipStore::unsigned);

  private final Map<UUID, ClipSource> sources = new HashMap<>();
  private final Map<UUID, ClipCandidate> candidates = new HashMap<>();
  private final Map<UUID, ClipExport> exports = new HashMap<>();
  private final Map<UUID, UploadSession> uploads = new HashMap<>();

  @Override
  public synchronized void createSource(ClipSource source) {
    if (sources.containsKey(source.id())) {
      throw conflict("a clip source with id " + source.id());
    }
    sources.put(source.id(), stored(source));
  }

  @Override
  public synchronized Optional<ClipSource> source(UUID sourceId) {
    return Optional.ofNullable(sources.get(sourceId));
  }

  @Override
  public synchronized List<ClipSource> sources(UUID ownerId, int limit) {
    return sources.values().stream()
        .filter(s -> s.ownerId().equals(ownerId))
        .sorted(SOURCES_NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized ClipSource updateSource(UUID sourceId, UnaryOperator<ClipSource> change) {
    ClipSource before = existingSource(sourceId);
    ClipSource after = change.apply(before);
    if (after == null
        || !after.id().equals(before.id())
        || !after.ownerId().equals(before.ownerId())) {
      throw new IllegalArgumentException(
          "a change to clip source " + sourceId + " may not change its id or owner");
    }
    ClipSource stored = stored(after);
    sources.put(sourceId, stored);
    return stored;
  }

  @Override
  public synchronized void replaceCandidates(UUID sourceId, List<ClipCandidate> replacements) {
    existingSource(sourceId);
    Set<UUID> ids = new HashSet<>();
    for (ClipCandidate candidate : replacements) {
      if (!candidate.sourceId().equals(sourceId)) {
        throw new IllegalArgumentException(
            "candidate " + candidate.id() + " belongs to source " + candidate.sourceId());
      }
      ClipCandidate existing = candidates.get(candidate.id());
      if (!ids.add(candidate.id()) || (existing != null && !existing.sourceId().equals(sourceId))) {
        throw conflict("a clip candidate with id " + candidate.id());
      }
    }
    candidates.values().removeIf(c -> c.sourceId().equals(sourceId));
    replacements.forEach(c -> candidates.put(c.id(), c));
  }

  @Override
  public synchronized List<ClipCandidate> candidates(UUID sourceId) {
    return candidates.values().stream()
        .filter(c -> c.sourceId().equals(sourceId))
        .sorted(BY_RANK)
        .toList();
  }

  @Override
  public synchronized ClipCandidate updateCandidate(
      UUID candidateId, UnaryOperator<ClipCandidate> change) {
    ClipCandidate before = candidates.get(candidateId);
    if (before == null) {
      throw ReelForgeException.notFound("clip candidate", candidateId);
    }
    ClipCandidate after = change.apply(before);
    if (after == null
        || !after.id().equals(before.id())
        || !after.sourceId().equals(before.sourceId())) {
      throw new IllegalArgumentException(
          "a change to clip candidate " + candidateId + " may not change its id or source");
    }
    candidates.put(candidateId, after);
    return after;
  }

  @Override
  public synchronized void createExport(ClipExport export) {
    existingSource(export.sourceId());
    if (exports.containsKey(export.id())) {
      throw conflict("a clip export with id " + export.id());
    }
    exports.put(export.id(), stored(export));
  }

  @Override
  public synchronized Optional<ClipExport> export(UUID exportId) {
    return Optional.ofNullable(exports.get(exportId));
  }

  @Override
  public synchronized List<ClipExport> exports(UUID sourceId) {
    return exports.values().stream()
        .filter(e -> e.sourceId().equals(sourceId))
        .sorted(EXPORTS_NEWEST_FIRST)
        .toList();
  }

  @Override
  public synchronized void createUpload(UploadSession upload) {
    if (uploads.containsKey(upload.id())) {
      throw conflict("an upload with id " + upload.id());
    }
    uploads.put(upload.id(), stored(upload));
  }

  @Override
  public synchronized Optional<UploadSession> upload(UUID uploadId) {
    return Optional.ofNullable(uploads.get(uploadId));
  }

  @Override
  public synchronized UploadSession recordReceived(UUID uploadId, long receivedBytes) {
    UploadSession before = uploads.get(uploadId);
    if (before == null) {
      throw ReelForgeException.notFound("upload", uploadId);
    }
    UploadSession after = before.withReceived(Math.max(before.receivedBytes(), receivedBytes));
    uploads.put(uploadId, after);
    return after;
  }

  @Override
  public synchronized void deleteUpload(UUID uploadId) {
    uploads.remove(uploadId);
  }

  @Override
  public synchronized List<UploadSession> expiredUploads(Instant now, int limit) {
    Instant asOf = micros(now);
    return uploads.values().stream()
        .filter(u -> !u.expiresAt().isAfter(asOf))
        .sorted(BY_EXPIRY)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized int deleteOwner(UUID ownerId) {
    List<UUID> owned =
        sources.values().stream()
            .filter(s -> s.ownerId().equals(ownerId))
            .map(ClipSource::id)
            .toList();
    Set<UUID> gone = new HashSet<>(owned);
    owned.forEach(sources::remove);
    candidates.values().removeIf(c -> gone.contains(c.sourceId()));
    exports.values().removeIf(e -> gone.contains(e.sourceId()) || e.ownerId().equals(ownerId));
    int uploadsBefore = uploads.size();
    uploads.values().removeIf(u -> u.ownerId().equals(ownerId));
    return owned.size() + uploadsBefore - uploads.size();
  }

  private ClipSource existingSource(UUID sourceId) {
    ClipSource source = sources.get(sourceId);
    if (source == null) {
      throw ReelForgeException.notFound("clip source", sourceId);
    }
    return source;
  }

  private static ReelForgeException conflict(String what) {
    return new ReelForgeException(ErrorCode.CONFLICT, what + " exists already");
  }

  private static ClipSource stored(ClipSource s) {
    return new ClipSource(
        s.id(),
        s.ownerId(),
        s.name(),
        s.fileKey(),
        s.sizeBytes(),
        s.probe(),
        s.subtitleKey(),
        s.status(),
        s.analysisRunId(),
        s.transcript(),
        micros(s.createdAt()));
  }

  private static ClipExport stored(ClipExport e) {
    return new ClipExport(
        e.id(),
        e.sourceId(),
        e.ownerId(),
        e.runId(),
        e.candidateIds(),
        e.presets(),
        micros(e.createdAt()));
  }

  private static UploadSession stored(UploadSession u) {
    return new UploadSession(
        u.id(),
        u.ownerId(),
        u.name(),
        u.totalBytes(),
        u.receivedBytes(),
        u.stagingKey(),
        micros(u.createdAt()),
        micros(u.expiresAt()));
  }

  /** PostgreSQL keeps microseconds, rounding the nanoseconds half up (as the driver binds them). */
  private static Instant micros(Instant instant) {
    return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  /** UUIDs in PostgreSQL's order (unsigned bytes), so that ties sort alike. */
  private static int unsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
