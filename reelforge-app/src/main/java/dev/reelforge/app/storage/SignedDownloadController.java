package dev.reelforge.app.storage;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.ContentTypes;
import dev.reelforge.storage.local.LocalBlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /blobs/{key}?expires=…&signature=…}: the local store's signed downloads. The signature
 * is the credential (no session or token), so the links work in a video player, a download manager
 * or a publishing service. A wrong or expired link answers 404. Range requests are answered, so
 * players can seek. With S3 or Azure the signed URLs point at the store itself and this route
 * answers 404. {@code name=} (outside the signature, see {@link NamedDownloads}) saves the file
 * under that name.
 */
@RestController
public class SignedDownloadController {

  private final BlobStore store;

  public SignedDownloadController(BlobStore store) {
    this.store = store;
  }

  @GetMapping(LocalBlobStore.ROUTE + "{*key}")
  ResponseEntity<Resource> download(
      @PathVariable String key,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature,
      @RequestParam(required = false) String name) {
    String stripped = key.startsWith("/") ? key.substring(1) : key;
    if (!(store instanceof LocalBlobStore local)) {
      throw ReelForgeException.notFound("File", stripped);
    }
    if (expires == null || signature == null || !local.verify(stripped, expires, signature)) {
      // 404 rather than 403: a wrong link reveals nothing about which keys exist.
      throw new ReelForgeException(
          ErrorCode.RESOURCE_NOT_FOUND,
          "this download link is not valid or has expired; ask for a new one");
    }
    Path file = local.localPath(stripped).orElseThrow();
    if (!Files.isRegularFile(file)) {
      throw ReelForgeException.notFound("File", stripped);
    }
    if (name != null && !NamedDownloads.isName(name, stripped)) {
      throw ReelForgeException.invalidField("name", NamedDownloads.RULE);
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    if (name != null) {
      // Saved under the video's name; without one a player shows the file in place.
      answer.header(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(name).build().toString());
    }
    return answer
        .contentType(MediaType.parseMediaType(ContentTypes.of(stripped)))
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
        .body(new FileSystemResource(file));
  }
}
