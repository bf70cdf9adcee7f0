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

  /** Whether {@code fileName} may name a download. */
  public static boolean isName(String fileName) {
    return NAME.matcher(fileName).matches();
  }

  /** {@code signed}, saving as {@code fileName} where the store's links allow it. */
  public URI named(URI signed, String fileName) {
    if (!(store instanceof LocalBlobStore) || !NAME.matcher(fileName).matches()) {
      return signed;
    }
    return URI.create(signed + "&name=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8));
  }
}
