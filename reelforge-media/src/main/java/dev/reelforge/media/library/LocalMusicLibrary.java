package dev.reelforge.media.library;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The operator's own music: a folder of tracks ({@code mp3}, {@code wav}, {@code ogg}, {@code m4a},
 * {@code flac}, {@code opus}) whose mood comes from folder names, file names or a sidecar ({@code
 * calm/ocean-drift.mp3}, {@code tense_pulse_120bpm.ogg}; see {@link Mood#tagged}). For a request, a
 * track tagged with the mood is chosen (the seed picks among several), else an untagged one; it is
 * looped when shorter than the video, trimmed when longer, faded in and out and brought to the same
 * peak level (−3 dBFS) as composed music. The sidecar's author, licence and URL go to the run
 * manifest.
 */
public final class LocalMusicLibrary implements MusicSource {

  public static final String NAME = "library";

  static final Set<String> AUDIO_EXTENSIONS =
      Set.of("mp3", "wav", "ogg", "oga", "m4a", "aac", "flac", "opus");

  private static final Pattern BPM = Pattern.compile("(\\d{2,3})\\s*bpm", Pattern.CASE_INSENSITIVE);
  private static final Pattern BPM_LINE = Pattern.compile("bpm\\s*[:=]?\\s*(\\d{2,3})");
  private static final double PEAK = Math.pow(10, -3 / 20.0);
  private static final int RATE = 48_000;

  private final Supplier<Optional<FfmpegInstallation>> ffmpeg;
  private final FolderIndex<MusicTrack> index;

  /**
   * @param ffmpeg asked for only when a track is indexed or played (finding FFmpeg is not free);
   *     without ffprobe tracks are skipped and reported by {@link #skipped()}
   */
  public LocalMusicLibrary(
      Path root,
      Supplier<Optional<FfmpegInstallation>> ffmpeg,
      Clock clock,
      Duration refreshEvery) {
    this.ffmpeg = ffmpeg;
    this.index =
        new FolderIndex<>(root, LocalMusicLibrary::isAudio, this::read, clock, refreshEvery);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Files that could not be indexed, with the reason. */
  public Map<Path, String> skipped() {
    return index.skipped();
  }

  /** How many tracks are indexed. */
  public int size() {
    return index.entries().size();
  }

  /** Rescans now. */
  public void refresh() {
    index.refresh();
  }

  @Override
  public Music compose(MusicRequest request, Path output) {
    MusicTrack track = choose(request);
    FfmpegInstallation installation =
        ffmpeg
            .get()
            .orElseThrow(
                () ->
                    new ReelForgeException(
                        ErrorCode.SERVICE_UNAVAILABLE, "playing library music needs FFmpeg"));
    try {
      Path parent = output.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path decoded = Files.createTempFile(parent, ".music-", ".wav");
      try {
        decode(installation, track, request.durationMillis(), decoded);
        long millis = levelAndMove(decoded, output);
        return new Music(output, millis, request.mood(), track.bpm(), track.licence());
      } finally {
        Files.deleteIfExists(decoded);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A track tagged with the request's mood, else an untagged one; the seed picks among them so that
   * one run always gets the same track and different runs get variety.
   */
  MusicTrack choose(MusicRequest request) {
    List<MusicTrack> tracks = tracks();
    List<MusicTrack> matching =
        tracks.stream().filter(t -> t.mood().equals(Optional.of(request.mood()))).toList();
    if (matching.isEmpty()) {
      matching = tracks.stream().filter(t -> t.mood().isEmpty()).toList();
    }
    if (matching.isEmpty()) {
      String moods =
          tracks.stream()
              .flatMap(t -> t.mood().stream())
              .map(m -> m.name().toLowerCase(Locale.ROOT))
              .distinct()
              .sorted()
              .collect(Collectors.joining(", "));
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "the music folder "
              + index.root()
              + " has no track for the mood "
              + request.mood().name().toLowerCase(Locale.ROOT)
              + (moods.isEmpty() ? " (it has no playable tracks)" : " (it has: " + moods + ")")
              + "; put tracks in a folder named after the mood");
    }
    return matching.get((int) Math.floorMod(request.seed(), (long) matching.size()));
  }

  private static void decode(
      FfmpegInstallation installation, MusicTrack track, long millis, Path wav) {
    double seconds = millis / 1000.0;
    double fadeOut = Math.min(2.0, seconds / 4);
    String filters =
        String.format(
            Locale.ROOT,
            "aresample=%d,afade=t=in:st=0:d=%.3f,afade=t=out:st=%.3f:d=%.3f",
            RATE,
            Math.min(1.0, seconds / 4),
            seconds - fadeOut,
            fadeOut);
    FfmpegRun.within(installation, Cancellation.none(), Duration.ofMinutes(5))
        .run(
            "music " + track.file().getFileName(),
            List.of(
                "-stream_loop",
                "-1",
                "-i",
                track.file().toString(),
                "-vn",
                "-af",
                filters,
                "-ac",
                "2",
                "-ar",
                Integer.toString(RATE),
                "-c:a",
                "pcm_s16le",
                "-t",
                String.format(Locale.ROOT, "%.3f", seconds),
                "-f",
                "wav",
                wav.toString()),
            null);
  }

  /** Scales the decoded track so its loudest sample sits at −3 dBFS and moves it into place. */
  private static long levelAndMove(Path decoded, Path output) throws IOException {
    byte[] bytes;
    AudioFormat format;
    try (AudioInputStream in = AudioSystem.getAudioInputStream(decoded.toFile())) {
      format = in.getFormat();
      bytes = in.readAllBytes();
    } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
      throw new IOException("FFmpeg wrote no WAV audio", e);
    }
    ByteBuffer pcm = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int samples = bytes.length / 2;
    int peak = 1;
    for (int i = 0; i < samples; i++) {
      peak = Math.max(peak, Math.abs((int) pcm.getShort(i * 2)));
    }
    // Quiet tracks are raised at most 18 dB, so a near-silent file does not become loud hiss.
    double gain = Math.min(8, PEAK * 32767 / peak);
    for (int i = 0; i < samples; i++) {
      pcm.putShort(i * 2, (short) Math.round(pcm.getShort(i * 2) * gain));
    }
    long frames = bytes.length / format.getFrameSize();
    Path temp = Files.createTempFile(output.toAbsolutePath().getParent(), ".music-", ".wav");
    try (AudioInputStream leveled =
        new AudioInputStream(new ByteArrayInputStream(bytes), format, frames)) {
      AudioSystem.write(leveled, AudioFileFormat.Type.WAVE, temp.toFile());
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return Math.round(frames * 1000.0 / format.getFrameRate());
  }

  private MusicTrack read(Path file) throws IOException {
    FfmpegInstallation installation =
        ffmpeg
            .get()
            .filter(i -> i.ffprobe().isPresent())
            .orElseThrow(() -> FolderIndex.skip("music needs ffprobe, which this FFmpeg lacks"));
    MediaInfo info = new MediaProbe(installation, Duration.ofSeconds(30)).probe(file);
    if (info.audio().isEmpty()) {
      throw FolderIndex.skip("it has no audio stream");
    }
    long durationMillis = Math.round(info.durationSeconds() * 1000);
    if (durationMillis < 1000) {
      throw FolderIndex.skip("it is shorter than a second");
    }
    Sidecar sidecar = Sidecar.read(file, NAME);
    Set<String> tags = new LinkedHashSet<>(FileNameTags.of(index.root(), file));
    tags.addAll(sidecar.tags());
    return new MusicTrack(
        file,
        Mood.tagged(tags),
        bpm(file, sidecar.tags()),
        durationMillis,
        Set.copyOf(tags),
        sidecar.licence());
  }

  static int bpm(Path file, List<String> sidecarTags) {
    for (String tag : sidecarTags) {
      Matcher line = BPM_LINE.matcher(tag);
      if (line.find()) {
        return Integer.parseInt(line.group(1));
      }
    }
    Matcher name = BPM.matcher(file.getFileName().toString());
    return name.find() ? Integer.parseInt(name.group(1)) : 0;
  }

  static boolean isAudio(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** The indexed tracks in path order, so that a seed always picks the same one. */
  List<MusicTrack> tracks() {
    return index.entries().stream().sorted(Comparator.comparing(MusicTrack::file)).toList();
  }
}
