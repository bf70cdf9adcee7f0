package dev.reelforge.app.brand;

import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.brand.BrandDirector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * An upload from check to vision job: {@link BrandUploads} checks it into a scratch folder of its
 * own under the work root, the director stores the picture and its normalised PNG as blobs and
 * starts the analysis, and the scratch folder goes, whatever happened.
 */
@Component
public final class StagedUploads {

  private final BrandUploads uploads;
  private final BrandDirector director;
  private final Path root;

  StagedUploads(BrandUploads uploads, BrandDirector director, StorageSettings storage) {
    this.uploads = uploads;
    this.director = director;
    this.root = storage.getWorkRoot().resolve("brand").resolve("uploads");
  }

  /** A multipart part {@code file} (the API's upload and the dashboard's upload form). */
  public BrandDirector.Uploaded fromMultipart(UUID owner, MultipartFile file) {
    Path folder = folder();
    try {
      return store(owner, uploads.fromMultipart(file, folder), folder);
    } finally {
      remove(folder);
    }
  }

  BrandDirector.Uploaded fromJson(UUID owner, BrandUploads.FileUpload body) {
    Path folder = folder();
    try {
      return store(owner, uploads.fromJson(body, folder), folder);
    } finally {
      remove(folder);
    }
  }

  private BrandDirector.Uploaded store(UUID owner, CheckedUpload checked, Path folder) {
    Path original = folder.resolve("original." + checked.type().extension());
    try {
      Files.write(original, checked.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the upload in " + folder, e);
    }
    return director.upload(
        owner,
        new BrandDirector.Upload(
            checked.originalFilename(),
            checked.storedFilename(),
            checked.mimeType(),
            checked.size(),
            checked.sha256(),
            checked.type().extension(),
            original,
            checked.normalisedPng()));
  }

  private Path folder() {
    Path folder = root.resolve(UUID.randomUUID().toString());
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the upload folder " + folder, e);
    }
  }

  /** Removes a scratch folder; one left behind costs disk space, not correctness. */
  private static void remove(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Scratch space only: what is left is never read again.
    }
  }
}
