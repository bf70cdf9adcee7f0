package dev.reelforge.app.media;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.storage.BlobCatalog;
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
      return Optional.of(frame(ofImageJob(owner, UUID.fromString(given), field)));
    }
    URI link = parse(given, field);
    Matcher own = OWN_PICTURE.matcher(Optional.ofNullable(link.getPath()).orElse(""));
    if (own.find()) {
      String key = "media/" + own.group(1) + "/images/" + own.group(2) + ".png";
      if (!own.group(1).equals(owner.toString()) || catalog.find(key).isEmpty()) {
        throw ReelForgeException.invalidField(field, "no picture of yours is stored there");
      }
      return Optional.of(frame(key));
    }
    if (!link.isAbsolute()) {
      throw ReelForgeException.invalidField(
          field, "must be an image job id or an http(s) link to a PNG or JPEG picture");
    }
    return Optional.of(frame(fetched(owner, given, upload, which, field)));
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
      throw new ReelForgeException(
          e.code(),
          field + ": " + e.getMessage(),
          e.retryable(),
          java.util.List.of(new dev.reelforge.core.error.FieldViolation(field, e.getMessage())),
          e);
    }
    BufferedImage picture = check.check(body, field);
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

  private Frame frame(String key) {
    URI signed = catalog.signedUrl(key, linkTtl);
    return new Frame(key, signed.isAbsolute() ? Optional.of(signed.toString()) : Optional.empty());
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
