package dev.reelforge.app.doctor;

import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.ffmpeg.FfmpegNotUsableException;
import dev.reelforge.media.render.RenderRequirements;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Finds FFmpeg as the render engine will, and reports its encoders. */
@Component
@Order(2)
class FfmpegCheck implements DiagnosticCheck {

  private final FfmpegLocator locator;

  FfmpegCheck(FfmpegLocator locator) {
    this.locator = locator;
  }

  @Override
  public List<Finding> check() {
    FfmpegInstallation ffmpeg;
    try {
      ffmpeg = locator.locate();
    } catch (FfmpegNotUsableException e) {
      return List.of(
          Finding.fail(
              "FFmpeg",
              e.getMessage(),
              "install FFmpeg (Debian/Ubuntu: apt-get install ffmpeg) or set"
                  + " REELFORGE_MEDIA_FFMPEGPATH"));
    }
    String summary =
        ffmpeg.version()
            + " "
            + ffmpeg.origin()
            + " at "
            + ffmpeg.ffmpeg()
            + "; H.264 encoder: "
            + ffmpeg.h264Encoder().orElse("none")
            + ", AAC: "
            + (ffmpeg.hasEncoder("aac") ? "yes" : "no");
    List<Finding> findings = new ArrayList<>();
    List<String> missing = RenderRequirements.missing(ffmpeg);
    if (!missing.isEmpty()) {
      findings.add(
          Finding.fail(
              "FFmpeg",
              summary + "; missing for rendering: " + String.join(", ", missing),
              "install a full build or unset REELFORGE_MEDIA_FFMPEGPATH to use the bundled"
                  + " one"));
    } else {
      findings.add(Finding.ok("FFmpeg", summary));
    }
    findings.add(
        ffmpeg
            .ffprobe()
            .map(p -> Finding.ok("ffprobe", p.toString()))
            .orElseGet(
                () ->
                    Finding.warn(
                        "ffprobe",
                        "not available with the FFmpeg " + ffmpeg.origin(),
                        "install libpulse0 (enables the bundled FFmpeg 8) or FFmpeg itself")));
    return findings;
  }
}
