package dev.reelforge.app.storage;

import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.storage.local.LocalBlobStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Signed links that save under a person's name for the file ({@code the-moon-tiktok.mp4}) rather
 * than the stored one. The local store's links are the app's own route, which takes the name as
 * {@code name=} and answers it in {@code Content-Disposition}; the name is outside the signature,
 * since changing it changes nothing but what the holder's own download is called, and it is held to
 * a safe alphabet. S3 and Azure links are signed over their whole query: they keep the stored name.
 */
@Component
public class NamedDownloads {

  /** What a download name may be: no path, no quotes, nothing a header could be split on. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,119}");

  private final BlobStore store;

  public NamedDownloads(BlobStore store) {
    this.store = store;
  }

  /** What a refused name is told. */
  public static final String RULE =
      "a file name of lower-case letters, digits, dots, hyphens and underscores, with the stored"
          + " file's extension";

  /**
   * Whether {@code fileName} may name the download of the stored file {@code storedName}: the safe
   * alphabet, and the same extension, so that a link cannot be renamed into a page or a program
   * (the captions hold words a user wrote).
   */
  public static boolean isName(String fileName, String storedName) {
    return NAME.matcher(fileName).matches()
        && extension(fileName).equals(extension(storedName).toLowerCase(java.util.Locale.ROOT));
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return dot > slash ? name.substring(dot + 1) : "";
  }

  /** {@code signed}, saving as {@code fileName} where the store's links allow it. */
  public URI named(URI signed, String fileName) {
    if (!(store instanceof LocalBlobStore) || !isName(fileName, signed.getPath())) {
      return signed;
    }
    return URI.create(signed + "&name=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8));
  }
}
