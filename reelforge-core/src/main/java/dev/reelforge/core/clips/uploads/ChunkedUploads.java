package dev.reelforge.core.clips.uploads;

import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Resumable, chunked uploads of long videos, as Google's resumable uploads and tus work: the client
 * begins an upload with the file's name and size, sends byte ranges in order, and after a dropped
 * connection or a server restart asks how many bytes arrived and goes on from there.
 *
 * <p>The bytes are gathered in one staging file per upload on this machine's disk. The rules that
 * make it safe:
 *
 * <ul>
 *   <li>A chunk is acknowledged only after its bytes are on disk ({@code fsync}) and the count is
 *       recorded in the store ({@link ClipStore#recordReceived}).
 *   <li>The offset is the staging file's length, never more than the store recorded: bytes written
 *       but not acknowledged before a crash are cut off and sent again.
 *   <li>A chunk must start at or before the offset. Bytes it repeats are skipped (a client that
 *       resends after a lost answer does no harm); a chunk that would leave a gap is refused with
 *       the offset ({@link UploadOffsetException}).
 *   <li>One writer per upload: a lock per upload in this process and an OS file lock across
 *       processes that share the staging folder.
 *   <li>The size limit is checked when the upload begins and on every chunk; the first {@value
 *       VideoMagic#HEAD_BYTES} bytes must be a video container ({@link VideoMagic}), checked as
 *       soon as they arrive, so a wrong file is refused before gigabytes of it are sent.
 * </ul>
 *
 * <p>Unfinished uploads expire; {@link #removeExpired} and {@link #removeOrphans} are the upkeep.
 * Every operation takes the caller's id: another user's upload does not exist for them.
 */
public final class ChunkedUploads {

  private static final int STRIPES = 64;
  private static final int BUFFER = 256 * 1024;
  private static final String SUFFIX = ".part";

  private final ClipStore store;
  private final Path staging;
  private final UploadLimits limits;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  /**
   * @param staging the folder the partial files are gathered in (created when missing)
   */
  public ChunkedUploads(ClipStore store, Path staging, UploadLimits limits, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.staging = staging.toAbsolutePath().normalize();
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    Arrays.setAll(locks, i -> new ReentrantLock());
  }

  public UploadLimits limits() {
    return limits;
  }

  /**
   * Begins an upload.
   *
   * @param contentType the declared type, a hint only (the first bytes decide); may be null
   * @throws ReelForgeException INVALID_INPUT for a bad name or size, PAYLOAD_TOO_LARGE above the
   *     limit, UNSUPPORTED_MEDIA_TYPE for a declared type that cannot be a video,
   *     SERVICE_UNAVAILABLE when the staging disk has no room for the file
   */
  public UploadSession begin(UUID owner, String name, long totalBytes, String contentType) {
    String checkedName = checkName(name);
    if (totalBytes <= 0) {
      throw ReelForgeException.invalidField("size", "must be a positive number of bytes");
    }
    if (totalBytes > limits.maxBytes()) {
      throw new ReelForgeException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          "the file has "
              + totalBytes
              + " bytes; uploads may have at most "
              + limits.maxBytes()
              + " bytes");
    }
    if (!VideoMagic.acceptsDeclaredType(contentType)) {
      throw new ReelForgeException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "'" + contentType + "' is not a video type; accepted: " + VideoMagic.accepted());
    }
    requireRoomFor(totalBytes);
    Instant now = clock.instant();
    UUID id = Ids.newId(clock);
    UploadSession upload =
        new UploadSession(
            id, owner, checkedName, totalBytes, 0, id + SUFFIX, now, now.plus(limits.expiry()));
    store.createUpload(upload);
    return upload;
  }

  /** The upload as it stands: its {@code receivedBytes} is where the next chunk must begin. */
  public UploadSession status(UUID owner, UUID uploadId) {
    ReentrantLock lock = lock(uploadId);
    lock.lock();
    try {
      UploadSession upload = find(owner, uploadId);
      return upload.withReceived(Math.min(upload.receivedBytes(), stagedLength(upload)));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends one chunk.
   *
   * @param body the request's body: exactly {@code range.length()} bytes
   * @return the upload after the chunk; {@link UploadSession#isComplete()} once every byte arrived
   * @throws UploadOffsetException when the chunk would leave a gap
   * @throws ReelForgeException INVALID_INPUT when the range does not fit the upload or the body is
   *     not as long as the range (the bytes that did arrive are kept), PAYLOAD_TOO_LARGE for a
   *     chunk above the limit, UNSUPPORTED_MEDIA_TYPE when the first bytes are not a video (the
   *     upload is then removed), RESOURCE_NOT_FOUND for an unknown, foreign or expired upload
   */
  public UploadSession append(UUID owner, UUID uploadId, ContentRange range, InputStream body) {
    ReentrantLock lock = lock(uploadId);
    lock.lock();
    try {
      UploadSession upload = find(owner, uploadId);
      if (!clock.instant().isBefore(upload.expiresAt())) {
        throw new ReelForgeException(
            ErrorCode.RESOURCE_NOT_FOUND,
            "upload " + uploadId + " expired at " + upload.expiresAt() + "; begin a new one");
      }
      checkRange(upload, range);
      Path file = stagedFile(upload);
      Files.createDirectories(staging);
      try (FileChannel channel =
              FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        long offset = settle(channel, upload);
        if (range.first() > offset) {
          throw new UploadOffsetException(range, offset);
        }
        if (range.last() < offset) {
          return upload.withReceived(offset); // every byte of it is here already
        }
        Written written = write(channel, offset, range, body);
        UploadSession after = upload.withReceived(written.offset());
        store.recordReceived(uploadId, written.offset());
        checkFirstBytes(after, offset);
        if (written.cut()) {
          throw ReelForgeException.invalidField(
              ContentRange.HEADER,
              "the body ended after "
                  + (written.offset() - range.first())
                  + " of the "
                  + range.length()
                  + " bytes of "
                  + range
                  + "; the bytes that came are kept: send the file from byte "
                  + written.offset());
        }
        return after;
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE, "cannot write the upload to " + staging, e);
    } finally {
      lock.unlock();
    }
  }

  /** Where an upload's bytes are gathered; the whole file once the upload is complete. */
  public Path stagedFile(UploadSession upload) {
    Path file = staging.resolve(upload.stagingKey()).normalize();
    if (!file.getParent().equals(staging)) {
      throw new IllegalStateException("a staging key outside the staging folder: " + file);
    }
    return file;
  }

  /** Removes an upload and its bytes: cancelled by its owner, or stored elsewhere once complete. */
  public void discard(UUID owner, UUID uploadId) {
    ReentrantLock lock = lock(uploadId);
    lock.lock();
    try {
      remove(find(owner, uploadId));
    } finally {
      lock.unlock();
    }
  }

  /** Removes up to {@code limit} uploads past their expiry; answers how many. */
  public int removeExpired(int limit) {
    return removeExpired(limit, upload -> {});
  }

  /**
   * Removes up to {@code limit} uploads past their expiry; answers how many.
   *
   * @param elsewhere removes what an upload left outside this staging folder (the object a client
   *     put through a signed URL); called before the upload is forgotten, so that when it fails the
   *     upload stays and the next run tries again instead of leaking what only it could name
   * @throws RuntimeException the first failure of {@code elsewhere}, after the other uploads of the
   *     batch were removed: one upload whose object cannot be deleted holds up no other
   */
  public int removeExpired(int limit, Consumer<UploadSession> elsewhere) {
    int removed = 0;
    RuntimeException firstFailure = null;
    for (UploadSession upload : store.expiredUploads(clock.instant(), limit)) {
      ReentrantLock lock = lock(upload.id());
      lock.lock();
      try {
        elsewhere.accept(upload);
        remove(upload);
        removed++;
      } catch (RuntimeException e) {
        if (firstFailure == null) {
          firstFailure = e;
        } else {
          firstFailure.addSuppressed(e);
        }
      } finally {
        lock.unlock();
      }
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
    return removed;
  }

  /**
   * Removes staging files whose upload the store no longer knows (removed by another node, whose
   * disk this is not), left untouched for at least {@code grace}; answers how many.
   */
  public int removeOrphans(Duration grace) {
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    Instant before = clock.instant().minus(grace);
    int removed = 0;
    try (Stream<Path> files = Files.list(staging)) {
      for (Path file : files.toList()) {
        Optional<UUID> id = uploadId(file);
        if (id.isPresent()
            && Files.getLastModifiedTime(file).toInstant().isBefore(before)
            && store.upload(id.get()).isEmpty()) {
          Files.deleteIfExists(file);
          removed++;
        }
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE, "cannot clean the upload staging folder " + staging, e);
    }
    return removed;
  }

  private UploadSession find(UUID owner, UUID uploadId) {
    return store
        .upload(uploadId)
        .filter(u -> u.ownerId().equals(owner))
        .orElseThrow(() -> ReelForgeException.notFound("Upload", uploadId));
  }

  private void checkRange(UploadSession upload, ContentRange range) {
    if (range.total() != upload.totalBytes()) {
      throw ReelForgeException.invalidField(
          ContentRange.HEADER,
          "the total "
              + range.total()
              + " differs from the "
              + upload.totalBytes()
              + " bytes announced when the upload began");
    }
    if (range.length() > limits.maxChunkBytes()) {
      throw new ReelForgeException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          "the chunk has "
              + range.length()
              + " bytes; a chunk may have at most "
              + limits.maxChunkBytes()
              + " bytes");
    }
  }

  /**
   * The offset to continue from: the file's length, cut back to what the store recorded (bytes
   * written but never acknowledged may not have reached the disk before a crash).
   */
  private static long settle(FileChannel channel, UploadSession upload) throws IOException {
    long length = channel.size();
    if (length > upload.receivedBytes()) {
      channel.truncate(upload.receivedBytes());
      channel.force(true);
      return upload.receivedBytes();
    }
    return length;
  }

  /** How far a chunk's bytes reached, and whether its body ended before the range did. */
  private record Written(long offset, boolean cut) {}

  /**
   * Writes the part of the chunk beyond {@code offset} and forces it to disk. A body that ends (or
   * whose connection breaks) before the range does keeps what came; a longer one is refused whole.
   */
  private static Written write(
      FileChannel channel, long offset, ContentRange range, InputStream body) throws IOException {
    long wanted = range.last() + 1 - offset;
    if (!skip(body, offset - range.first())) {
      return new Written(offset, true);
    }
    byte[] buffer = new byte[(int) Math.min(BUFFER, wanted)];
    long position = offset;
    boolean cut = false;
    while (position - offset < wanted) {
      int n = read(body, buffer, (int) Math.min(buffer.length, wanted - (position - offset)));
      if (n < 0) {
        cut = true;
        break;
      }
      ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
    }
    if (!cut && read(body, new byte[1], 1) > 0) {
      channel.truncate(offset);
      channel.force(true);
      throw ReelForgeException.invalidField(
          ContentRange.HEADER,
          "the body is longer than the " + range.length() + " bytes of " + range);
    }
    channel.force(true);
    return new Written(position, cut);
  }

  /** Skips the bytes already here; false when the body ends (or breaks) first. */
  private static boolean skip(InputStream body, long bytes) {
    try {
      body.skipNBytes(bytes);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads from the client, answering -1 at the end of the body and when its connection broke alike:
   * in both cases the bytes that arrived are kept and the client resumes from there.
   */
  private static int read(InputStream body, byte[] buffer, int length) {
    try {
      int n = 0;
      while (n == 0) {
        n = body.read(buffer, 0, length);
      }
      return n;
    } catch (IOException e) {
      return -1;
    }
  }

  private void checkFirstBytes(UploadSession upload, long before) throws IOException {
    boolean crossed =
        before < VideoMagic.HEAD_BYTES
            && (upload.receivedBytes() >= VideoMagic.HEAD_BYTES || upload.isComplete());
    if (!crossed) {
      return;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(stagedFile(upload))) {
      head = in.readNBytes(VideoMagic.HEAD_BYTES);
    }
    if (VideoMagic.of(head).isEmpty()) {
      remove(upload);
      throw new ReelForgeException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "'"
              + upload.name()
              + "' is not a video file its first bytes name; accepted: "
              + VideoMagic.accepted());
    }
  }

  private void remove(UploadSession upload) {
    try {
      Files.deleteIfExists(stagedFile(upload));
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE, "cannot remove the upload's bytes from " + staging, e);
    }
    store.deleteUpload(upload.id());
  }

  private long stagedLength(UploadSession upload) {
    try {
      return Files.size(stagedFile(upload));
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE, "cannot read the upload's length in " + staging, e);
    }
  }

  private void requireRoomFor(long bytes) {
    try {
      Files.createDirectories(staging);
      long usable = Files.getFileStore(staging).getUsableSpace();
      if (usable < bytes) {
        throw new ReelForgeException(
            ErrorCode.SERVICE_UNAVAILABLE,
            "the upload staging disk has "
                + usable
                + " bytes free, too few for a file of "
                + bytes
                + " bytes; try again later");
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE, "cannot use the upload staging folder " + staging, e);
    }
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw ReelForgeException.invalidField("name", "is required: the file's name");
    }
    String bare = name.strip();
    if (bare.length() > 255) {
      throw ReelForgeException.invalidField("name", "may have at most 255 characters");
    }
    if (bare.chars().anyMatch(Character::isISOControl)) {
      throw ReelForgeException.invalidField("name", "may not contain control characters");
    }
    return bare;
  }

  private static Optional<UUID> uploadId(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(name.substring(0, name.length() - SUFFIX.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private ReentrantLock lock(UUID uploadId) {
    return locks[Math.floorMod(uploadId.hashCode(), STRIPES)];
  }
}
