package dev.reelforge.story;

import dev.reelforge.story.StoryOutputs.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A finished story.
 *
 * @param runId the run that made it
 * @param folder where everything was written
 * @param title the script's title
 * @param outputs one per format: MP4, thumbnail, SRT, VTT (relative to {@code folder})
 * @param manifest the run manifest
 * @param reusedStages how many stages were taken from the last run instead of redone
 * @param segmentsRendered video segments encoded by this run
 * @param segmentsReused video segments taken from the render cache (same content, same key)
 * @param script how the script was made (a template must be edited before publishing)
 */
public record StoryResult(
    UUID runId,
    Path folder,
    String title,
    List<OutputFile> outputs,
    Path manifest,
    int reusedStages,
    int segmentsRendered,
    int segmentsReused,
    StoryOutputs.ScriptFacts script) {

  public StoryResult {
    outputs = List.copyOf(outputs);
  }

  public Path file(String name) {
    return folder.resolve(name);
  }
}
