package dev.reelforge.core.visuals;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds pictures and clips for a beat and fetches the chosen one. Implementations: the local media
 * library, procedural designs, Pexels, Pixabay.
 *
 * <p>Contract (checked by {@code VisualSourceContract} in the testkit): results are at most {@code
 * limit}, best first, of the kinds asked for, each with a licence; a fetched asset is a readable
 * file of that kind in {@code directory}.
 */
public interface VisualSource {

  /** The source's configuration name, e.g. {@code library}, {@code pexels}. */
  String name();

  /** Candidates for {@code query}, best first; empty when nothing matches. */
  List<VisualCandidate> search(VisualQuery query);

  /**
   * Brings {@code candidate} to a local file in {@code directory}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException an external-API code when a download fails
   */
  VisualAsset fetch(VisualCandidate candidate, Path directory);
}
