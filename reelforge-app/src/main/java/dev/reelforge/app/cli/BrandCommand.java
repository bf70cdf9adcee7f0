package dev.reelforge.app.cli;

import dev.reelforge.app.brand.BrandUploads;
import dev.reelforge.app.brand.CheckedUpload;
import dev.reelforge.brand.BrandDirector;
import dev.reelforge.brand.BrandJson;
import dev.reelforge.brand.BrandVideos;
import dev.reelforge.brand.DirectorState;
import dev.reelforge.brand.Scene;
import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.render.Cancellation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code reelforge brand IMAGE}: the brand director on an in-process engine ({@link
 * InProcessBrand}), offline unless a vendor's key is set. The picture gets the upload route's
 * checks, then its analysis is printed (palette, scores, flag), a storyboard is directed and its
 * scenes printed with their previews written to the output folder; with {@code --auto-approve}
 * every scene is approved GREEN, production approved, and the finished brand videos (9:16, 16:9,
 * 1:1) and their thumbnails written beside them. Nothing is kept once the command ends: the stores
 * live in memory. Ctrl-C cancels the work.
 */
final class BrandCommand {

  /** The stores and scratch files, inside the output folder while the command runs. */
  static final String WORK_DIR = ".brand-work";

  private static final long POLL_MILLIS = 200;

  private final PrintStream out;
  private final PrintStream err;

  BrandCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(BrandOptions options, BrandUploads uploads, InProcessBrand.Parts parts, Clock clock) {
    Path work = options.folder().resolve(WORK_DIR + "-" + UUID.randomUUID());
    try (CancelOnShutdown interrupt = new CancelOnShutdown("brand-cancel");
        InProcessBrand brand = new InProcessBrand(parts, work, clock)) {
      Files.createDirectories(work);
      return run(options, uploads, brand, interrupt.cancellation(), work);
    } catch (CancellationException e) {
      err.println("reelforge: stopped");
      return 130;
    } catch (ReelForgeException e) {
      err.println("reelforge: " + e.getMessage());
      for (FieldViolation violation : e.violations()) {
        err.println("  " + violation.field() + ": " + violation.message());
      }
      return e.code() == ErrorCode.INVALID_INPUT || e.code() == ErrorCode.VALIDATION_FAILED
          ? Cli.EXIT_USAGE
          : 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(work);
    }
  }

  private int run(
      BrandOptions options,
      BrandUploads uploads,
      InProcessBrand brand,
      Cancellation stop,
      Path work)
      throws IOException {
    BrandDirector director = brand.director();
    UUID owner = InProcessBrand.LOCAL_OWNER;
    out.println("Analysing " + options.image());
    VisionJob uploaded = director.upload(owner, checked(options, uploads, work)).job();
    VisionJob job =
        await(
            brand,
            stop,
            uploaded.runId().orElseThrow(),
            () -> director.job(owner, uploaded.id()),
            j -> j.status().finished());
    printAnalysis(job);
    if (job.status() == VisionStatus.FLAGGED) {
      err.println(
          "reelforge: the picture was flagged by the integrity filter: "
              + job.flaggedReason().orElse("integrity below 0.4")
              + "; use a clearer picture");
      return 1;
    }
    if (job.status() == VisionStatus.FAILED) {
      err.println("reelforge: the analysis failed: " + job.errorMessage().orElse("unknown error"));
      return 1;
    }

    Storyboard board =
        director.init(
            owner,
            new BrandDirector.InitRequest(
                job.id(), false, options.engine(), options.stylePreset()));
    out.printf(
        "%nDirecting a storyboard; production engine %s (%s)%n",
        board.productionEngine(), board.routingReason());
    UUID runId = board.runId().orElseThrow();
    DirectorState state =
        await(
            brand,
            stop,
            runId,
            () -> director.state(owner, board.id()),
            s ->
                s.storyboard().status() == DirectorStatus.FAILED
                    || (s.storyboard().status() == DirectorStatus.REVIEW
                        && s.scenes().stream().allMatch(Scene::settled)));
    if (state.storyboard().status() == DirectorStatus.FAILED) {
      err.println(
          "reelforge: the storyboard failed: " + state.storyboard().errorMessage().orElse(""));
      return 1;
    }
    printScenes(brand, state, options.folder());
    if (!options.autoApprove()) {
      out.println(
          "\nReview the previews; run again with --auto-approve to approve every scene and"
              + " produce the videos (or use the dashboard's Director page on a server).");
      return 0;
    }

    for (Scene scene : state.scenes()) {
      director.approveScene(owner, scene.id());
    }
    director.approveProduction(owner, board.id());
    out.println("\nEvery scene GREEN; production approved.");
    state =
        await(
            brand,
            stop,
            runId,
            () -> director.state(owner, board.id()),
            s ->
                s.storyboard().status() == DirectorStatus.COMPLETED
                    || s.storyboard().status() == DirectorStatus.FAILED
                    || s.moderation().isPresent());
    if (state.moderation().isPresent()) {
      // The command has no operator to ask: a held storyboard stops here, nothing spent.
      err.println("reelforge: the moderation gate holds the storyboard before production:");
      state.moderation().get().findings().forEach(f -> err.println("  " + f.describe()));
      brand.jobs().cancel(runId, "moderation gate");
      return 1;
    }
    if (state.storyboard().status() != DirectorStatus.COMPLETED) {
      err.println("reelforge: production failed: " + state.storyboard().errorMessage().orElse(""));
      return 1;
    }
    for (Scene scene : state.scenes()) {
      out.printf(
          Locale.ROOT,
          "  scene %d: clip by %s%s%n",
          scene.sequenceIndex() + 1,
          scene.engineUsed(),
          Boolean.TRUE.equals(scene.fallbackTriggered()) ? " (a fallback)" : "");
    }
    BrandVideos result =
        BrandJson.read(state.storyboard().resultJson().orElseThrow(), BrandVideos.class);
    out.println("Finished brand videos:");
    for (BrandVideos.Video video : result.videos()) {
      String shape = video.aspectRatio().replace(':', 'x');
      Path file = options.folder().resolve("brand-" + shape + ".mp4");
      Path thumb = options.folder().resolve("brand-" + shape + ".jpg");
      brand.files().get(video.videoKey(), file);
      brand.files().get(video.thumbnailKey(), thumb);
      out.printf(
          Locale.ROOT,
          "  %-5s %s (%d×%d, %.1f s) · thumbnail %s%n",
          video.aspectRatio(),
          file,
          video.width(),
          video.height(),
          video.durationMillis() / 1000.0,
          thumb);
    }
    return 0;
  }

  /** The picture through the upload route's checks, as the director takes it. */
  private static BrandDirector.Upload checked(BrandOptions options, BrandUploads uploads, Path work)
      throws IOException {
    byte[] bytes = Files.readAllBytes(options.image());
    Path folder = Files.createDirectories(work.resolve("upload"));
    CheckedUpload checked =
        uploads.fromJson(
            new BrandUploads.FileUpload(
                options.image().getFileName().toString(),
                options.mimeType(),
                (long) bytes.length,
                Base64.getEncoder().encodeToString(bytes)),
            folder);
    String stored = checked.storedFilename();
    String extension = stored.substring(stored.lastIndexOf('.') + 1);
    Path original = Files.write(folder.resolve("original." + extension), checked.bytes());
    return new BrandDirector.Upload(
        checked.originalFilename(),
        checked.storedFilename(),
        checked.mimeType(),
        checked.size(),
        checked.sha256(),
        extension,
        original,
        checked.normalisedPng());
  }

  /**
   * Reads {@code read} until {@code done} says so, printing each stage's new progress; a run that
   * failed is told to the director (as the server's run follower does), Ctrl-C cancels it.
   */
  private <T> T await(
      InProcessBrand brand,
      Cancellation stop,
      UUID runId,
      java.util.function.Supplier<T> read,
      Predicate<T> done) {
    Map<String, String> said = new HashMap<>();
    while (true) {
      if (stop.isCancelled()) {
        brand.jobs().cancel(runId, "brand");
        throw new CancellationException("stopped");
      }
      T value = read.get();
      if (done.test(value)) {
        return value;
      }
      RunRecord run = brand.jobs().run(runId);
      for (TaskRecord task : brand.jobs().tasks(runId)) {
        String line =
            String.format(
                Locale.ROOT,
                "  %-16s %3d %%  %s",
                task.stage(),
                (int) Math.floor(task.progress() * 100),
                task.progressMessage().orElse(""));
        if (task.progressMessage().isPresent() && !line.equals(said.get(task.stage()))) {
          said.put(task.stage(), line);
          err.println(line);
        }
      }
      if (run.status().isTerminal()) {
        brand.director().runEnded(run);
        T last = read.get();
        if (done.test(last)) {
          return last;
        }
        throw new ReelForgeException(
            ErrorCode.INTERNAL_ERROR,
            "the work ended "
                + run.status().name().toLowerCase(Locale.ROOT)
                + run.error().map(e -> ": " + e.message()).orElse(""));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        brand.jobs().cancel(runId, "brand");
        throw new CancellationException("interrupted");
      }
    }
  }

  private void printAnalysis(VisionJob job) {
    if (job.analysisJson().isEmpty()) {
      return;
    }
    BrandAnalysis a = BrandJson.read(job.analysisJson().get(), BrandAnalysis.class);
    out.println("Palette:");
    for (BrandAnalysis.PaletteColour c : a.palette()) {
      out.printf(
          Locale.ROOT,
          "  %s  %3.0f %%  %s%n",
          c.hex(),
          c.share() * 100,
          c.role().name().toLowerCase(Locale.ROOT));
    }
    Scores s = a.scores();
    out.printf(
        Locale.ROOT,
        "Scores: physics %.2f · vibe %.2f · logic %.2f · integrity %.2f%n",
        s.physics(),
        s.vibe(),
        s.logic(),
        s.integrity());
    BrandAnalysis.Look l = a.look();
    out.printf(
        Locale.ROOT,
        "Look: brightness %.2f · contrast %.2f · saturation %.2f%n",
        l.brightness(),
        l.contrast(),
        l.saturation());
    out.println(
        "Text: "
            + (a.text().present()
                ? (a.text().text().isBlank() ? "present, not read" : "“" + a.text().text() + "”")
                : "none"));
    out.println(
        "Flag: " + a.flaggedReason().map(r -> "FLAGGED — " + r).orElse("none (integrity ok)"));
    out.println("Brand essence: " + a.brandEssencePrompt());
  }

  /** Prints the scenes and writes their previews as scene-N.png into the output folder. */
  private void printScenes(InProcessBrand brand, DirectorState state, Path folder) {
    out.println("Storyboard:");
    for (Scene scene : state.scenes()) {
      int number = scene.sequenceIndex() + 1;
      Path preview = folder.resolve("scene-" + number + ".png");
      brand.files().get(scene.previewKey(), preview);
      out.printf("  scene %d: %s%n", number, scene.cinematographyPrompt());
      out.printf(
          "           camera: %s; lighting: %s%n", scene.cameraMovement(), scene.lightingNotes());
      out.printf("           invariant: %s; preview: %s%n", scene.invariantToken(), preview);
    }
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Scratch space inside the output folder; what is left is never read again.
    }
  }
}
