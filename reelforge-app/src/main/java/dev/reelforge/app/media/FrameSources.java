package dev.reelforge.app.media;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.StoredBlob;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.MediaKeys;
import dev.reelforge.mediagen.MediaPipelines;
import dev.reelforge.mediagen.StillImageCheck;
import dev.reelforge.providers.ingest.GuardedFetcher;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Turns a video job's {@code start_image_url} / {@code end_image_url} into a frame in the media
 * store (seed 004 §5: "signed URL or artifact_id"): the id of one of the caller's image jobs, one
 * of the caller's own signed output links (recognised by the key in its path, never fetched), or
 * any other link — fetched through the ingest address guard (public addresses only) and passed
 * through {@link StillImageCheck} before it is stored as PNG.
 */
final class FrameSources {

  /** A stored key of generated pictures, wherever a store puts it in a link's path. */
  private static final Pattern OWN_PICTURE =
      Pattern.compile("media/([0-9a-f-]{36})/images/([0-9a-f-]{36})\\.png$");

  /** How many of the caller's newest image jobs a shared picture's link is looked for among. */
  private static final int OWN_LINKS_SCANNED = 100;

  /** A frame ready for a job: its key, and an address vendors can fetch, when one exists. */
  record Frame(String key, Optional<String> publicUrl) {}

  private final MediaJobs jobs;
  private final BlobCatalog catalog;
  private final GuardedFetcher fetcher;
  private final StillImageCheck check;
  private final Path scratch;
  private final Duration linkTtl;

  FrameSources(
      MediaJobs jobs,
      BlobCatalog catalog,
      GuardedFetcher fetcher,
      StillImageCheck check,
      Path scratch,
      Duration linkTtl) {
    this.jobs = jobs;
    this.catalog = catalog;
    this.fetcher = fetcher;
    this.check = check;
    this.scratch = scratch;
    this.linkTtl = linkTtl;
  }

  /**
   * The frame {@code value} names, or empty for a blank value.
   *
   * @param upload the id frames of this request are stored under
   * @param which {@code start} or {@code end}, for the key
   * @param field the request field, for refusals
   */
  Optional<Frame> resolve(UUID owner, String value, UUID upload, String which, String field) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String given = value.strip();
    if (Ids.isUuid(given)) {
      return Optional.of(frame(ofImageJob(owner, UUID.fromString(given), field), field));
    }
    URI link = parse(given, field);
    Matcher own = OWN_PICTURE.matcher(Optional.ofNullable(link.getPath()).orElse(""));
    if (own.find()) {
      String named = "media/" + own.group(1) + "/images/" + own.group(2) + ".png";
      String key =
          ownKeyFor(owner, named)
              .orElseThrow(
                  () ->
                      ReelForgeException.invalidField(
                          field, "no picture of yours is stored there"));
      return Optional.of(frame(key, field));
    }
    if (!link.isAbsolute()) {
      throw ReelForgeException.invalidField(
          field, "must be an image job id or an http(s) link to a PNG or JPEG picture");
    }
    return Optional.of(frame(fetched(owner, given, upload, which, field), field));
  }

  private String ofImageJob(UUID owner, UUID id, String field) {
    RunRecord run;
    try {
      run = jobs.job(owner, MediaJobs.IMAGE, id);
    } catch (ReelForgeException e) {
      throw ReelForgeException.invalidField(field, "no image job of yours has the id " + id);
    }
    if (run.status() != RunStatus.SUCCEEDED) {
      throw ReelForgeException.invalidField(
          field, "image job " + id + " has not succeeded (it is " + run.status().wireName() + ")");
    }
    return MediaPipelines.imageResult(run)
        .orElseThrow(
            () -> ReelForgeException.invalidField(field, "image job " + id + " has no picture"))
        .imageKey();
  }

  private String fetched(UUID owner, String link, UUID upload, String which, String field) {
    byte[] body;
    try {
      body = fetcher.fetch(link).body();
    } catch (ReelForgeException e) {
      // The link is the caller's input: whatever went wrong reading it (a refused address, a dead
      // or slow site, the wrong type or size) is a field error, not our server's failure.
      throw invalidLink(field, "could not be read: " + e.getMessage(), e);
    }
    BufferedImage picture;
    try {
      picture = check.check(body, field);
    } catch (ReelForgeException e) {
      throw invalidLink(
          field,
          e.violations().isEmpty() ? e.getMessage() : e.violations().getFirst().message(),
          e);
    }
    String key = MediaKeys.frame(owner, upload, which);
    try {
      Files.createDirectories(scratch);
      Path png = Files.createTempFile(scratch, which + "-", ".png");
      try {
        ImageIO.write(picture, "png", png.toFile());
        catalog.put(key, png, "image/png", dev.reelforge.core.storage.RetentionClass.SHORT);
      } finally {
        Files.deleteIfExists(png);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return key;
  }

  private Frame frame(String key, String field) {
    StoredBlob blob =
        catalog
            .find(key)
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        field, "that picture is no longer stored (past its retention)"));
    URI signed = catalog.signedUrl(blob, linkTtl);
    return new Frame(key, signed.isAbsolute() ? Optional.of(signed.toString()) : Optional.empty());
  }

  /**
   * The caller's key a link's path names: the key itself when it is the caller's, or the caller's
   * key whose content is stored under the named object (identical pictures are stored once, so a
   * caller's link may show the object of whoever made that picture first).
   */
  private Optional<String> ownKeyFor(UUID owner, String named) {
    if (named.startsWith(MediaKeys.ownerPrefix(owner))) {
      return catalog.find(named).map(StoredBlob::key);
    }
    return jobs.jobs(owner, MediaJobs.IMAGE, OWN_LINKS_SCANNED).stream()
        .map(MediaPipelines::imageResult)
        .flatMap(Optional::stream)
        .map(output -> output.imageKey())
        .filter(key -> catalog.find(key).map(b -> b.objectKey().equals(named)).orElse(false))
        .findFirst();
  }

  private static ReelForgeException invalidLink(String field, String message, Throwable cause) {
    return new ReelForgeException(
        dev.reelforge.core.error.ErrorCode.INVALID_INPUT,
        field + ": " + message,
        false,
        java.util.List.of(new dev.reelforge.core.error.FieldViolation(field, message)),
        cause);
  }

  private static URI parse(String value, String field) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme != null && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
        throw ReelForgeException.invalidField(
            field, "only http and https links can be read (got " + scheme + ")");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ReelForgeException.invalidField(field, "must be an image job id or an http(s) link");
    }
  }
}
