package dev.reelforge.clips;

import dev.reelforge.clips.ExportOutputs.ExportedClip;
import dev.reelforge.clips.ExportOutputs.ExportedFile;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.vision.FaceDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Cuts a long video into clips for the {@code clips} command: the clips pipelines on a job engine
 * inside this process ({@link InProcessClips}), so the command runs the very stages the servers
 * run. Work files go into a folder inside the output folder, deleted when the command ends; each
 * clip's video, thumbnail and SRT/VTT per format are copied out as {@code clip-01-tiktok.mp4} and
 * so on, with {@code clips.json} describing them.
 */
public final class ClipMaker {

  /** The work folder inside the output folder, while the command runs. */
  public static final String WORK_DIR = ".clips-work";

  /**
   * What to make.
   *
   * @param video the long video
   * @param subtitle its SRT/VTT, used instead of speech recognition
   * @param count how many clips at most
   * @param formats render preset ids
   * @param minMillis shortest clip
   * @param maxMillis longest clip
   * @param captionStyle the caption look
   * @param quality draft, standard or high
   * @param out where the clips go
   */
  public record Request(
      Path video,
      Optional<Path> subtitle,
      int count,
      List<String> formats,
      long minMillis,
      long maxMillis,
      String captionStyle,
      String quality,
      Path out) {

    public Request {
      Objects.requireNonNull(video, "video");
      subtitle = Objects.requireNonNullElse(subtitle, Optional.empty());
      formats = List.copyOf(formats);
      Objects.requireNonNull(out, "out");
    }
  }

  /** One clip made, with its files in the output folder. */
  public record MadeClip(
      int rank,
      String title,
      double score,
      List<String> reasons,
      long startMillis,
      long endMillis,
      List<Path> files) {}

  /** What the command made and how long each half took. */
  public record Made(
      List<MadeClip> clips, String transcriptEngine, Duration analysis, Duration export) {}

  private final ClipMedia media;
  private final Transcriber transcriber;
  private final FaceDetector faces;
  private final Renderer renderer;
  private final HighlightRanking ranking;
  private final ClipLimits limits;
  private final Clock clock;

  public ClipMaker(
      ClipMedia media,
      Transcriber transcriber,
      FaceDetector faces,
      Renderer renderer,
      HighlightRanking ranking,
      ClipLimits limits,
      Clock clock) {
    this.media = media;
    this.transcriber = transcriber;
    this.faces = faces;
    this.renderer = renderer;
    this.ranking = ranking;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Analyses the video and exports its best clips.
   *
   * @param progress told each new report: the share done of the current run and what it does
   * @param stop asked now and then whether to stop (Ctrl-C)
   */
  public Made make(Request request, BiConsumer<Double, String> progress, BooleanSupplier stop) {
    if (!Files.isRegularFile(request.video())) {
      throw ReelForgeException.invalidField("file", "no file at " + request.video());
    }
    Path work = request.out().resolve(WORK_DIR);
    try {
      Files.createDirectories(request.out());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the output folder " + request.out(), e);
    }
    try (InProcessClips engine =
        new InProcessClips(media, transcriber, faces, renderer, ranking, limits, work, clock)) {
      Clips clips = engine.clips();
      ClipSource source =
          clips.addSource(
              InProcessClips.LOCAL_OWNER,
              request.video().getFileName().toString(),
              request.video(),
              request.subtitle());
      long started = System.nanoTime();
      RunRecord analysis =
          clips.analyze(
              InProcessClips.LOCAL_OWNER,
              source.id(),
              new Clips.AnalysisRequest(
                  request.minMillis(),
                  request.maxMillis(),
                  Math.min(request.count(), HighlightOptions.DEFAULT.minCount()),
                  request.count()),
              Optional.empty());
      engine.await(analysis.id(), progress, stop);
      Duration analysed = Duration.ofNanos(System.nanoTime() - started);
      List<ClipCandidate> candidates = clips.candidates(InProcessClips.LOCAL_OWNER, source.id());
      if (candidates.isEmpty()) {
        throw ReelForgeException.invalidField(
            "file", "no clip of the asked length was found: the video has too few sentences");
      }
      started = System.nanoTime();
      ClipExport export =
          clips.exportClips(
              InProcessClips.LOCAL_OWNER,
              source.id(),
              new Clips.ExportRequest(
                  candidates.stream().map(ClipCandidate::id).toList(),
                  request.formats(),
                  request.captionStyle(),
                  request.quality()),
              Optional.empty());
      engine.await(export.runId(), progress, stop);
      Duration exported = Duration.ofNanos(System.nanoTime() - started);
      List<MadeClip> made =
          copyOut(engine, clips.exported(export).orElseThrow(), candidates, request.out());
      String engineName =
          clips
              .source(InProcessClips.LOCAL_OWNER, source.id())
              .transcript()
              .map(t -> t.engine() + (t.version().isEmpty() ? "" : " " + t.version()))
              .orElse("?");
      ClipsJson.writeFile(
          request.out().resolve("clips.json"),
          made.stream().map(c -> summary(c, request.out())).toList());
      return new Made(made, engineName, analysed, exported);
    } finally {
      Scratch.delete(work);
    }
  }

  private static List<MadeClip> copyOut(
      InProcessClips engine,
      ExportOutputs.Exported exported,
      List<ClipCandidate> candidates,
      Path out) {
    List<MadeClip> made = new ArrayList<>();
    for (ExportedClip clip : exported.clips()) {
      List<Path> copied = new ArrayList<>();
      for (ExportedFile file : clip.files()) {
        for (String key :
            List.of(file.videoKey(), file.thumbnailKey(), file.srtKey(), file.vttKey())) {
          if (!key.isEmpty()) {
            copied.add(copy(engine, key, out));
          }
        }
      }
      ClipCandidate candidate =
          candidates.stream()
              .filter(c -> c.id().equals(clip.candidateId()))
              .findFirst()
              .orElseThrow();
      made.add(
          new MadeClip(
              clip.rank(),
              clip.title(),
              candidate.score(),
              candidate.reasons(),
              clip.startMillis(),
              clip.endMillis(),
              copied));
    }
    return made;
  }

  private static Path copy(InProcessClips engine, String key, Path out) {
    Path source = engine.files().local(key, out);
    Path target = out.resolve(source.getFileName().toString());
    try {
      return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + target, e);
    }
  }

  /** One entry of {@code clips.json}: file names relative to the output folder. */
  private record Summary(
      int rank,
      String title,
      double score,
      List<String> reasons,
      long startMillis,
      long endMillis,
      List<String> files) {}

  private static Summary summary(MadeClip clip, Path out) {
    return new Summary(
        clip.rank(),
        clip.title(),
        clip.score(),
        clip.reasons(),
        clip.startMillis(),
        clip.endMillis(),
        clip.files().stream().map(f -> out.relativize(f).toString()).toList());
  }
}
