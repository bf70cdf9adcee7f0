package dev.reelforge.core.visuals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Several sources asked in order until one has results, so that a beat always gets a picture: stock
 * search first, then the local library, then procedural designs (which always answer). A source
 * that fails is skipped like one that finds nothing, and its failure goes to the listener given at
 * construction (the story pipeline writes it to the run's events); when every source fails, the
 * first failure is thrown with the others suppressed.
 */
public final class FallbackVisuals implements VisualSource {

  private final List<VisualSource> sources;
  private final Map<String, VisualSource> byName;
  private final BiConsumer<VisualSource, RuntimeException> onFailure;

  public FallbackVisuals(
      List<VisualSource> sources, BiConsumer<VisualSource, RuntimeException> onFailure) {
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("at least one visual source is needed");
    }
    this.sources = List.copyOf(sources);
    this.byName =
        this.sources.stream()
            .collect(Collectors.toMap(VisualSource::name, Function.identity(), (a, b) -> a));
  }

  @Override
  public String name() {
    return String.join("+", sources.stream().map(VisualSource::name).toList());
  }

  @Override
  public List<VisualCandidate> search(VisualQuery query) {
    List<RuntimeException> failures = new ArrayList<>();
    for (VisualSource source : sources) {
      try {
        List<VisualCandidate> found = source.search(query);
        if (!found.isEmpty()) {
          return found;
        }
      } catch (RuntimeException e) {
        failures.add(e);
        onFailure.accept(source, e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.getFirst();
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
    return List.of();
  }

  @Override
  public VisualAsset fetch(VisualCandidate candidate, Path directory) {
    VisualSource source = byName.get(candidate.source());
    Objects.requireNonNull(source, () -> "no visual source named " + candidate.source());
    return source.fetch(candidate, directory);
  }
}
