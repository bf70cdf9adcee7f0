package dev.reelforge.bench;

import dev.reelforge.clips.ClipLimits;
import dev.reelforge.clips.ClipMaker;
import dev.reelforge.clips.HighlightRanking;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.core.transcript.WordErrorRate;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.clips.FfmpegClipMedia;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.render.EncoderSettings;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderSettings;
import dev.reelforge.media.vision.FaceInCrop;
import dev.reelforge.media.vision.OpenCvFaceDetector;
import dev.reelforge.providers.transcribe.Sphinx4Transcriber;
import dev.reelforge.testkit.clips.NarratedTalk;
import dev.reelforge.testkit.clips.TalkingHeadVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Long video → clips, end to end, on a talking head generated on the fly (Festival narrating a
 * known text sentence by sentence, the testkit's drawn speaker, scene cuts every 90 s). Prints:
 *
 * <ol>
 *   <li>analysis with the narration's SRT ÷ the source's duration, and FFmpeg decoding the whole
 *       source once ({@code -f null}) as the baseline;
 *   <li>offline Sphinx4 transcription of the speech track ÷ the source's duration;
 *   <li>export (reframe + render at {@code standard}, tiktok) ÷ the exported clips' duration, and
 *       FFmpeg encoding the same spans at the same preset and encoder settings (a fixed centre
 *       crop, no tracking, no captions) as the baseline;
 *   <li>Sphinx4's word error rate on the narration against the known text;
 *   <li>the share of sampled exported frames (2 per second) with the face wholly inside.
 * </ol>
 *
 * <p>{@code bench/run.sh clips [--minutes 10] [--count 3] [--no-sphinx]}
 */
public final class ClipsBenchmark {

  private static final long SCENE_EVERY_MILLIS = 90_000;

  public static void main(String[] args) throws Exception {
    double minutes = 10;
    int count = 3;
    boolean sphinx = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(args[++i]);
        case "--count" -> count = Integer.parseInt(args[++i]);
        case "--no-sphinx" -> sphinx = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    FfmpegInstallation ffmpeg =
        FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
    Path dir = Files.createTempDirectory("reelforge-clips-bench");
    System.out.printf(
        Locale.ROOT,
        "FFmpeg %s (%s), %d processors; source %.1f min%n",
        ffmpeg.version(),
        ffmpeg.origin(),
        Runtime.getRuntime().availableProcessors(),
        minutes);

    long t0 = System.nanoTime();
    NarratedTalk talk =
        NarratedTalk.narrate(
            NarratedTalk.sampleText(), (long) (minutes * 60_000), dir.resolve("narration"));
    Path source = dir.resolve("talk.mp4");
    List<Long> cuts = new ArrayList<>();
    for (long t = SCENE_EVERY_MILLIS; t < talk.durationMillis(); t += SCENE_EVERY_MILLIS) {
      cuts.add(t);
    }
    TalkingHeadVideo.builder()
        .durationMillis(talk.durationMillis())
        .sceneCuts(cuts.stream().mapToLong(Long::longValue).toArray())
        .speech(talk.wav())
        .build()
        .write(source);
    Path srt = talk.writeSrt(dir.resolve("talk.srt"));
    double sourceSeconds = talk.durationMillis() / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "fixture: %.1f s of narration (%d sentences), 1280x720 25 fps, made in %.1f s%n",
        sourceSeconds,
        talk.sentences().size(),
        seconds(t0));

    // Baseline (a): FFmpeg decoding the whole source once.
    long d0 = System.nanoTime();
    FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(30))
        .run("decode", List.of("-i", source.toString(), "-f", "null", "-"), null);
    double decode = seconds(d0);

    // (a) and (c): the clips command's maker with the SRT.
    OpenCvFaceDetector faces = new OpenCvFaceDetector();
    FfmpegClipMedia media = new FfmpegClipMedia(() -> ffmpeg);
    ClipMaker maker =
        new ClipMaker(
            media,
            new Sphinx4Transcriber(),
            faces,
            new RenderEngine(
                ffmpeg, RenderSettings.in(dir.resolve("render")), FontLibrary.shared()),
            HighlightRanking.NONE,
            ClipLimits.DEFAULT,
            Clock.systemUTC());
    ClipMaker.Made made =
        maker.make(
            new ClipMaker.Request(
                source,
                Optional.of(srt),
                count,
                List.of(RenderPreset.TIKTOK.id()),
                15_000,
                60_000,
                "bold-pop",
                "standard",
                dir.resolve("out")),
            (f, m) -> {},
            () -> false);
    double analysis = made.analysis().toMillis() / 1000.0;
    double export = made.export().toMillis() / 1000.0;
    double clipSeconds =
        made.clips().stream().mapToLong(c -> c.endMillis() - c.startMillis()).sum() / 1000.0;

    // Baseline (c): the same spans encoded at the same preset, without reframing or captions.
    EncoderSettings encoder =
        EncoderSettings.choose(ffmpeg, RenderPreset.TIKTOK, QualityTier.STANDARD);
    long e0 = System.nanoTime();
    for (ClipMaker.MadeClip clip : made.clips()) {
      List<String> a = new ArrayList<>();
      a.addAll(
          List.of(
              "-ss",
              String.format(Locale.ROOT, "%.3f", clip.startMillis() / 1000.0),
              "-t",
              String.format(Locale.ROOT, "%.3f", (clip.endMillis() - clip.startMillis()) / 1000.0),
              "-i",
              source.toString(),
              "-vf",
              "crop=ih*9/16:ih,scale=1080:1920,fps=30"));
      a.addAll(encoder.videoArguments());
      a.addAll(EncoderSettings.audioArguments(QualityTier.STANDARD));
      a.addAll(
          List.of(
              "-movflags", "+faststart", dir.resolve("bare-" + clip.rank() + ".mp4").toString()));
      FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(30)).run("bare", a, null);
    }
    double bare = seconds(e0);

    // (e): faces inside the exported frames.
    FaceInCrop measure = new FaceInCrop(media, faces);
    int frames = 0;
    int inside = 0;
    for (ClipMaker.MadeClip clip : made.clips()) {
      Path video =
          clip.files().stream()
              .filter(f -> f.toString().endsWith(".mp4"))
              .findFirst()
              .orElseThrow();
      FaceInCrop.Report report =
          measure.measure(video, clip.endMillis() - clip.startMillis(), 2, 540);
      frames += report.frames();
      inside += report.faceInside();
      System.out.printf(
          Locale.ROOT,
          "  clip %d: %s – %s, %.1f s, score %.2f, face inside %d/%d — %s%n",
          clip.rank(),
          clip.startMillis() / 1000.0,
          clip.endMillis() / 1000.0,
          (clip.endMillis() - clip.startMillis()) / 1000.0,
          clip.score(),
          report.faceInside(),
          report.frames(),
          clip.title());
    }

    System.out.printf(
        Locale.ROOT,
        "%n(a) analysis with SRT   %6.1f s = %.3f× source  (target ≤ 0.3×)%n",
        analysis,
        analysis / sourceSeconds);
    System.out.printf(
        Locale.ROOT,
        "    baseline: decode once %6.1f s = %.3f× source; analysis ÷ decode = %.2f%n",
        decode,
        decode / sourceSeconds,
        analysis / decode);
    System.out.printf(
        Locale.ROOT,
        "(c) export, %d clip(s) of %.1f s in all: %.1f s = %.2f× clip duration%n",
        made.clips().size(),
        clipSeconds,
        export,
        export / clipSeconds);
    System.out.printf(
        Locale.ROOT,
        "    baseline: bare encode %6.1f s = %.2f× clip duration; export ÷ bare = %.2f%n",
        bare,
        bare / clipSeconds,
        export / bare);
    System.out.printf(
        Locale.ROOT,
        "(e) face inside the crop: %d/%d sampled frames = %.3f%n",
        inside,
        frames,
        frames == 0 ? 0 : (double) inside / frames);

    if (sphinx) {
      // (b) and (d): Sphinx4 on the speech track, as the transcript stage runs it.
      Sphinx4Transcriber recogniser = new Sphinx4Transcriber();
      recogniser.warmUp();
      long s0 = System.nanoTime();
      Transcript heard =
          recogniser.transcribe(
              new TranscriptionRequest(talk.wav(), "en-US", talk.durationMillis()), m -> {});
      double transcription = seconds(s0);
      WordErrorRate wer = WordErrorRate.between(talk.text(), heard.text());
      System.out.printf(
          Locale.ROOT,
          "(b) Sphinx4 transcription %6.1f s = %.2f× source%n",
          transcription,
          transcription / sourceSeconds);
      System.out.printf(
          Locale.ROOT,
          "(d) Sphinx4 WER %.3f (%d substitutions, %d deletions, %d insertions of %d words)%n",
          wer.rate(),
          wer.substitutions(),
          wer.deletions(),
          wer.insertions(),
          wer.referenceWords());
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private ClipsBenchmark() {}
}
