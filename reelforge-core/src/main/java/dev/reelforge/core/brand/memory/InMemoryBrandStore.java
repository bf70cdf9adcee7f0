package dev.reelforge.core.brand.memory;

import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.StylePreset;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.error.ReelForgeException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link BrandStore} in this process's memory, for the brand director on the in-process engine (the
 * CLI). It behaves as {@code PostgresBrandStore} does — both pass {@code BrandStoreContract} in the
 * testkit: deduplication by owner and file hash among live jobs, owner-scoped reads that skip
 * deleted rows, compare-and-set storyboard updates, a vision job's soft delete taking its
 * storyboards, and the values PostgreSQL's columns refuse refused here ({@link BrandValues}).
 * Stored values come back as PostgreSQL gives them back: scores to two decimals, credits to cents,
 * times to the microsecond.
 *
 * <p>Differences that follow from living in memory: nothing survives the process, deleted rows are
 * never purged, and JSON is checked but kept as given rather than reformatted (readers parse JSON
 * rather than compare its text). One lock guards everything; the store is meant for one process's
 * work, not for contention.
 */
public final class InMemoryBrandStore implements BrandStore {

  private static final Comparator<Row<?>> NEWEST_FIRST =
      Comparator.<Row<?>, Instant>comparing(Row::createdAt)
          .thenComparing(Row::id, InMemoryBrandStore::unsigned)
          .reversed();

  private final Clock clock;
  private final List<StylePreset> presets;
  private final Map<UUID, Row<VisionJob>> jobs = new HashMap<>();
  private final Map<UUID, Row<Storyboard>> boards = new HashMap<>();

  /** A store offering the {@link SeededStylePresets}. */
  public InMemoryBrandStore(Clock clock) {
    this(clock, SeededStylePresets.ALL);
  }

  /** A store offering {@code presets} (in display order). */
  public InMemoryBrandStore(Clock clock, List<StylePreset> presets) {
    this.clock = clock;
    this.presets =
        presets.stream()
            .sorted(Comparator.comparingInt(StylePreset::sortOrder).thenComparing(StylePreset::id))
            .toList();
  }

  /** A stored value and when it was soft-deleted (null while live). */
  private record Row<T>(UUID id, Instant createdAt, T value, Instant deletedAt) {

    boolean live() {
      return deletedAt == null;
    }

    Row<T> with(T newValue) {
      return new Row<>(id, createdAt, newValue, deletedAt);
    }

    Row<T> deleted(Instant at) {
      return new Row<>(id, createdAt, value, at);
    }
  }

  // --- vision jobs ---

  @Override
  public synchronized Insert insert(VisionJob job) {
    VisionJob stored = BrandValues.stored(job);
    Optional<VisionJob> earlier =
        jobs.values().stream()
            .filter(Row::live)
            .map(Row::value)
            .filter(j -> j.ownerId().equals(job.ownerId()) && j.fileHash().equals(job.fileHash()))
            .findFirst();
    if (earlier.isPresent()) {
      return new Insert(earlier.get(), true);
    }
    if (jobs.containsKey(job.id())) {
      throw new IllegalStateException("a vision job with id " + job.id() + " exists already");
    }
    jobs.put(job.id(), new Row<>(job.id(), stored.createdAt(), stored, null));
    return new Insert(stored, false);
  }

  @Override
  public synchronized Optional<VisionJob> visionJob(UUID ownerId, UUID id) {
    return visionJob(id).filter(j -> j.ownerId().equals(ownerId));
  }

  @Override
  public synchronized Optional<VisionJob> visionJob(UUID id) {
    return Optional.ofNullable(jobs.get(id)).filter(Row::live).map(Row::value);
  }

  @Override
  public synchronized List<VisionJob> visionJobs(UUID ownerId, int limit) {
    return jobs.values().stream()
        .filter(r -> r.live() && r.value().ownerId().equals(ownerId))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .map(Row::value)
        .toList();
  }

  @Override
  public synchronized VisionJob update(VisionJob job) {
    Row<VisionJob> row = jobs.get(job.id());
    if (row == null || !row.live() || !row.value().ownerId().equals(job.ownerId())) {
      throw ReelForgeException.notFound("vision job", job.id());
    }
    VisionJob before = row.value();
    // Only the mutable fields change; what identifies the upload stays as first stored.
    VisionJob after =
        BrandValues.stored(
            new VisionJob(
                before.id(),
                before.ownerId(),
                job.runId(),
                before.imageKey(),
                before.originalFilename(),
                before.storedFilename(),
                before.mimeType(),
                before.fileSize(),
                before.fileHash(),
                job.status(),
                job.analysisJson(),
                job.scores(),
                job.brandEssencePrompt(),
                job.styleReferenceKey(),
                job.styleReferenceJson(),
                job.flaggedReason(),
                job.errorMessage(),
                job.retryCount(),
                before.createdAt(),
                job.updatedAt(),
                job.processedAt()));
    jobs.put(job.id(), row.with(after));
    return after;
  }

  @Override
  public synchronized boolean deleteVisionJob(UUID ownerId, UUID id) {
    Row<VisionJob> row = jobs.get(id);
    if (row == null || !row.live() || !row.value().ownerId().equals(ownerId)) {
      return false;
    }
    Instant now = BrandValues.micros(clock.instant());
    jobs.put(id, row.deleted(now));
    boards.replaceAll(
        (boardId, board) ->
            board.live() && board.value().jobId().equals(id) ? board.deleted(now) : board);
    return true;
  }

  // --- storyboards ---

  @Override
  public synchronized Storyboard insert(Storyboard storyboard) {
    if (visionJob(storyboard.ownerId(), storyboard.jobId()).isEmpty()) {
      throw ReelForgeException.notFound("vision job", storyboard.jobId());
    }
    Storyboard stored = BrandValues.stored(storyboard, 1);
    if (boards.containsKey(storyboard.id())) {
      throw new IllegalStateException(
          "a storyboard with id " + storyboard.id() + " exists already");
    }
    boards.put(stored.id(), new Row<>(stored.id(), stored.createdAt(), stored, null));
    return stored;
  }

  @Override
  public synchronized Optional<Storyboard> storyboard(UUID ownerId, UUID id) {
    return storyboard(id).filter(b -> b.ownerId().equals(ownerId));
  }

  @Override
  public synchronized Optional<Storyboard> storyboard(UUID id) {
    return Optional.ofNullable(boards.get(id)).filter(Row::live).map(Row::value);
  }

  /**
   * Core reads no JSON: the scene is found by its id as the brand module writes it, {@code
   * "id":"…"} (compact JSON; other ids in a scene have longer keys).
   */
  @Override
  public synchronized Optional<Storyboard> storyboardOfScene(UUID ownerId, UUID sceneId) {
    String probe = "\"id\":\"" + sceneId + "\"";
    return boards.values().stream()
        .filter(r -> r.live() && r.value().ownerId().equals(ownerId))
        .map(Row::value)
        .filter(board -> board.scenesJson().contains(probe))
        .findFirst();
  }

  @Override
  public synchronized List<Storyboard> storyboardsOf(UUID ownerId, UUID jobId) {
    return boards.values().stream()
        .filter(
            r -> r.live() && r.value().ownerId().equals(ownerId) && r.value().jobId().equals(jobId))
        .sorted(NEWEST_FIRST)
        .map(Row::value)
        .toList();
  }

  @Override
  public synchronized Optional<Storyboard> update(Storyboard storyboard) {
    Row<Storyboard> row = boards.get(storyboard.id());
    if (row == null
        || !row.live()
        || !row.value().ownerId().equals(storyboard.ownerId())
        || row.value().version() != storyboard.version()) {
      return Optional.empty();
    }
    Storyboard before = row.value();
    Storyboard after =
        BrandValues.stored(
            new Storyboard(
                before.id(),
                before.jobId(),
                before.ownerId(),
                storyboard.runId(),
                storyboard.productionEngine(),
                storyboard.routingReason(),
                storyboard.status(),
                storyboard.stylePreset(),
                storyboard.scenesJson(),
                storyboard.conversationJson(),
                storyboard.resultJson(),
                storyboard.creditsUsed(),
                storyboard.errorMessage(),
                before.version(),
                before.createdAt(),
                storyboard.updatedAt(),
                storyboard.completedAt()),
            before.version() + 1);
    boards.put(after.id(), row.with(after));
    return Optional.of(after);
  }

  // --- presets ---

  @Override
  public List<StylePreset> stylePresets() {
    return presets;
  }

  /** UUIDs in PostgreSQL's order (unsigned bytes), so that ties in time sort alike. */
  private static int unsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
