package dev.reelforge.story;

import dev.reelforge.core.jobs.spi.RunRecord;
import java.io.File;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of the story feature: stage outputs, run inputs, checkpoints, manifests and
 * stored sessions are all written and read here, so that the writer and every reader agree.
 */
public final class StoryJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StoryJson() {}

  public static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  public static String writePretty(Object value) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return JSON.readValue(json, type);
  }

  public static <T> T read(File file, Class<T> type) {
    return JSON.readValue(file, type);
  }

  /**
   * The result of a succeeded {@code story} run: its {@code manifest} stage's output, which the
   * engine keeps as the run's artifact.
   */
  public static StoryOutputs.ManifestOutput result(RunRecord run) {
    return JSON.treeToValue(
        JSON.readTree(run.artifacts()).get(StoryPipeline.MANIFEST),
        StoryOutputs.ManifestOutput.class);
  }

  /** {@link #result}, or empty for a run whose manifest stage has not finished. */
  public static java.util.Optional<StoryOutputs.ManifestOutput> resultIfAny(RunRecord run) {
    var manifest = JSON.readTree(run.artifacts()).get(StoryPipeline.MANIFEST);
    return manifest == null || manifest.isNull()
        ? java.util.Optional.empty()
        : java.util.Optional.of(JSON.treeToValue(manifest, StoryOutputs.ManifestOutput.class));
  }
}
