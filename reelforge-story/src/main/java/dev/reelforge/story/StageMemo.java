package dev.reelforge.story;

import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code make} command's memory between runs: the outputs of the stages whose work is only data
 * (the article, the script, the storyboard), kept in the work folder under a key of everything that
 * decides them. The in-process engine forgets its runs when the command ends; with this a stopped
 * or failed {@code make} run again with the same input reuses the script it already paid for. The
 * other stages need no memory here: they cache their files by content (narration per beat, fetched
 * visuals, music, video segments), which is what makes their repeat cheap.
 */
final class StageMemo {

  /** The stages whose output is remembered: pure data, no files beside it. */
  static final Set<String> REMEMBERED =
      Set.of(StoryPipeline.INGEST, StoryPipeline.SCRIPT, StoryPipeline.STORYBOARD);

  private final Checkpoints memory;
  private final String salt;
  private final Consumer<String> reused;

  /**
   * @param dir where the outputs are kept
   * @param salt what else decides the outputs, e.g. the providers in use
   * @param reused told the name of each stage answered from memory
   */
  StageMemo(Path dir, String salt, Consumer<String> reused) {
    this.memory = new Checkpoints(dir);
    this.salt = salt;
    this.reused = reused;
  }

  StageHandler remembering(StageHandler handler) {
    return ctx -> {
      if (!REMEMBERED.contains(ctx.stage())) {
        return handler.execute(ctx);
      }
      String name = ctx.stage() + "-" + key(ctx);
      Optional<String> kept = memory.read(name, String.class);
      if (kept.isPresent()) {
        reused.accept(ctx.stage());
        return StageResult.completed(kept.get());
      }
      StageResult result = handler.execute(ctx);
      if (result instanceof StageResult.Completed completed) {
        memory.write(name, completed.output());
      }
      return result;
    };
  }

  private String key(StageContext ctx) {
    Map<String, String> dependencies = new TreeMap<>(ctx.dependencyOutputs());
    return WorkFiles.key(
        salt
            + "\n"
            + deciding(StoryJson.read(ctx.inputs(), StoryRunInputs.class))
            + "\n"
            + dependencies,
        12);
  }

  /**
   * What in the run's inputs decides the remembered stages: the input, the user's script and chosen
   * visuals, and the frame's orientation (the storyboard searches pictures for the first format's
   * shape). Not the other formats, the quality, the captions, the voice or the music: a second
   * {@code make} that only adds a format, or changes how it is rendered, reuses the script and
   * storyboard and so every file made from them.
   */
  static String deciding(StoryRunInputs in) {
    StoryInput input = in.input();
    return StoryJson.write(
        List.of(
            input.text(),
            input.kind().name(),
            input.link(),
            in.sentences() == null ? List.of() : in.sentences(),
            in.title() == null ? "" : in.title(),
            in.chosen().stream().map(c -> c == null ? "" : BeatVisuals.key(c)).toList(),
            BeatVisuals.orientation(StoryPipeline.presets(input.formats()).getFirst()).name()));
  }
}
