package dev.reelforge.app.clips;

import dev.reelforge.app.settings.CheckedTogether;
import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.clips.ClipLimits;
import dev.reelforge.clips.ClipPipelines;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Long video → clips ({@code reelforge.clips.*}): what uploads are accepted, how long the stages
 * may run and whether the model stages need GPU-tagged workers. The transcriber is chosen in {@code
 * reelforge.clips.transcriber.*}. See docs/clips.md.
 */
@ConfigurationProperties("reelforge.clips")
@Validated
public class ClipsSettings implements CheckedTogether {

  /** The longest source video accepted (seed 003: 3 hours). */
  @NotNull private Duration maxDuration = ClipLimits.DEFAULT.maxDuration();

  /** The largest source video accepted, whichever way it is uploaded. */
  @NotNull private DataSize maxUploadSize = DataSize.ofBytes(ClipLimits.DEFAULT.maxBytes());

  /** How long probing an upload may take before it is refused as unreadable. */
  @NotNull private Duration probeTimeout = ClipLimits.DEFAULT.probeTimeout();

  /** The largest SRT/VTT transcript accepted with a video. */
  @NotNull
  private DataSize maxTranscriptSize = DataSize.ofBytes(ClipLimits.DEFAULT.maxSubtitleBytes());

  /** The shortest clip a candidate may be trimmed to or analysed for. */
  @NotNull private Duration minClip = ClipLimits.DEFAULT.minClip();

  /** The longest clip a candidate may be trimmed to or analysed for. */
  @NotNull private Duration maxClip = ClipLimits.DEFAULT.maxClip();

  /**
   * Whether the model stages (transcript, reframe) run only on workers tagged gpu: turn on when the
   * cluster has a GPU pool (the Helm chart's workers.gpu).
   */
  private boolean gpuStages = ClipPipelines.Options.DEFAULT.gpuStages();

  /** The time one transcription may take (offline recognition runs near real time). */
  @NotNull private Duration transcriptTimeout = ClipPipelines.Options.DEFAULT.transcriptTimeout();

  /** The time one execution of the reframe or render stage of an export may take. */
  @NotNull private Duration exportTimeout = ClipPipelines.Options.DEFAULT.exportTimeout();

  @Override
  public void checkTogether() {
    if (minClip.isNegative() || minClip.isZero() || maxClip.compareTo(minClip) < 0) {
      throw new InvalidSettingException(
          "reelforge.clips.max-clip: must be at least reelforge.clips.min-clip, which is positive");
    }
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new InvalidSettingException("reelforge.clips.max-duration: must be positive");
    }
    if (maxUploadSize.toBytes() <= 0 || maxTranscriptSize.toBytes() <= 0) {
      throw new InvalidSettingException(
          "reelforge.clips.max-upload-size and max-transcript-size: must be positive");
    }
  }

  /** The limits as the clips feature takes them. */
  public ClipLimits limits() {
    return new ClipLimits(
        maxDuration,
        maxUploadSize.toBytes(),
        probeTimeout,
        maxTranscriptSize.toBytes(),
        minClip,
        maxClip);
  }

  /** The pipelines' options. */
  public ClipPipelines.Options pipelineOptions() {
    return new ClipPipelines.Options(gpuStages, transcriptTimeout, exportTimeout);
  }

  public Duration getMaxDuration() {
    return maxDuration;
  }

  public void setMaxDuration(Duration maxDuration) {
    this.maxDuration = maxDuration;
  }

  public DataSize getMaxUploadSize() {
    return maxUploadSize;
  }

  public void setMaxUploadSize(DataSize maxUploadSize) {
    this.maxUploadSize = maxUploadSize;
  }

  public Duration getProbeTimeout() {
    return probeTimeout;
  }

  public void setProbeTimeout(Duration probeTimeout) {
    this.probeTimeout = probeTimeout;
  }

  public DataSize getMaxTranscriptSize() {
    return maxTranscriptSize;
  }

  public void setMaxTranscriptSize(DataSize maxTranscriptSize) {
    this.maxTranscriptSize = maxTranscriptSize;
  }

  public Duration getMinClip() {
    return minClip;
  }

  public void setMinClip(Duration minClip) {
    this.minClip = minClip;
  }

  public Duration getMaxClip() {
    return maxClip;
  }

  public void setMaxClip(Duration maxClip) {
    this.maxClip = maxClip;
  }

  public boolean isGpuStages() {
    return gpuStages;
  }

  public void setGpuStages(boolean gpuStages) {
    this.gpuStages = gpuStages;
  }

  public Duration getTranscriptTimeout() {
    return transcriptTimeout;
  }

  public void setTranscriptTimeout(Duration transcriptTimeout) {
    this.transcriptTimeout = transcriptTimeout;
  }

  public Duration getExportTimeout() {
    return exportTimeout;
  }

  public void setExportTimeout(Duration exportTimeout) {
    this.exportTimeout = exportTimeout;
  }
}
