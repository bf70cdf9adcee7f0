package dev.reelforge.media.render.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.MusicTrack;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.render.EncoderSettings;
import dev.reelforge.media.render.QualityTier;
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
 * compressor keyed on the voice, then normalised to the target loudness in two passes (measure,
 * then apply the measured correction linearly, which keeps the music's dynamics).
 */
public final class AudioMix {

  /** The true-peak ceiling, under the -1 dBTP platforms ask for so AAC encoding cannot clip. */
  static final double TRUE_PEAK = -1.5;

  static final double LOUDNESS_RANGE = 11;

  private static final Pattern MEASURED =
      Pattern.compile(
          "\"(input_i|input_tp|input_lra|input_thresh|target_offset)\"\\s*:\\s*\"([^\"]+)\"");

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

  /** Everything about the mix except the files' contents, for the cache key. */
  public String description() {
    return voiceTrack + "|" + musicTrack + "|" + durationMillis + "|" + loudness;
  }

  /** Mixes and encodes the soundtrack into {@code output} (AAC in an MP4 container). */
  public void render(FfmpegRun ffmpeg, QualityTier tier, Path output, LongConsumer progress) {
    List<String> inputs = inputs();
    String mix = mixGraph();
    List<String> args = new ArrayList<>(inputs);
    if (voice.isEmpty() && music.isEmpty()) {
      args.addAll(List.of("-filter_complex", mix + "[a]"));
    } else {
      Measured measured = measure(ffmpeg, inputs, mix);
      args.addAll(List.of("-filter_complex", mix + "," + measured.secondPass(loudness) + "[a]"));
    }
    args.addAll(List.of("-map", "[a]", "-t", seconds(durationMillis)));
    args.addAll(EncoderSettings.audioArguments(tier));
    args.addAll(List.of("-f", "mp4", output.toString()));
    ffmpeg.run("audio mix", args, progress);
  }

  private Measured measure(FfmpegRun ffmpeg, List<String> inputs, String mix) {
    List<String> args = new ArrayList<>(inputs);
    args.addAll(
        List.of(
            "-filter_complex",
            mix
                + String.format(
                    Locale.ROOT,
                    ",loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:print_format=json[a]",
                    loudness,
                    TRUE_PEAK,
                    LOUDNESS_RANGE),
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
    voice.ifPresent(v -> args.addAll(List.of("-i", v.toString())));
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

  /** What the first loudnorm pass measured. */
  record Measured(String i, String tp, String lra, String thresh, String offset) {

    static Measured parse(String log) {
      java.util.Map<String, String> values = new java.util.HashMap<>();
      Matcher m = MEASURED.matcher(log);
      while (m.find()) {
        values.put(m.group(1), m.group(2));
      }
      if (values.size() < 5) {
        throw new ReelForgeException(
            ErrorCode.RENDER_FAILED, "FFmpeg's loudness measurement could not be read");
      }
      if (values.get("input_i").contains("inf")) {
        // Silence has no loudness to correct: normalise as if it were already on target.
        return new Measured("-70", "-70", "0", "-80", "0");
      }
      return new Measured(
          values.get("input_i"),
          values.get("input_tp"),
          values.get("input_lra"),
          values.get("input_thresh"),
          values.get("target_offset"));
    }

    String secondPass(double target) {
      return String.format(
              Locale.ROOT,
              "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%s:measured_TP=%s:measured_LRA=%s:"
                  + "measured_thresh=%s:offset=%s:linear=true",
              target,
              TRUE_PEAK,
              LOUDNESS_RANGE,
              i,
              tp,
              lra,
              thresh,
              offset)
          + ",aresample=48000";
    }
  }
}
