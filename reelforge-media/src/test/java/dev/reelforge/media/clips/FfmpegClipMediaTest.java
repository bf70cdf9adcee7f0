package dev.reelforge.media.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.clips.LoudnessCurve;
import dev.reelforge.core.clips.SourceProbe;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.RenderCancelledException;
import dev.reelforge.core.vision.GrayFrame;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.testing.TestFfmpeg;
import dev.reelforge.testkit.clips.TalkingHeadTruth;
import dev.reelforge.testkit.clips.TalkingHeadVideo;
import dev.reelforge.testkit.clips.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegClipMediaTest {

  private static final Duration PROBE_LIMIT = Duration.ofSeconds(20);

  @TempDir static Path shared;
  static FfmpegInstallation ffmpeg;
  static Path video;
  static TalkingHeadTruth truth;
  static FfmpegClipMedia media;

  @TempDir Path dir;

  @BeforeAll
  static void writeFixture() {
    ffmpeg = TestFfmpeg.system();
    media = new FfmpegClipMedia(() -> ffmpeg);
    video = shared.resolve("talking-head.mp4");
    truth =
        TalkingHeadVideo.builder()
            .durationMillis(12_000)
            .sceneCuts(4_000, 8_000)
            .ffmpeg(ffmpeg.ffmpeg().toString())
            .build()
            .write(video);
  }

  @Test
  void probesAVideo() {
    SourceProbe probe = media.probe(video, PROBE_LIMIT);

    assertThat(probe.container()).contains("mp4");
    assertThat(probe.videoCodec()).isEqualTo("h264");
    assertThat(probe.audioCodec()).isEqualTo("aac");
    assertThat(probe.durationMillis()).isCloseTo(12_000, within(60L));
    assertThat(probe.width()).isEqualTo(1280);
    assertThat(probe.height()).isEqualTo(720);
    assertThat(probe.fps()).isCloseTo(25, within(0.01));
  }

  @Test
  void aPhoneVideoHeldUprightReportsItsDisplayedSize() {
    Path rotated = dir.resolve("portrait.mp4");
    ffmpeg(
        "-i", video.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.toString());

    SourceProbe probe = media.probe(rotated, PROBE_LIMIT);

    assertThat(probe.width()).isEqualTo(720);
    assertThat(probe.height()).isEqualTo(1280);
  }

  @Test
  void aTextFileNamedMp4IsNotMedia() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(100));

    assertInvalidFile(() -> media.probe(text, PROBE_LIMIT), "not a media file");
  }

  @Test
  void anUploadCutShortIsRefused() throws IOException {
    Path cameraStyle = dir.resolve("camera.mp4");
    ffmpeg("-i", video.toString(), "-c", "copy", cameraStyle.toString());
    Path headerLast = truncate(cameraStyle, dir.resolve("header-last.mp4"));
    Path headerFirst = truncate(video, dir.resolve("header-first.mp4"));

    // Without its index (written last by cameras), nothing can be read at all.
    assertInvalidFile(() -> media.probe(headerLast, PROBE_LIMIT), "not a media file");
    // With the index first, the header looks whole; the missing end is found by decoding it.
    assertInvalidFile(() -> media.probe(headerFirst, PROBE_LIMIT), "cut short");
  }

  @Test
  void soundWithoutPicturesIsNotAVideo() {
    Path wav = dir.resolve("voice.wav");
    Wav.write(wav, new short[16_000], 16_000);

    assertInvalidFile(() -> media.probe(wav, PROBE_LIMIT), "no video stream");
  }

  @Test
  void aMissingFileIsNamed() {
    assertInvalidFile(() -> media.probe(dir.resolve("gone.mp4"), PROBE_LIMIT), "not a readable");
  }

  @Test
  void aProbeOverItsTimeLimitIsRefused() {
    assertInvalidFile(() -> media.probe(video, Duration.ofMillis(1)), "within 1 ms");
  }

  @Test
  void extractsSpeechAs16kMonoPcm() {
    Path wav = dir.resolve("speech.wav");

    media.extractSpeech(video, wav, Cancellation.none());

    MediaInfo info = new MediaProbe(ffmpeg, PROBE_LIMIT).probe(wav);
    MediaInfo.Stream audio = info.streams().getFirst();
    assertThat(info.streams()).hasSize(1);
    assertThat(audio.codec()).isEqualTo("pcm_s16le");
    assertThat(audio.sampleRate()).isEqualTo(16_000);
    assertThat(audio.channels()).isEqualTo(1);
    assertThat(info.durationSeconds()).isCloseTo(12, within(0.1));
  }

  @Test
  void aSilentVideoHasNoSpeechButHasSilence() {
    Path mute = dir.resolve("mute.mp4");
    ffmpeg("-i", video.toString(), "-c", "copy", "-an", mute.toString());

    assertInvalidFile(
        () -> media.extractSpeech(mute, dir.resolve("none.wav"), Cancellation.none()), "no audio");
    assertThat(dir.resolve("none.wav")).doesNotExist();
    LoudnessCurve curve = media.loudness(mute, 500, Cancellation.none());
    assertThat(curve.db()).hasSize(24).containsOnly(LoudnessCurve.SILENCE);
  }

  @Test
  void findsTheFixturesSceneCutsWithinAFrame() {
    List<Long> cuts = media.sceneCuts(video, 10, Cancellation.none());

    assertThat(cuts).hasSize(truth.sceneCuts().size());
    for (int i = 0; i < cuts.size(); i++) {
      assertThat(cuts.get(i)).isCloseTo(truth.sceneCuts().get(i), within(40L));
    }
  }

  @Test
  void isLouderWhereTheFixtureSpeaks() {
    LoudnessCurve curve = media.loudness(video, 100, Cancellation.none());

    assertThat(curve.db().length).isBetween(119, 121);
    List<Double> speaking = new ArrayList<>();
    List<Double> pausing = new ArrayList<>();
    for (int step = 0; step < curve.db().length; step++) {
      long from = step * 100L;
      boolean all = truth.speakingAt(from) && truth.speakingAt(from + 99);
      boolean none = !truth.speakingAt(from) && !truth.speakingAt(from + 99);
      (all ? speaking : none ? pausing : new ArrayList<Double>()).add(curve.db()[step]);
    }
    double speech = speaking.stream().mapToDouble(d -> d).average().orElseThrow();
    double pause = pausing.stream().mapToDouble(d -> d).average().orElseThrow();
    assertThat(speech).isBetween(-30.0, -6.0);
    assertThat(pause).isLessThan(speech - 25);
  }

  @Test
  void decodesFramesAtTheRequestedRateSizeAndBatches() {
    List<List<GrayFrame>> batches = new ArrayList<>();

    media.frames(video, 2_000, 5_000, 5, 320, 4, Cancellation.none(), batches::add);

    assertThat(batches).extracting(List::size).containsExactly(4, 4, 4, 3);
    List<GrayFrame> frames = batches.stream().flatMap(List::stream).toList();
    assertThat(frames)
        .extracting(GrayFrame::timeMillis)
        .containsExactly(
            2000L, 2200L, 2400L, 2600L, 2800L, 3000L, 3200L, 3400L, 3600L, 3800L, 4000L, 4200L,
            4400L, 4600L, 4800L);
    assertThat(frames).allSatisfy(f -> assertThat(f.width()).isEqualTo(320));
    assertThat(frames).allSatisfy(f -> assertThat(f.height()).isEqualTo(180));
    // The cut at 4 s turns the dark top of the first scene's background into a light one: the
    // frame stamped 3.8 s must show the first scene and the one stamped 4.0 s the second.
    assertThat(topRowLuma(frames.get(9))).isLessThan(80);
    assertThat(topRowLuma(frames.get(10))).isGreaterThan(160);
  }

  @Test
  void stopsDecodingFramesWhenCancelled() {
    Cancellation cancellation = new Cancellation();
    AtomicInteger batches = new AtomicInteger();

    assertThatThrownBy(
            () ->
                media.frames(
                    video,
                    0,
                    12_000,
                    25,
                    320,
                    5,
                    cancellation,
                    batch -> {
                      batches.incrementAndGet();
                      cancellation.cancel();
                    }))
        .isInstanceOf(RenderCancelledException.class);
    assertThat(batches).hasValue(1);
  }

  @Test
  void aCancelledAnalysisDoesNotStart() {
    Cancellation cancelled = new Cancellation();
    cancelled.cancel();

    assertThatThrownBy(() -> media.sceneCuts(video, 10, cancelled))
        .isInstanceOf(RenderCancelledException.class);
    assertThatThrownBy(() -> media.loudness(video, 100, cancelled))
        .isInstanceOf(RenderCancelledException.class);
    assertThatThrownBy(() -> media.extractSpeech(video, dir.resolve("x.wav"), cancelled))
        .isInstanceOf(RenderCancelledException.class);
  }

  @Test
  void cancellingFromAnotherThreadKillsARunningAnalysis() throws Exception {
    Cancellation cancellation = new Cancellation();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(150);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              cancellation.cancel();
            });
    long started = System.nanoTime();

    // Full-size frames at the full rate are slow enough that the cancellation comes first.
    assertThatThrownBy(
            () ->
                media.frames(
                    video, 0, 12_000, 25, 1280, 8, cancellation, batch -> sleepQuietly(20)))
        .isInstanceOf(RenderCancelledException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double topRowLuma(GrayFrame frame) {
    return IntStream.range(0, frame.width()).map(x -> frame.luma(x, 2)).average().orElseThrow();
  }

  private static Path truncate(Path source, Path target) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    Files.write(target, Arrays.copyOf(bytes, bytes.length / 2));
    return target;
  }

  private static void assertInvalidFile(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.violations()).hasSize(1);
              assertThat(e.violations().getFirst().field()).isEqualTo("file");
              assertThat(e.getMessage()).contains(message);
            });
  }

  private static void ffmpeg(String... arguments) {
    List<String> all = new ArrayList<>(List.of("-v", "error", "-y"));
    all.addAll(List.of(arguments));
    var result = ffmpeg.ffmpeg(all, Duration.ofSeconds(30)).run();
    assertThat(result.succeeded()).as(result.output()).isTrue();
  }
}
