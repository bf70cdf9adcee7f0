package dev.reelforge.app.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where outputs and uploads are stored ({@code reelforge.storage.*}). */
@ConfigurationProperties("reelforge.storage")
@Validated
public class StorageSettings {

  public static final String DEFAULT_LOCAL_ROOT = "./data/blobs";

  /** Folder of the local blob store: rendered videos, thumbnails, captions and uploads. */
  @NotNull private Path localRoot = Path.of(DEFAULT_LOCAL_ROOT);

  public Path getLocalRoot() {
    return localRoot;
  }

  public void setLocalRoot(Path localRoot) {
    this.localRoot = localRoot;
  }
}
