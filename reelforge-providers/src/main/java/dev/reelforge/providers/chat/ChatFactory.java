package dev.reelforge.providers.chat;

import dev.reelforge.core.brand.Director;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import java.util.List;

/**
 * Builds the chat script writer and director from validated {@link ChatOptions}; a key, when there
 * is one, goes as a bearer token.
 */
public final class ChatFactory {

  /** The configuration name of the chat script writer. */
  public static final String NAME = "chat";

  private ChatFactory() {}

  /** Script writing and the brand director, as the registry offers them. */
  public static List<ProviderChoice<?>> choices(ChatOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<ScriptWriter>(
            ProviderPort.SCRIPT_WRITER,
            NAME,
            false,
            "chat completions at " + options.baseUrl() + ", model " + options.model(),
            scriptWriter(options, context)),
        new ProviderChoice<Director>(
            ProviderPort.DIRECTOR,
            NAME,
            false,
            "chat completions at " + options.baseUrl() + ", model " + options.model(),
            director(options, context)));
  }

  public static ChatDirector director(ChatOptions options, CloudContext context) {
    return new ChatDirector(
        context.client(NAME, options.endpoint(), Auth.bearer(), options.resilience()), options);
  }

  /** The optional highlight re-ranker of the clips feature. */
  public static ChatHighlightRanker highlightRanker(ChatOptions options, CloudContext context) {
    return new ChatHighlightRanker(
        context.client(NAME, options.endpoint(), Auth.bearer(), options.resilience()), options);
  }

  public static ChatScriptWriter scriptWriter(ChatOptions options, CloudContext context) {
    return new ChatScriptWriter(
        context.client(NAME, options.endpoint(), Auth.bearer(), options.resilience()), options);
  }
}
