package dev.reelforge.app.clips;

import dev.reelforge.clips.Clips;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.uploads.SubtitleFormat;
import dev.reelforge.core.clips.uploads.VideoMagic;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes an uploaded long video (and its transcript) in before anything else touches it: staged in a
 * private folder, its size checked against {@code reelforge.clips.max-upload-size}, its first bytes
 * against the video containers FFmpeg reads ({@link VideoMagic}), the transcript's against text;
 * then the feature probes it under a time limit and keeps it. The staging folder is removed
 * whatever happens.
 */
public final class VideoUploads {

  private final Clips clips;
  private final Path staging;

  public VideoUploads(Clips clips, Path staging) {
    this.clips = clips;
    this.staging = staging;
  }

  /** A multipart upload: the part {@code file}, and {@code transcript} when given. */
  public ClipSource fromMultipart(UUID owner, MultipartFile file, MultipartFile transcript) {
    if (file == null || file.isEmpty()) {
      throw ReelForgeException.invalidField("file", "attach the video as the part 'file'");
    }
    long max = clips.limits().maxBytes();
    if (file.getSize() > max) {
      throw ReelForgeException.invalidField(
          "file", "the video is over the " + max / (1024 * 1024) + " MiB limit");
    }
    Path folder = folder();
    try {
      Path video = folder.resolve("video");
      copy(file, video);
      requireVideo(video);
      Optional<Path> subtitle = Optional.empty();
      if (transcript != null && !transcript.isEmpty()) {
        subtitle = Optional.of(stageTranscript(transcript, folder.resolve("transcript")));
      }
      String name = file.getOriginalFilename() == null ? "video.mp4" : file.getOriginalFilename();
      return clips.addSource(owner, name, video, subtitle);
    } finally {
      remove(folder);
    }
  }

  /**
   * A video that arrived another way (a finished chunked upload, or a file the client put through a
   * signed URL), already on this machine.
   */
  public ClipSource fromFile(UUID owner, String name, Path video, Optional<Path> subtitle) {
    requireVideo(video);
    subtitle.ifPresent(VideoUploads::requireSubtitles);
    return clips.addSource(owner, name, video, subtitle);
  }

  /** Copies a transcript part to {@code target} after checking its size and its first bytes. */
  Path stageTranscript(MultipartFile transcript, Path target) {
    if (transcript.getSize() > clips.limits().maxSubtitleBytes()) {
      throw ReelForgeException.invalidField(
          "transcript",
          "the transcript is over " + clips.limits().maxSubtitleBytes() / 1024 + " KiB");
    }
    copy(transcript, target);
    requireSubtitles(target);
    return target;
  }

  /** The first bytes must be a container FFmpeg reads; the name and declared type do not count. */
  static void requireVideo(Path file) {
    if (VideoMagic.of(head(file, VideoMagic.HEAD_BYTES)).isEmpty()) {
      throw ReelForgeException.invalidField(
          "file", "this is not a video this server reads; send " + VideoMagic.accepted());
    }
  }

  /** A transcript must start like SRT or WebVTT text. */
  static void requireSubtitles(Path file) {
    if (SubtitleFormat.of(head(file, SubtitleFormat.HEAD_BYTES)).isEmpty()) {
      throw ReelForgeException.invalidField(
          "transcript", "the transcript must be an SRT or WebVTT text file");
    }
  }

  private static byte[] head(Path file, int bytes) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staged upload", e);
    }
  }

  private Path folder() {
    try {
      Files.createDirectories(staging);
      return Files.createTempDirectory(staging, "upload-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage an upload under " + staging, e);
    }
  }

  private static void copy(MultipartFile part, Path target) {
    try (InputStream in = part.getInputStream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the upload", e);
    }
  }

  static void remove(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A staging folder left behind is cleaned with the work root; the upload's answer stands.
    }
  }
}
