package dev.reelforge.core.visuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.MediaLicence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackVisualsTest {

  private static final VisualQuery QUERY = VisualQuery.of(List.of("moon"), Orientation.PORTRAIT, 0);

  /** A source that answers with one candidate per name it is given, or fails. */
  private record Source(String name, List<String> ids, RuntimeException failure)
      implements VisualSource {
    @Override
    public List<VisualCandidate> search(VisualQuery query) {
      if (failure != null) {
        throw failure;
      }
      return ids.stream()
          .map(
              id ->
                  new VisualCandidate(
                      name,
                      id,
                      VisualKind.IMAGE,
                      9,
                      16,
                      0,
                      "/" + id,
                      "",
                      MediaLicence.generated(name),
                      1))
          .toList();
    }

    @Override
    public VisualAsset fetch(VisualCandidate candidate, Path directory) {
      return new VisualAsset(directory.resolve(name + "-" + candidate.id()), candidate);
    }
  }

  private static ReelForgeException outage(String source) {
    return new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, source + " is down");
  }

  @Test
  void theFirstSourceWithResultsAnswersAndFailuresOnTheWayAreReported() {
    List<String> reported = new ArrayList<>();
    FallbackVisuals chain =
        new FallbackVisuals(
            List.of(
                new Source("stock", List.of(), outage("stock")),
                new Source("library", List.of(), null),
                new Source("procedural", List.of("design-1"), null)),
            (source, failure) -> reported.add(source.name() + ": " + failure.getMessage()));
    List<VisualCandidate> found = chain.search(QUERY);
    assertThat(found).extracting(VisualCandidate::source).containsExactly("procedural");
    assertThat(reported).containsExactly("stock: stock is down");
    assertThat(chain.fetch(found.getFirst(), Path.of("work")).file())
        .isEqualTo(Path.of("work", "procedural-design-1"));
    assertThat(chain.name()).isEqualTo("stock+library+procedural");
  }

  @Test
  void whenEverySourceFailsTheFirstFailureIsThrownWithTheOthersSuppressed() {
    FallbackVisuals chain =
        new FallbackVisuals(
            List.of(
                new Source("a", List.of(), outage("a")), new Source("b", List.of(), outage("b"))),
            (source, failure) -> {});
    assertThatThrownBy(() -> chain.search(QUERY))
        .hasMessage("a is down")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly("b is down"));
  }

  @Test
  void nothingFoundAnywhereIsAnEmptyAnswer() {
    FallbackVisuals chain =
        new FallbackVisuals(List.of(new Source("a", List.of(), null)), (source, failure) -> {});
    assertThat(chain.search(QUERY)).isEmpty();
  }
}
