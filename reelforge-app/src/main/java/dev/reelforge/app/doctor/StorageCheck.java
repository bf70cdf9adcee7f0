package dev.reelforge.app.doctor;

import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Checks that the local blob store folder exists (or can be created) and is writable. */
@Component
@Order(4)
class StorageCheck implements DiagnosticCheck {

  private final StorageSettings settings;

  StorageCheck(StorageSettings settings) {
    this.settings = settings;
  }

  @Override
  public List<Finding> check() {
    Path root = settings.getLocalRoot().toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
      Path probe = Files.createTempFile(root, ".doctor-", ".tmp");
      Files.delete(probe);
      long free = Files.getFileStore(root).getUsableSpace();
      return List.of(
          Finding.ok(
              "blob store",
              "local folder "
                  + root
                  + " (writable, "
                  + free / (1024 * 1024 * 1024)
                  + " GiB free)"));
    } catch (IOException | SecurityException e) {
      return List.of(
          Finding.fail(
              "blob store",
              "local folder " + root + " is not writable: " + e.getMessage(),
              "make it writable or choose another with REELFORGE_STORAGE_LOCALROOT"));
    }
  }
}
