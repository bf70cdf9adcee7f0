package dev.reelforge.core.script;

/**
 * Writes the narration of a short video from an idea, a paragraph, an article or a manual script.
 * Implementations: the offline extractive/template writer, language models behind an
 * OpenAI-compatible chat API.
 *
 * <p>Contract (checked by {@code ScriptWriterContract} in the testkit for every implementation):
 * the script passes {@link ScriptRules#check}; a manual script's lines come back unchanged, one
 * beat each; every beat has keywords for visual search; title, description and hashtags are set;
 * the copy for a post is within its platform's limits ({@link
 * dev.reelforge.core.publish.PostMetadata#violations} finds nothing) and carries the locale asked.
 */
public interface ScriptWriter {

  /** The writer's configuration name, e.g. {@code extractive}, {@code openai}. */
  String name();

  /**
   * Writes a script.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code VALIDATION_FAILED} for a manual
   *     script that breaks the limits, {@code SCRIPT_GENERATION_FAILED} when no valid script could
   *     be written, an external-API code for a cloud writer's failure
   */
  Script write(ScriptRequest request);

  /**
   * The title, description and hashtags of a post on {@code request.platform()}, in its locale,
   * within the platform's limits. By default derived from the script offline ({@link
   * PlatformCopy}); a writer with a language model writes it for the platform and falls back to
   * this with a notice when its answer is unusable.
   *
   * @throws dev.reelforge.core.error.ReelForgeException an external-API code when a cloud writer's
   *     service fails (retryable ones may be retried by the caller)
   */
  default PostCopy copyFor(CopyRequest request) {
    return PlatformCopy.derive(request, name());
  }
}
