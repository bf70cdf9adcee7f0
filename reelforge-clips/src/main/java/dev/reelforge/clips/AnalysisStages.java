package dev.reelforge.clips;

import dev.reelforge.clips.AnalysisOutputs.Found;
import dev.reelforge.clips.AnalysisOutputs.Ingested;
import dev.reelforge.clips.AnalysisOutputs.Measured;
import dev.reelforge.clips.AnalysisOutputs.Signals;
import dev.reelforge.clips.AnalysisOutputs.Transcribed;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.LoudnessCurve;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.transcript.Subtitles;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptionRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The analysis run's stages: ingest (the speech track) → transcript and signals side by side →
 * highlights. Each reads the run's {@link AnalysisInput} and its dependencies' outputs, and keeps
 * what the next stage needs in {@link ClipFiles}.
 */
final class AnalysisStages {

  /** Loudness is measured per 100 ms: fine enough for delivery, small for a 3-hour source. */
  static final long LOUDNESS_STEP_MILLIS = 100;

  /** FFmpeg {@code scdet} score above which a frame starts a new scene. */
  static final double SCENE_THRESHOLD = 10;

  private final ClipFiles files;
  private final ClipMedia media;
  private final Transcriber transcriber;
  private final ClipStore store;
  private final Path scratchRoot;
  private final HighlightRanking ranking;
  private final Clock clock;

  AnalysisStages(
      ClipFiles files,
      ClipMedia media,
      Transcriber transcriber,
      ClipStore store,
      Path scratchRoot,
      HighlightRanking ranking,
      Clock clock) {
    this.files = files;
    this.media = media;
    this.transcriber = transcriber;
    this.store = store;
    this.scratchRoot = scratchRoot;
    this.ranking = ranking;
    this.clock = clock;
  }

  StageResult ingest(StageContext ctx) {
    AnalysisInput in = ClipsJson.read(ctx.inputs(), AnalysisInput.class);
    if (in.subtitleKey().isPresent()) {
      // The user's transcript replaces speech recognition: no speech track is needed (and a
      // silent video, accepted with its transcript, has none to give).
      return done(new Ingested(""));
    }
    String speechKey = ClipKeys.analysis(ctx.ownerId(), in.sourceId(), ctx.runId(), "speech.wav");
    try (Scratch scratch = Scratch.under(scratchRoot, ctx.runId(), ctx.stage());
        CancelBridge cancel = new CancelBridge(ctx)) {
      ctx.progress(0.1, "reading the source's audio");
      Path video = files.local(in.videoKey(), scratch.folder());
      Path wav = scratch.file("speech.wav");
      media.extractSpeech(video, wav, cancel.cancellation());
      files.put(speechKey, wav);
    }
    return done(new Ingested(speechKey));
  }

  StageResult transcript(StageContext ctx) {
    AnalysisInput in = ClipsJson.read(ctx.inputs(), AnalysisInput.class);
    Ingested ingested = dependency(ctx, ClipPipelines.INGEST, Ingested.class);
    String key = ClipKeys.analysis(ctx.ownerId(), in.sourceId(), ctx.runId(), "transcript.json");
    Transcript transcript;
    try (Scratch scratch = Scratch.under(scratchRoot, ctx.runId(), ctx.stage())) {
      if (in.subtitleKey().isPresent()) {
        ctx.progress(0.2, "reading your transcript");
        Path subtitle = files.local(in.subtitleKey().get(), scratch.folder());
        transcript = Subtitles.parse(text(subtitle)).toTranscript(in.language());
      } else {
        ctx.progress(0.01, "recognising speech with " + transcriber.name());
        Path wav = files.local(ingested.speechKey(), scratch.folder());
        long total = Math.max(1, in.durationMillis());
        transcript =
            transcriber.transcribe(
                new TranscriptionRequest(wav, in.language(), in.durationMillis()),
                millis -> {
                  ctx.checkCancelled();
                  ctx.progress(
                      Math.min(0.99, (double) millis / total),
                      "recognising speech with " + transcriber.name());
                });
      }
      Path file = scratch.file("transcript.json");
      ClipsJson.writeFile(file, transcript);
      files.put(key, file);
    }
    store.updateSource(in.sourceId(), s -> s.withTranscript(transcript.source()));
    return done(
        new Transcribed(
            key,
            transcript.source().engine(),
            transcript.source().version(),
            transcript.source().wordTimesEstimated(),
            transcript.words().size()));
  }

  StageResult signals(StageContext ctx) {
    AnalysisInput in = ClipsJson.read(ctx.inputs(), AnalysisInput.class);
    String key = ClipKeys.analysis(ctx.ownerId(), in.sourceId(), ctx.runId(), "signals.json");
    int cuts;
    try (Scratch scratch = Scratch.under(scratchRoot, ctx.runId(), ctx.stage());
        CancelBridge cancel = new CancelBridge(ctx)) {
      Path video = files.local(in.videoKey(), scratch.folder());
      ctx.progress(0.05, "finding scene changes");
      List<Long> sceneCuts = media.sceneCuts(video, SCENE_THRESHOLD, cancel.cancellation());
      ctx.checkCancelled();
      ctx.progress(0.6, "measuring loudness");
      LoudnessCurve loudness = media.loudness(video, LOUDNESS_STEP_MILLIS, cancel.cancellation());
      Path file = scratch.file("signals.json");
      ClipsJson.writeFile(file, new Signals(sceneCuts, loudness.stepMillis(), loudness.db()));
      files.put(key, file);
      cuts = sceneCuts.size();
    }
    return done(new Measured(key, cuts));
  }

  StageResult highlights(StageContext ctx) {
    AnalysisInput in = ClipsJson.read(ctx.inputs(), AnalysisInput.class);
    Transcribed transcribed = dependency(ctx, ClipPipelines.TRANSCRIPT, Transcribed.class);
    Measured measured = dependency(ctx, ClipPipelines.SIGNALS, Measured.class);
    Transcript transcript;
    Signals signals;
    try (Scratch scratch = Scratch.under(scratchRoot, ctx.runId(), ctx.stage())) {
      transcript =
          ClipsJson.readFile(
              files.local(transcribed.transcriptKey(), scratch.folder()), Transcript.class);
      signals =
          ClipsJson.readFile(files.local(measured.signalsKey(), scratch.folder()), Signals.class);
    }
    ctx.progress(0.3, "scoring highlights");
    LoudnessCurve loudness = new LoudnessCurve(signals.loudnessStepMillis(), signals.loudnessDb());
    List<Highlight> found =
        new HighlightFinder(in.options())
            .find(transcript, loudness, signals.sceneCuts(), in.durationMillis());
    List<Highlight> ranked = ranking.rank(transcript, found);
    List<ClipCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Highlight h = ranked.get(i);
      candidates.add(
          new ClipCandidate(
              Ids.newId(clock),
              in.sourceId(),
              i + 1,
              h.startMillis(),
              h.endMillis(),
              h.title(),
              h.score(),
              h.reasons(),
              ClipCandidate.CandidateState.PROPOSED,
              Optional.empty()));
    }
    store.replaceCandidates(in.sourceId(), candidates);
    return done(new Found(candidates.size(), ranked.stream().map(Highlight::title).toList()));
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T dependency(StageContext ctx, String stage, Class<T> type) {
    return ClipsJson.read(ctx.dependencyOutputs().get(stage), type);
  }

  static StageResult done(Object output) {
    return new StageResult.Completed(ClipsJson.write(output));
  }
}
