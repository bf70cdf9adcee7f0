package dev.reelforge.core.music;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Music sources asked in order until one delivers: the operator's music folder first, then composed
 * music, so a folder with nothing for a mood never leaves a video silent. A source that fails goes
 * to the listener given at construction (the story pipeline writes it to the run's events); when
 * every source fails, the first failure is thrown with the others suppressed.
 */
public final class FallbackMusic implements MusicSource {

  private final List<MusicSource> sources;
  private final BiConsumer<MusicSource, RuntimeException> onFailure;

  public FallbackMusic(
      List<MusicSource> sources, BiConsumer<MusicSource, RuntimeException> onFailure) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("at least one music source is needed");
    }
    this.sources = List.copyOf(sources);
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  @Override
  public String name() {
    return String.join("+", sources.stream().map(MusicSource::name).toList());
  }

  @Override
  public Music compose(MusicRequest request, Path output) {
    List<RuntimeException> failures = new ArrayList<>();
    for (MusicSource source : sources) {
      try {
        return source.compose(request, output);
      } catch (RuntimeException e) {
        failures.add(e);
        onFailure.accept(source, e);
      }
    }
    RuntimeException first = failures.getFirst();
    failures.stream().skip(1).forEach(first::addSuppressed);
    throw first;
  }
}
