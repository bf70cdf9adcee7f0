package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.transcript.Subtitles;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.core.transcript.WordErrorRate;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.clips.FfmpegClipMedia;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderSettings;
import dev.reelforge.media.testing.TestFfmpeg;
import dev.reelforge.media.vision.FaceInCrop;
import dev.reelforge.media.vision.OpenCvFaceDetector;
import dev.reelforge.testkit.clips.NarratedTalk;
import dev.reelforge.testkit.clips.TalkingHeadVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of {@code reelforge clips} on a two-minute talking head whose words are known:
 * Festival narrates a known text sentence by sentence (so every sentence's time is exact), the
 * testkit draws a speaker whose face drifts and jumps at two scene cuts, and {@link ClipMaker} runs
 * both pipelines on its in-process engine with real FFmpeg, real OpenCV and the SRT the narration
 * gives. Made once; each test checks one promise of seed 003 on what came out.
 */
class ClipMakerEndToEndTest {

  @TempDir static Path dir;

  private static FfmpegInstallation ffmpeg;
  private static NarratedTalk talk;
  private static Transcript transcript;
  private static ClipMaker.Made made;
  private static final List<String> PROGRESS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void makeClipsOnce() {
    assumeTrue(TalkingHeadVideo.ffmpegAvailable(), "needs an ffmpeg with libx264 on the PATH");
    assumeTrue(NarratedTalk.available(), "needs Festival's text2wave (Debian package festival)");
    ffmpeg = TestFfmpeg.system();
    talk = NarratedTalk.sample(dir.resolve("narration"));
    Path video = dir.resolve("talk.mp4");
    TalkingHeadVideo.builder()
        .durationMillis(talk.durationMillis())
        .sceneCuts(talk.durationMillis() / 3, talk.durationMillis() * 2 / 3)
        .speech(talk.wav())
        .build()
        .write(video);
    Path srt = talk.writeSrt(dir.resolve("talk.srt"));
    transcript = Subtitles.parse(talk.srt()).toTranscript("en-US");

    ClipMaker maker =
        new ClipMaker(
            new FfmpegClipMedia(() -> ffmpeg),
            new NoSpeechRecognition(),
            new OpenCvFaceDetector(),
            new RenderEngine(
                ffmpeg, RenderSettings.in(dir.resolve("render")), FontLibrary.shared()),
            HighlightRanking.NONE,
            ClipLimits.DEFAULT,
            Clock.systemUTC());
    made =
        maker.make(
            new ClipMaker.Request(
                video,
                Optional.of(srt),
                3,
                List.of("tiktok"),
                15_000,
                35_000,
                "bold-pop",
                "draft",
                dir.resolve("out")),
            (fraction, message) -> PROGRESS.add(message),
            () -> false);
  }

  @Test
  void atLeastTwoVerticalClipsAreMadeFromTheGivenTranscript() {
    assertThat(made.clips()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(made.transcriptEngine()).containsIgnoringCase("srt");
    assertThat(made.analysis()).isPositive();
    assertThat(made.export()).isPositive();
    assertThat(PROGRESS).anyMatch(p -> p.startsWith("render"));
    MediaProbe probe = new MediaProbe(ffmpeg, Duration.ofSeconds(20));
    for (ClipMaker.MadeClip clip : made.clips()) {
      MediaInfo info = probe.probe(video(clip));
      assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
      assertThat(info.video().orElseThrow().height()).isEqualTo(1920);
      assertThat(info.audio()).isPresent();
      assertThat(info.durationSeconds())
          .isCloseTo((clip.endMillis() - clip.startMillis()) / 1000.0, within(0.2));
      assertThat(clip.endMillis() - clip.startMillis()).isBetween(15_000L, 35_000L);
    }
    assertThat(dir.resolve("out").resolve("clips.json")).isRegularFile();
    assertThat(dir.resolve("out").resolve(ClipMaker.WORK_DIR)).doesNotExist();
  }

  @Test
  void everyClipStartsOnASentencesFirstWordAndEndsOnASentencesLastWord() {
    for (ClipMaker.MadeClip clip : made.clips()) {
      List<TranscriptWord> inside = inside(clip);
      assertThat(inside).isNotEmpty();
      int first = transcript.words().indexOf(inside.getFirst());
      assertThat(first == 0 || endsSentence(transcript.words().get(first - 1)))
          .as("clip %d starts on '%s', a sentence's first word", clip.rank(), inside.getFirst())
          .isTrue();
      assertThat(endsSentence(inside.getLast()))
          .as("clip %d ends on '%s', a sentence's last word", clip.rank(), inside.getLast())
          .isTrue();
      // No word is cut in two at either end.
      assertThat(transcript.words())
          .noneMatch(
              w -> w.startMillis() < clip.startMillis() && w.endMillis() > clip.startMillis())
          .noneMatch(w -> w.startMillis() < clip.endMillis() && w.endMillis() > clip.endMillis());
      // And against what was really said: the cut lies in the pause before a spoken sentence.
      assertThat(talk.sentences())
          .anyMatch(
              s ->
                  s.startMillis() >= clip.startMillis()
                      && s.startMillis() - clip.startMillis() <= NarratedTalk.PAUSE_MILLIS);
    }
  }

  @Test
  void theSpeakersFaceStaysInsideEveryExportedFrame() {
    FaceInCrop measure =
        new FaceInCrop(new FfmpegClipMedia(() -> ffmpeg), new OpenCvFaceDetector());
    for (ClipMaker.MadeClip clip : made.clips()) {
      FaceInCrop.Report report =
          measure.measure(video(clip), clip.endMillis() - clip.startMillis(), 2, 540);
      assertThat(report.share())
          .as("clip %d: %s", clip.rank(), report)
          .isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void eachClipsSrtCarriesTheTranscriptsWordsForItsSpan() throws Exception {
    for (ClipMaker.MadeClip clip : made.clips()) {
      Path srt =
          clip.files().stream()
              .filter(f -> f.toString().endsWith(".srt"))
              .findFirst()
              .orElseThrow();
      String heard =
          Subtitles.parse(Files.readString(srt)).cues().stream()
              .map(c -> c.text())
              .collect(Collectors.joining(" "));
      String said =
          inside(clip).stream().map(TranscriptWord::text).collect(Collectors.joining(" "));
      assertThat(WordErrorRate.between(said, heard).errors())
          .as("clip %d: said '%s', captioned '%s'", clip.rank(), said, heard)
          .isZero();
    }
  }

  private static List<TranscriptWord> inside(ClipMaker.MadeClip clip) {
    return transcript.words().stream()
        .filter(w -> w.startMillis() >= clip.startMillis() && w.endMillis() <= clip.endMillis())
        .toList();
  }

  private static boolean endsSentence(TranscriptWord word) {
    return word.text().matches(".*[.?!][\"')]*");
  }

  private static Path video(ClipMaker.MadeClip clip) {
    return clip.files().stream()
        .filter(f -> f.toString().endsWith(".mp4"))
        .findFirst()
        .orElseThrow();
  }

  /** The SRT is given: a transcriber asked anyway is a bug. */
  private static final class NoSpeechRecognition implements Transcriber {
    @Override
    public String name() {
      return "none";
    }

    @Override
    public String version() {
      return "";
    }

    @Override
    public Transcript transcribe(TranscriptionRequest request, TranscriptionProgress progress) {
      throw new AssertionError("the SRT was given; nothing should be transcribed");
    }
  }
}
