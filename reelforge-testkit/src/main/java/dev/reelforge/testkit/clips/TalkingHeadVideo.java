package dev.reelforge.testkit.clips;

import dev.reelforge.core.vision.FaceBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a talking-head video whose truth is known: the public-domain portrait ({@link FacePhoto})
 * on a gradient background, drifting slowly across a wide frame, with a mouth that opens with the
 * speech's loudness; at each scene cut it jumps elsewhere on another background. With two faces,
 * the portraits stand side by side (the right one mirrored) and only the current speaker's mouth
 * moves. Frames are drawn in Java and piped raw to FFmpeg (H.264 + AAC in MP4).
 *
 * <p>The {@link TalkingHeadTruth} it returns says where the faces are at every moment, who speaks
 * when and where the cuts are. At 1280x720 it runs about 5x faster than real time on two busy cores
 * (FFmpeg's x264 is most of it); choose a smaller size where the test allows.
 */
public final class TalkingHeadVideo {

  private static final int SAMPLE_RATE = 16_000;

  /**
   * Backgrounds per scene, top and bottom colours of a vertical gradient. Consecutive ones run in
   * opposite directions, so every cut changes most pixels, as a real cut between cameras does.
   */
  private static final int[][] BACKGROUNDS = {
    {0x1c2c50, 0x8aa6d8}, {0xf0d8a8, 0x6a3a20}, {0x14503a, 0xb0e0bc}, {0xe0e0e0, 0x404040}
  };

  /** Where a lone face's centre sits in each scene, as a fraction of the width. */
  private static final double[] SINGLE_CENTERS = {0.32, 0.68, 0.5, 0.25, 0.75};

  private static final double[] SCENE_RAISE = {0, -0.05, 0.04, -0.02, 0.06};

  /**
   * The head and shoulders cut from the portrait, so that the face fills about half of what is
   * shown: a talking head, not a full-length picture.
   */
  private static final Rectangle HEAD = new Rectangle(88, 10, 140, 140);

  private static final double PHOTO_SHARE_OF_HEIGHT = 0.5;
  private static final double DRIFT_SHARE_OF_WIDTH = 0.1;
  private static final double DRIFT_PERIOD_MILLIS = 14_000;

  private final Options options;

  private TalkingHeadVideo(Options options) {
    this.options = options;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether an {@code ffmpeg} with {@code libx264} is on the PATH (fixtures need one). */
  public static boolean ffmpegAvailable() {
    return Tools.onPath("ffmpeg");
  }

  /**
   * Draws and encodes the video to {@code mp4}.
   *
   * @return what the video shows
   */
  public TalkingHeadTruth write(Path mp4) {
    Path work = null;
    try {
      work = Files.createTempDirectory("talking-head-");
      Audio audio = audio(work);
      Path wav = work.resolve("speech.wav");
      Wav.write(wav, audio.samples, SAMPLE_RATE);
      List<Long> cuts = snappedCuts();
      TalkingHeadTruth truth =
          new TalkingHeadTruth(
              options.durationMillis,
              options.width,
              options.height,
              options.fps,
              cuts,
              options.turns,
              audio.speech,
              time -> faceBoxes(time, cuts));
      encode(mp4, wav, work.resolve("ffmpeg.log"), truth, audio);
      return truth;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Tools.deleteTree(work);
    }
  }

  private record Audio(short[] samples, List<TalkingHeadTruth.Speech> speech) {}

  private Audio audio(Path work) {
    int length = (int) (options.durationMillis * SAMPLE_RATE / 1000);
    if (options.speech.isEmpty()) {
      SpeechLikeAudio.Audio generated =
          SpeechLikeAudio.generate(
              options.durationMillis, SAMPLE_RATE, options.turns, options.seed);
      return new Audio(generated.samples(), generated.sentences());
    }
    short[] decoded = Wav.decode(options.ffmpeg, options.speech.get(), SAMPLE_RATE, work);
    short[] samples = Arrays.copyOf(decoded, length);
    return new Audio(samples, MouthEnvelope.speech(samples, SAMPLE_RATE, options.turns));
  }

  private void encode(Path mp4, Path wav, Path log, TalkingHeadTruth truth, Audio audio)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                options.ffmpeg,
                "-hide_banner",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "bgr24",
                "-s",
                options.width + "x" + options.height,
                "-r",
                String.valueOf(options.fps),
                "-i",
                "pipe:0",
                "-i",
                wav.toString(),
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-crf",
                "23",
                "-pix_fmt",
                "yuv420p",
                "-g",
                String.valueOf(options.fps * 2),
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-t",
                String.format(Locale.ROOT, "%.3f", options.durationMillis / 1000.0)));
    if (options.faststart) {
      command.addAll(List.of("-movflags", "+faststart"));
    }
    command.add(mp4.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile())
            .start();
    try (OutputStream stdin = process.getOutputStream()) {
      drawFrames(stdin, truth, MouthEnvelope.perFrame(audio.samples, SAMPLE_RATE, options.fps));
    } catch (IOException e) {
      // FFmpeg stopped reading; its exit status and log say why.
    }
    try {
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "FFmpeg could not write the fixture (exit " + exit + "): " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the fixture", e);
    }
  }

  private void drawFrames(OutputStream out, TalkingHeadTruth truth, double[] mouthOpening)
      throws IOException {
    int width = options.width;
    int height = options.height;
    int photoSize = photoSize();
    BufferedImage photo = scaledPhoto(photoSize, false);
    BufferedImage mirrored = scaledPhoto(photoSize, true);
    byte[][] backgrounds = new byte[BACKGROUNDS.length][];
    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    long frames = options.durationMillis * options.fps / 1000;
    for (int i = 0; i < frames; i++) {
      long time = truth.frameTime(i);
      int scene = sceneIndex(time, truth.sceneCuts());
      int style = scene % BACKGROUNDS.length;
      if (backgrounds[style] == null) {
        backgrounds[style] = gradient(BACKGROUNDS[style][0], BACKGROUNDS[style][1]);
      }
      System.arraycopy(backgrounds[style], 0, pixels, 0, pixels.length);
      List<int[]> places = photoPlaces(time, truth.sceneCuts());
      int speaker = truth.speakerAt(time);
      for (int face = 0; face < places.size(); face++) {
        int[] at = places.get(face);
        boolean flip = face == 1;
        g.drawImage(flip ? mirrored : photo, at[0], at[1], null);
        double opening = face == speaker ? mouthOpening[Math.min(i, mouthOpening.length - 1)] : 0;
        drawMouth(g, at, photoSize, flip, opening);
      }
      out.write(pixels);
    }
    g.dispose();
  }

  private static void drawMouth(Graphics2D g, int[] at, int size, boolean flip, double opening) {
    double mouthX = (double) (FacePhoto.MOUTH_PIXELS.x - HEAD.x) / HEAD.width;
    mouthX = flip ? 1 - mouthX : mouthX;
    double mouthY = (double) (FacePhoto.MOUTH_PIXELS.y - HEAD.y) / HEAD.height;
    double faceHeight = (double) FacePhoto.FACE_PIXELS.height / HEAD.height * size;
    double w = faceHeight * 0.34;
    double h = faceHeight * (0.03 + 0.2 * opening);
    double cx = at[0] + mouthX * size;
    double cy = at[1] + mouthY * size;
    g.setColor(new Color(0x4a, 0x16, 0x1a));
    g.fill(new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h));
  }

  /** The top-left corners of the photos at a time, left to right. */
  private List<int[]> photoPlaces(long time, List<Long> cuts) {
    int scene = sceneIndex(time, cuts);
    long sceneStart = scene == 0 ? 0 : cuts.get(scene - 1);
    double wave = Math.sin(2 * Math.PI * (time - sceneStart) / DRIFT_PERIOD_MILLIS + scene);
    int size = photoSize();
    int top =
        (int)
            Math.round(
                (options.height - size) / 2.0
                    + SCENE_RAISE[scene % SCENE_RAISE.length] * options.height);
    List<int[]> places = new ArrayList<>(options.faces);
    if (options.faces == 1) {
      double center = SINGLE_CENTERS[scene % SINGLE_CENTERS.length] + DRIFT_SHARE_OF_WIDTH * wave;
      places.add(new int[] {left(center, size), top});
    } else {
      double shift = (scene % 2 == 0 ? 0 : 0.03) + 0.03 * wave;
      places.add(new int[] {left(0.29 + shift, size), top});
      places.add(new int[] {left(0.71 - shift, size), top});
    }
    return places;
  }

  private int left(double centerFraction, int size) {
    int x = (int) Math.round(centerFraction * options.width - size / 2.0);
    return Math.max(0, Math.min(options.width - size, x));
  }

  private List<FaceBox> faceBoxes(long time, List<Long> cuts) {
    int size = photoSize();
    List<FaceBox> boxes = new ArrayList<>();
    List<int[]> places = photoPlaces(time, cuts);
    for (int face = 0; face < places.size(); face++) {
      int[] at = places.get(face);
      Rectangle f = FacePhoto.FACE_PIXELS;
      double x = (double) (f.x - HEAD.x) / HEAD.width;
      double w = (double) f.width / HEAD.width;
      x = face == 1 ? 1 - x - w : x;
      double y = (double) (f.y - HEAD.y) / HEAD.height;
      double h = (double) f.height / HEAD.height;
      boxes.add(
          new FaceBox(
              (at[0] + x * size) / options.width,
              (at[1] + y * size) / options.height,
              w * size / options.width,
              h * size / options.height,
              1));
    }
    return boxes;
  }

  private static int sceneIndex(long time, List<Long> cuts) {
    int scene = 0;
    while (scene < cuts.size() && cuts.get(scene) <= time) {
      scene++;
    }
    return scene;
  }

  /** The requested cuts moved onto frame boundaries, as the video can only cut there. */
  private List<Long> snappedCuts() {
    List<Long> snapped = new ArrayList<>();
    for (long cut : options.sceneCuts) {
      long frame = Math.round(cut * options.fps / 1000.0);
      long time = frame * 1000 / options.fps;
      if (time > 0
          && time < options.durationMillis
          && (snapped.isEmpty() || time > snapped.getLast())) {
        snapped.add(time);
      }
    }
    return snapped;
  }

  private int photoSize() {
    return (int) Math.round(options.height * PHOTO_SHARE_OF_HEIGHT);
  }

  private static BufferedImage scaledPhoto(int size, boolean mirror) {
    BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = scaled.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    AffineTransform transform = new AffineTransform();
    if (mirror) {
      transform.translate(size, 0);
      transform.scale(-1, 1);
    }
    BufferedImage source =
        FacePhoto.astronaut().getSubimage(HEAD.x, HEAD.y, HEAD.width, HEAD.height);
    transform.scale((double) size / HEAD.width, (double) size / HEAD.height);
    g.drawImage(source, transform, null);
    g.dispose();
    return scaled;
  }

  private byte[] gradient(int top, int bottom) {
    int width = options.width;
    int height = options.height;
    byte[] pixels = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      double f = (double) y / (height - 1);
      byte b = (byte) mix(top & 0xff, bottom & 0xff, f);
      byte gr = (byte) mix((top >> 8) & 0xff, (bottom >> 8) & 0xff, f);
      byte r = (byte) mix((top >> 16) & 0xff, (bottom >> 16) & 0xff, f);
      int row = y * width * 3;
      for (int x = 0; x < width; x++) {
        pixels[row + x * 3] = b;
        pixels[row + x * 3 + 1] = gr;
        pixels[row + x * 3 + 2] = r;
      }
    }
    return pixels;
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  private record Options(
      long durationMillis,
      int width,
      int height,
      int fps,
      int faces,
      List<TalkingHeadTruth.Turn> turns,
      List<Long> sceneCuts,
      Optional<Path> speech,
      boolean faststart,
      long seed,
      String ffmpeg) {}

  /** Chooses the video's length, size, faces, turns, cuts and sound. */
  public static final class Builder {
    private long durationMillis = 20_000;
    private int width = 1280;
    private int height = 720;
    private int fps = 25;
    private int faces = 1;
    private List<TalkingHeadTruth.Turn> turns = List.of(new TalkingHeadTruth.Turn(0, 0));
    private List<Long> sceneCuts = List.of();
    private Optional<Path> speech = Optional.empty();
    private boolean faststart = true;
    private long seed = 28;
    private String ffmpeg = "ffmpeg";

    private Builder() {}

    public Builder durationMillis(long millis) {
      this.durationMillis = millis;
      return this;
    }

    public Builder size(int width, int height) {
      if (width % 2 != 0 || height % 2 != 0 || width < 64 || height < 64) {
        throw new IllegalArgumentException("the size must be even and at least 64x64");
      }
      this.width = width;
      this.height = height;
      return this;
    }

    public Builder fps(int fps) {
      this.fps = fps;
      return this;
    }

    /** Two portraits side by side; speakers alternate every {@code turnMillis}, 0 first. */
    public Builder twoFacesAlternating(long turnMillis) {
      List<TalkingHeadTruth.Turn> schedule = new ArrayList<>();
      for (long t = 0, i = 0; t < durationMillis; t += turnMillis, i++) {
        schedule.add(new TalkingHeadTruth.Turn(t, (int) (i % 2)));
      }
      return twoFaces(schedule);
    }

    /** Two portraits side by side, speaking on the given schedule (the first turn from 0). */
    public Builder twoFaces(List<TalkingHeadTruth.Turn> schedule) {
      if (schedule.isEmpty() || schedule.getFirst().fromMillis() != 0) {
        throw new IllegalArgumentException("the first turn starts at 0");
      }
      this.faces = 2;
      this.turns = List.copyOf(schedule);
      return this;
    }

    /** Scene cuts at these times (moved to the nearest frame). */
    public Builder sceneCuts(long... millis) {
      List<Long> cuts = new ArrayList<>();
      for (long m : millis) {
        cuts.add(m);
      }
      this.sceneCuts = List.copyOf(cuts);
      return this;
    }

    /** The sound track (any format FFmpeg reads); without one, a speech-like signal is made. */
    public Builder speech(Path audio) {
      this.speech = Optional.of(audio);
      return this;
    }

    /** Whether the MP4's index comes first (default) or last, as cameras write it. */
    public Builder faststart(boolean faststart) {
      this.faststart = faststart;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The FFmpeg executable (default: {@code ffmpeg} from the PATH). */
    public Builder ffmpeg(String executable) {
      this.ffmpeg = executable;
      return this;
    }

    public TalkingHeadVideo build() {
      if (durationMillis < 1000) {
        throw new IllegalArgumentException("a fixture lasts at least a second");
      }
      return new TalkingHeadVideo(
          new Options(
              durationMillis,
              width,
              height,
              fps,
              faces,
              turns,
              sceneCuts,
              speech,
              faststart,
              seed,
              ffmpeg));
    }
  }
}
