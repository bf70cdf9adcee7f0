package dev.reelforge.providers.assemblyai;

import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;

/**
 * Builds the AssemblyAI transcriber from validated {@link AssemblyAiOptions}; the key goes as the
 * bare {@code authorization} header, as AssemblyAI asks.
 */
public final class AssemblyAiFactory {

  /** The configuration name of the AssemblyAI adapter. */
  public static final String NAME = "assemblyai";

  private AssemblyAiFactory() {}

  public static AssemblyAiTranscriber transcriber(AssemblyAiOptions options, CloudContext context) {
    return new AssemblyAiTranscriber(
        context.client(
            NAME, options.endpoint(), Auth.header("authorization", ""), options.resilience()),
        options,
        context.clock(),
        context.sleeper());
  }
}
