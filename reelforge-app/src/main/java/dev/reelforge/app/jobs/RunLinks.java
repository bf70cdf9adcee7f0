package dev.reelforge.app.jobs;

import dev.reelforge.core.jobs.spi.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run links to, told by the feature that owns its kind (the story routes for {@code story}
 * runs): the runs API shows it without knowing any feature, which keeps this package below them.
 */
public interface RunLinks {

  /** Title, page and owning object: fields added to the run in lists and on its own. */
  Map<String, Object> summary(RunRecord run);

  /** The files the run made, each with a signed download URL; empty when none (yet). */
  List<Map<String, Object>> outputs(RunRecord run);

  /**
   * Stages of the pipeline that do nothing for this run (a story's render of a shape no format
   * asked for): they complete at once, and the API marks them {@code "skipped": true}.
   */
  Set<String> skippedStages(RunRecord run);
}
