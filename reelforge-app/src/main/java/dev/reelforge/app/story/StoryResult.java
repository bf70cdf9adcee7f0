package dev.reelforge.app.story;

import dev.reelforge.core.script.Script;
import dev.reelforge.media.render.RenderedOutput;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished story.
 *
 * @param folder where everything was written
 * @param outputs one per format: MP4, thumbnail, SRT, VTT
 * @param manifest the run manifest
 * @param resumedStages how many stages were taken from checkpoints instead of redone
 */
public record StoryResult(
    Path folder, Script script, List<RenderedOutput> outputs, Path manifest, int resumedStages) {

  public StoryResult {
    outputs = List.copyOf(outputs);
  }
}
