package dev.reelforge.clips;

import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.error.ReelForgeException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a clip source's files are on this machine, and how they reach the other machines — the
 * shape of the story's folders. The job engine may run each stage on another worker, so a stage
 * pulls the source's folder before it runs and pushes what it wrote after it succeeded; with local
 * folders (the command line, a single server on a local store) both do nothing.
 *
 * <p>A source's folder holds the video and the subtitle file the user gave at the top, named by the
 * source's {@link ClipSource#fileKey() fileKey} and {@link ClipSource#subtitleKey() subtitleKey}
 * (names inside the folder, so that they stay true wherever the folder is), the analysis's and
 * renders' working files under {@value #WORK}, and each export's clips, thumbnails and captions
 * under {@value #EXPORTS}{@code /{exportId}}. In the blob store the folder is {@link
 * ClipKeys#sourcePrefix}.
 */
public interface ClipFiles {

  /** The folder of working files: mirrored for the next stage, kept for a shorter time. */
  String WORK = ".work";

  /** The folder of exports, one folder per export: what users download. */
  String EXPORTS = "exports";

  /** The source's folder on this machine (it may not exist yet). */
  Path folder(UUID ownerId, UUID sourceId);

  /** Brings this machine's copy up to date; answers how many files came in. */
  int pull(UUID ownerId, UUID sourceId);

  /** Stores what changed here for the other machines; answers how many files went out. */
  int push(UUID ownerId, UUID sourceId);

  /**
   * Deletes the source's files, stored and on this machine; answers whether there were any.
   * Deleting a source that has none is not an error.
   */
  boolean delete(UUID ownerId, UUID sourceId);

  /** The source's video on this machine. */
  default Path video(ClipSource source) {
    return inFolder(source, source.fileKey());
  }

  /** The subtitle file the user gave with the source, when any. */
  default Optional<Path> subtitles(ClipSource source) {
    return source.subtitleKey().map(key -> inFolder(source, key));
  }

  /** The source's working folder. */
  default Path work(ClipSource source) {
    return folder(source.ownerId(), source.id()).resolve(WORK);
  }

  /** The folder of one export's files. */
  default Path export(ClipSource source, UUID exportId) {
    return folder(source.ownerId(), source.id()).resolve(EXPORTS).resolve(exportId.toString());
  }

  /**
   * A name inside the source's folder as a path.
   *
   * @throws ReelForgeException INVALID_INPUT when the name would lead out of the folder
   */
  private Path inFolder(ClipSource source, String name) {
    Path folder = folder(source.ownerId(), source.id()).toAbsolutePath().normalize();
    Path file = folder.resolve(name).normalize();
    if (name.isEmpty() || !file.startsWith(folder) || file.equals(folder)) {
      throw ReelForgeException.invalidField(
          "fileKey", "'" + name + "' is not a file name inside the source's folder");
    }
    return file;
  }
}
