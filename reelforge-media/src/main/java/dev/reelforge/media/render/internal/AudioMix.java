package dev.reelforge.media.render.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.MusicTrack;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soundtrack of a timeline, mixed once and shared by every preset: the voice placed at its
 * offset, the music looped to length with fades and ducked under the voice by a sidechain
 * compressor keyed on the voice, then normalised to the target loudness in two passes: measure (EBU
 * R128 integrated loudness and true peak), then apply one gain, with a peak limiter as a safety
 * net. This is what {@code loudnorm}'s two-pass linear mode does, at a third of its cost.
 */
public final class AudioMix {

  /** The true-peak ceiling, under the -1 dBTP platforms ask for so AAC encoding cannot clip. */
  static final double TRUE_PEAK = -1.5;

  private final Optional<Path> voice;
  private final Optional<AudioTrack> voiceTrack;
  private final Optional<Path> music;
  private final Optional<MusicTrack> musicTrack;
  private final long durationMillis;
  private final double loudness;

  public AudioMix(
      Optional<AudioTrack> voiceTrack,
      Optional<Path> voice,
      Optional<MusicTrack> musicTrack,
      Optional<Path> music,
      long durationMillis,
      double loudness) {
    this.voiceTrack = voiceTrack;
    this.voice = voice;
    this.musicTrack = musicTrack;
    this.music = music;
    this.durationMillis = durationMillis;
    this.loudness = loudness;
  }

  public Optional<Path> voiceFile() {
    return voice;
  }

  public Optional<Path> musicFile() {
    return music;
  }

  /** Everything about the mix except the files' contents, for the cache key. */
  public String description() {
    return voiceTrack.map(AudioMix::describe)
        + "|"
        + musicTrack
        + "|"
        + durationMillis
        + "|"
        + loudness;
  }

  /**
   * The voice as it was described before a track could start inside its file, so that soundtracks
   * already cached keep their keys; a start is added only when there is one.
   */
  private static String describe(AudioTrack track) {
    String old =
        "AudioTrack[source=%s, offsetMillis=%d, gainDb=%s]"
            .formatted(track.source(), track.offsetMillis(), track.gainDb());
    return track.sourceStartMillis() == 0 ? old : old + "@" + track.sourceStartMillis();
  }

  /** Mixes and encodes the soundtrack into {@code output} (AAC in an MP4 container). */
  public void render(
      FfmpegRun ffmpeg, List<String> audioArguments, Path output, LongConsumer progress) {
    List<String> inputs = inputs();
    String mix = mixGraph();
    List<String> args = new ArrayList<>(inputs);
    if (voice.isEmpty() && music.isEmpty()) {
      args.addAll(List.of("-filter_complex", mix + "[a]"));
    } else {
      Measured measured = measure(ffmpeg, inputs, mix);
      args.addAll(List.of("-filter_complex", mix + "," + measured.correction(loudness) + "[a]"));
    }
    args.addAll(List.of("-map", "[a]", "-t", seconds(durationMillis)));
    args.addAll(audioArguments);
    args.addAll(List.of("-f", "mp4", output.toString()));
    ffmpeg.run("audio mix", args, progress);
  }

  private Measured measure(FfmpegRun ffmpeg, List<String> inputs, String mix) {
    List<String> args = new ArrayList<>(inputs);
    args.addAll(
        List.of(
            "-filter_complex",
            mix
                // ebur128 measures what loudnorm would, without its 192 kHz resampling.
                + ",ebur128=peak=true[a]",
            "-map",
            "[a]",
            "-f",
            "null",
            "-"));
    String log = ffmpeg.run("loudness measurement", args, null);
    return Measured.parse(log);
  }

  private List<String> inputs() {
    List<String> args = new ArrayList<>();
    voice.ifPresent(
        v -> {
          long from = voiceTrack.orElseThrow().sourceStartMillis();
          if (from > 0) {
            // A clip's voice is its source video's audio from the clip's start: an input seek reads
            // from there (sample-exact, FFmpeg decodes and drops what precedes it) without
            // extracting the audio first. The video stream is never decoded: only [0:a] is used.
            args.addAll(List.of("-ss", seconds(from)));
          }
          args.addAll(List.of("-i", v.toString()));
        });
    // Music loops for as long as the video needs it.
    music.ifPresent(m -> args.addAll(List.of("-stream_loop", "-1", "-i", m.toString())));
    if (voice.isEmpty() && music.isEmpty()) {
      args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"));
    }
    return args;
  }

  /** The graph up to (not including) loudness normalisation, ending in an unlabelled output. */
  String mixGraph() {
    String duration = seconds(durationMillis);
    String format = "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo";
    if (voice.isEmpty() && music.isEmpty()) {
      return "[0:a]" + format + ",atrim=0:" + duration;
    }
    StringBuilder graph = new StringBuilder();
    int input = 0;
    if (voice.isPresent()) {
      AudioTrack track = voiceTrack.orElseThrow();
      graph
          .append("[0:a]")
          .append(format)
          .append(String.format(Locale.ROOT, ",volume=%.2fdB", track.gainDb()))
          .append(",adelay=")
          .append(track.offsetMillis())
          .append(":all=1,apad,atrim=0:")
          .append(duration);
      graph.append(music.isPresent() ? ",asplit=2[voice][key];" : "");
      input++;
    }
    if (music.isEmpty()) {
      return graph.toString();
    }
    MusicTrack track = musicTrack.orElseThrow();
    graph
        .append('[')
        .append(input)
        .append(":a]")
        .append(format)
        .append(String.format(Locale.ROOT, ",volume=%.2fdB", track.gainDb()))
        .append(",atrim=0:")
        .append(duration)
        .append(",asetpts=PTS-STARTPTS");
    if (track.fadeInMillis() > 0) {
      graph.append(",afade=t=in:st=0:d=").append(seconds(track.fadeInMillis()));
    }
    if (track.fadeOutMillis() > 0) {
      long start = Math.max(0, durationMillis - track.fadeOutMillis());
      graph
          .append(",afade=t=out:st=")
          .append(seconds(start))
          .append(":d=")
          .append(seconds(track.fadeOutMillis()));
    }
    if (voice.isEmpty()) {
      return graph.toString();
    }
    graph.append("[music];");
    if (track.duckUnderVoice()) {
      // Keyed on the voice: about 10 dB of reduction while speech is present, eased in quickly and
      // released slowly enough not to pump between words.
      graph.append(
          "[music][key]sidechaincompress=threshold=0.015:ratio=8:attack=20:release=400:makeup=1[ducked];"
              + "[voice][ducked]");
    } else {
      graph.append("[key]anullsink;[voice][music]");
    }
    return graph.append("amix=inputs=2:duration=first:normalize=0").toString();
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /**
   * What the measuring pass found: integrated loudness and true peak (EBU R128). The correction is
   * a single gain, so the mix keeps its dynamics, with a limiter that only acts on the peaks a
   * large gain would push past the ceiling.
   */
  record Measured(double integratedLufs, double truePeakDbfs) {

    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS");
    private static final Pattern PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS");

    static Measured parse(String log) {
      return new Measured(last(INTEGRATED, log), last(PEAK, log));
    }

    private static double last(Pattern pattern, String log) {
      Matcher m = pattern.matcher(log);
      String value = null;
      while (m.find()) {
        value = m.group(1);
      }
      if (value == null) {
        throw new ReelForgeException(
            ErrorCode.RENDER_FAILED, "FFmpeg's loudness measurement could not be read");
      }
      return value.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
    }

    /** The gain that brings the mix to {@code target}; silence is left as it is. */
    double gainTo(double target) {
      return Double.isInfinite(integratedLufs) ? 0 : target - integratedLufs;
    }

    String correction(double target) {
      double ceiling = Math.pow(10, TRUE_PEAK / 20);
      return String.format(
          Locale.ROOT,
          "volume=%.2fdB,alimiter=limit=%.4f:level=0:attack=5:release=50",
          gainTo(target),
          ceiling);
    }
  }
}
