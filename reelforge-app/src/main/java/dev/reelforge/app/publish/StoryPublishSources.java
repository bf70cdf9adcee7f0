package dev.reelforge.app.publish;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.publish.PublishSources;
import dev.reelforge.publish.RunCopy;
import dev.reelforge.publish.SourceMedia;
import dev.reelforge.story.SessionFolders;
import dev.reelforge.story.StoryJson;
import dev.reelforge.story.StoryOutputs;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.session.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A story run's finished files for publishing: its manifest names each format's video, thumbnail
 * and captions; they are pulled from the store into the session's folder and copied into a scratch
 * folder for the upload (a cleanup of the session's working copy cannot pull them away mid-upload).
 * The public URL a platform fetches from is the video's signed download link, when it is absolute
 * ({@code reelforge.storage.public-url} set, or a cloud store's presigned URL).
 */
final class StoryPublishSources implements PublishSources {

  private final Supplier<JobService> jobs;
  private final Supplier<SessionFolders> folders;
  private final Path scratch;
  private final Duration publicUrlTtl;

  StoryPublishSources(
      Supplier<JobService> jobs,
      Supplier<SessionFolders> folders,
      Path scratch,
      Duration publicUrlTtl) {
    this.jobs = jobs;
    this.folders = folders;
    this.scratch = scratch;
    this.publicUrlTtl = publicUrlTtl;
  }

  @Override
  public List<String> formats(UUID ownerId, UUID runId) {
    return manifest(ownerId, runId)
        .map(m -> m.outputs().stream().map(StoryOutputs.OutputFile::format).toList())
        .orElse(List.of());
  }

  @Override
  public Optional<RunCopy> copy(UUID ownerId, UUID runId) {
    Optional<RunRecord> run = finishedStory(ownerId, runId);
    return run.flatMap(StoryJson::resultIfAny)
        .map(
            m ->
                new RunCopy(
                    slug(m.title()),
                    RunFiles.title(run.get()).orElse(m.title()),
                    String.join(" ", m.sentences()),
                    m.script() == null ? "" : m.script().description(),
                    m.script() == null ? List.of() : m.script().hashtags()));
  }

  @Override
  public Optional<Lease> open(UUID ownerId, UUID runId, String format) {
    Optional<RunRecord> run = finishedStory(ownerId, runId);
    Optional<String> session = run.flatMap(RunFiles::sessionId);
    Optional<StoryOutputs.OutputFile> output =
        run.flatMap(StoryJson::resultIfAny).stream()
            .flatMap(m -> m.outputs().stream())
            .filter(o -> o.format().equals(format))
            .findFirst();
    if (session.isEmpty() || output.isEmpty()) {
      return Optional.empty();
    }
    SessionFolders store = folders.get();
    store.pull(session.get());
    Path folder = store.folder(session.get());
    try {
      Files.createDirectories(scratch);
      Path copy = Files.createTempDirectory(scratch, "publish-");
      StoryOutputs.OutputFile files = output.get();
      Path video = copied(folder, files.video(), copy).orElseThrow(() -> missing(files.video()));
      Optional<Path> thumbnail = copied(folder, files.thumbnail(), copy);
      List<Path> captions = new ArrayList<>();
      copied(folder, files.srt(), copy).ifPresent(captions::add);
      copied(folder, files.vtt(), copy).ifPresent(captions::add);
      Optional<URI> publicUrl =
          store.downloadUrl(session.get(), files.video(), publicUrlTtl).filter(URI::isAbsolute);
      SourceMedia media = new SourceMedia(video, thumbnail, captions, publicUrl);
      return Optional.of(new ScratchLease(media, copy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ReelForgeException missing(String name) {
    return new ReelForgeException(
        ErrorCode.RESOURCE_NOT_FOUND,
        "the run's file " + name + " is no longer stored (its retention ran out?)",
        false,
        List.of(),
        null);
  }

  private static Optional<Path> copied(Path folder, String name, Path into) throws IOException {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    Path source = folder.resolve(name).normalize();
    if (!source.startsWith(folder) || !Files.isRegularFile(source)) {
      return Optional.empty();
    }
    return Optional.of(Files.copy(source, into.resolve(source.getFileName())));
  }

  private Optional<StoryOutputs.ManifestOutput> manifest(UUID ownerId, UUID runId) {
    return finishedStory(ownerId, runId)
        .filter(r -> RunFiles.sessionId(r).isPresent())
        .flatMap(StoryJson::resultIfAny);
  }

  private Optional<RunRecord> finishedStory(UUID ownerId, UUID runId) {
    try {
      RunRecord run = jobs.get().run(runId);
      return run.ownerId().equals(ownerId)
              && run.kind().equals(StoryPipeline.KIND)
              && run.status() == RunStatus.SUCCEEDED
          ? Optional.of(run)
          : Optional.empty();
    } catch (ReelForgeException e) {
      return Optional.empty();
    }
  }

  private static String slug(String title) {
    String slug =
        title == null
            ? ""
            : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "video" : slug;
  }

  /** The scratch copy of one upload, deleted when the upload is done. */
  private record ScratchLease(SourceMedia media, Path folder) implements Lease {
    @Override
    public void close() {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A scratch folder left behind is removed with the work folder's cache; nothing is lost.
      }
    }
  }
}
