package dev.reelforge.app.clips;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.clips.uploads.UploadSettings;
import dev.reelforge.app.clips.uploads.UploadViews;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.app.web.UploadOffsets;
import dev.reelforge.clips.ClipKeys;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.clips.uploads.ChunkedUploads;
import dev.reelforge.core.clips.uploads.ContentRange;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.storage.BlobInfo;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.SignedUpload;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Resumable uploads of long videos (docs/api.md "Resumable uploads"): begin with the file's name
 * and size, send byte ranges, ask where to resume, and complete into a clip source. When the blob
 * store signs upload URLs (S3, Azure), the answer to the begin also carries one, and the client may
 * put the whole file straight to the store instead; completing then takes the object from there.
 * Another user's upload is a 404.
 */
@RestController
class ClipUploadsController {

  static final String BASE = "/api/clips/uploads";

  private final ObjectProvider<ChunkedUploads> chunked;
  private final VideoUploads videos;
  private final ClipsController sources;
  private final BlobStore blobs;
  private final UploadSettings settings;

  ClipUploadsController(
      ObjectProvider<ChunkedUploads> chunked,
      VideoUploads videos,
      ClipsController sources,
      BlobStore blobs,
      UploadSettings settings) {
    this.chunked = chunked;
    this.videos = videos;
    this.sources = sources;
    this.blobs = blobs;
    this.settings = settings;
  }

  /** {@code POST /api/clips/uploads}. */
  record Begin(String name, Long size, String contentType) {}

  /** Begins an upload: 201 with where to send the chunks (and a signed URL where there is one). */
  @PostMapping(BASE)
  ResponseEntity<Map<String, Object>> begin(@RequestBody Begin body) {
    if (body.size() == null) {
      throw ReelForgeException.invalidField("size", "is required: the file's size in bytes");
    }
    UUID owner = RequestOwner.current();
    UploadSession upload = uploads().begin(owner, body.name(), body.size(), body.contentType());
    Map<String, Object> view = view(upload);
    String type = body.contentType() == null ? "application/octet-stream" : body.contentType();
    // A URL that outlived its upload could put an object after the upkeep removed the upload,
    // and nothing would name that object again.
    Duration life = Duration.between(upload.createdAt(), upload.expiresAt());
    Duration ttl =
        settings.getSignedUrlTtl().compareTo(life) < 0 ? settings.getSignedUrlTtl() : life;
    blobs
        .signedUpload(signedKey(upload), type, ttl)
        .filter(signed -> signed.maxBytes() >= upload.totalBytes())
        .ifPresent(signed -> direct(view, signed));
    return ResponseEntity.status(HttpStatus.CREATED)
        .headers(UploadOffsets.headers(0))
        .header(HttpHeaders.LOCATION, location(upload))
        .body(ok(view));
  }

  /** Where the upload stands: {@code received} is where the next chunk begins. */
  @GetMapping(BASE + "/{id}")
  ResponseEntity<Map<String, Object>> status(@PathVariable String id) {
    UploadSession upload = uploads().status(RequestOwner.current(), Ids.parse(id, "Upload"));
    return ResponseEntity.ok()
        .headers(UploadOffsets.headers(upload.receivedBytes()))
        .body(ok(view(upload)));
  }

  /** One chunk, its place in {@code Content-Range}; a gap is 409 with the offset. */
  @PutMapping(BASE + "/{id}")
  ResponseEntity<Map<String, Object>> chunk(
      @PathVariable String id,
      @RequestHeader(name = ContentRange.HEADER, required = false) String range,
      HttpServletRequest request)
      throws IOException {
    UUID uploadId = Ids.parse(id, "Upload");
    ContentRange parsed = ContentRange.parse(range);
    long declared = request.getContentLengthLong();
    if (declared >= 0 && declared != parsed.length()) {
      throw ReelForgeException.invalidField(
          ContentRange.HEADER,
          "the body has " + declared + " bytes but " + parsed + " names " + parsed.length());
    }
    UploadSession upload;
    try (InputStream body = request.getInputStream()) {
      upload = uploads().append(RequestOwner.current(), uploadId, parsed, body);
    }
    return ResponseEntity.ok()
        .headers(UploadOffsets.headers(upload.receivedBytes()))
        .body(ok(view(upload)));
  }

  /** Abandons an upload and its bytes. */
  @DeleteMapping(BASE + "/{id}")
  ResponseEntity<Void> abandon(@PathVariable String id) {
    UUID owner = RequestOwner.current();
    UploadSession upload = uploads().status(owner, Ids.parse(id, "Upload"));
    uploads().discard(owner, upload.id());
    blobs.delete(signedKey(upload));
    return ResponseEntity.noContent().build();
  }

  /**
   * Turns a complete upload into a clip source (201, as {@code POST /api/clips/sources}): the
   * chunks gathered here, or the object the client put through the signed URL.
   */
  @PostMapping(BASE + "/{id}/complete")
  ResponseEntity<Map<String, Object>> complete(
      @PathVariable String id,
      @RequestParam(name = "transcript", required = false) MultipartFile transcript) {
    UUID owner = RequestOwner.current();
    UploadSession upload = uploads().status(owner, Ids.parse(id, "Upload"));
    Path folder = temporaryFolder();
    try {
      Path video;
      if (upload.isComplete()) {
        video = uploads().stagedFile(upload);
      } else {
        video = fromStore(upload, folder.resolve("video"));
      }
      Optional<Path> subtitle = Optional.empty();
      if (transcript != null && !transcript.isEmpty()) {
        subtitle = Optional.of(videos.stageTranscript(transcript, folder.resolve("transcript")));
      }
      ClipSource source = videos.fromFile(owner, upload.name(), video, subtitle);
      uploads().discard(owner, upload.id());
      blobs.delete(signedKey(upload));
      return sources.created(source);
    } finally {
      VideoUploads.remove(folder);
    }
  }

  /**
   * The object the client put through the signed URL, copied here; a 409 with the offset when
   * neither that nor every chunk arrived.
   */
  private Path fromStore(UploadSession upload, Path target) {
    String key = signedKey(upload);
    Optional<BlobInfo> object = blobs.head(key);
    if (object.isEmpty()) {
      throw incomplete(upload);
    }
    if (object.get().size() != upload.totalBytes()) {
      throw ReelForgeException.invalidField(
          "size",
          "the stored object has "
              + object.get().size()
              + " bytes, not the "
              + upload.totalBytes()
              + " announced; put the whole file again");
    }
    blobs.get(key, target);
    return target;
  }

  private static ReelForgeException incomplete(UploadSession upload) {
    return new ReelForgeException(
        ErrorCode.CONFLICT,
        "the upload has "
            + upload.receivedBytes()
            + " of its "
            + upload.totalBytes()
            + " bytes: send the file from byte "
            + upload.receivedBytes()
            + " before completing it");
  }

  private Path temporaryFolder() {
    try {
      Files.createDirectories(settings.getStagingDir());
      return Files.createTempDirectory(settings.getStagingDir(), "complete-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage under " + settings.getStagingDir(), e);
    }
  }

  private ChunkedUploads uploads() {
    return chunked.getObject();
  }

  private static String signedKey(UploadSession upload) {
    return ClipKeys.signedUpload(upload.ownerId(), upload.id());
  }

  private static String location(UploadSession upload) {
    return BASE + "/" + upload.id();
  }

  private static Map<String, Object> view(UploadSession upload) {
    return new LinkedHashMap<>(UploadViews.view(upload, location(upload)));
  }

  private static void direct(Map<String, Object> view, SignedUpload signed) {
    view.put("uploadUrl", signed.url().toString());
    view.put("method", signed.method());
    view.put("headers", signed.headers());
    view.put("uploadUrlExpiresAt", signed.expiresAt().toString());
  }
}
