package dev.reelforge.core.clips.uploads;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.error.ReelForgeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The upload half of {@link ClipStore} in memory, for the upload mechanics' tests: the store's
 * implementations live in other modules (which depend on core), and the rest of the port is not
 * used here. It keeps the port's rule that a received count only moves forward.
 */
final class UploadsOnlyClipStore implements ClipStore {

  private final Map<UUID, UploadSession> uploads = new ConcurrentHashMap<>();

  @Override
  public void createUpload(UploadSession upload) {
    if (uploads.putIfAbsent(upload.id(), upload) != null) {
      throw new IllegalStateException("duplicate upload " + upload.id());
    }
  }

  @Override
  public Optional<UploadSession> upload(UUID uploadId) {
    return Optional.ofNullable(uploads.get(uploadId));
  }

  @Override
  public UploadSession recordReceived(UUID uploadId, long receivedBytes) {
    UploadSession updated =
        uploads.computeIfPresent(
            uploadId,
            (id, u) -> receivedBytes > u.receivedBytes() ? u.withReceived(receivedBytes) : u);
    if (updated == null) {
      throw ReelForgeException.notFound("Upload", uploadId);
    }
    return updated;
  }

  @Override
  public void deleteUpload(UUID uploadId) {
    uploads.remove(uploadId);
  }

  @Override
  public List<UploadSession> expiredUploads(Instant now, int limit) {
    return uploads.values().stream()
        .filter(u -> !u.expiresAt().isAfter(now))
        .sorted(Comparator.comparing(UploadSession::expiresAt))
        .limit(limit)
        .toList();
  }

  @Override
  public void createSource(ClipSource source) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ClipSource> source(UUID sourceId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ClipSource> sources(UUID ownerId, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ClipSource updateSource(UUID sourceId, UnaryOperator<ClipSource> change) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void replaceCandidates(UUID sourceId, List<ClipCandidate> candidates) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ClipCandidate> candidates(UUID sourceId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ClipCandidate updateCandidate(UUID candidateId, UnaryOperator<ClipCandidate> change) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void createExport(ClipExport export) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ClipExport> export(UUID exportId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ClipExport> exports(UUID sourceId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int deleteOwner(UUID ownerId) {
    throw new UnsupportedOperationException();
  }
}
