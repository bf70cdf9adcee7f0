package dev.reelforge.core.providers;

import dev.reelforge.core.error.ReelForgeException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The implementations available for each port and the one in use. {@code auto} (the default) picks
 * the first configured cloud implementation, else the offline default, so that a fresh install
 * works with no account and adding an API key is enough to switch; a name picks that
 * implementation. The selection is reported by {@code doctor} and written to run manifests.
 */
public final class ProviderRegistry {

  /** Let the registry choose. */
  public static final String AUTO = "auto";

  private final Map<ProviderPort, List<ProviderChoice<?>>> available =
      new EnumMap<>(ProviderPort.class);
  private final Map<ProviderPort, String> selection = new EnumMap<>(ProviderPort.class);

  /** Makes {@code choice} available; registration order is preference order among equals. */
  public ProviderRegistry register(ProviderChoice<?> choice) {
    available.computeIfAbsent(choice.port(), p -> new ArrayList<>()).add(choice);
    return this;
  }

  /** Asks for {@code name} (or {@link #AUTO}) on {@code port}. */
  public ProviderRegistry select(ProviderPort port, String name) {
    selection.put(port, name == null || name.isBlank() ? AUTO : name.strip());
    return this;
  }

  /** The implementation in use for {@code port}, if it has any. */
  public Optional<ProviderChoice<?>> active(ProviderPort port) {
    List<ProviderChoice<?>> choices = available.getOrDefault(port, List.of());
    String wanted = selection.getOrDefault(port, AUTO);
    if (wanted.equals(AUTO)) {
      return choices.stream()
          .filter(c -> !c.offline())
          .findFirst()
          .or(() -> choices.stream().findFirst());
    }
    return Optional.of(
        choices.stream()
            .filter(c -> c.name().equals(wanted))
            .findFirst()
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        "reelforge.providers." + port.key(),
                        "unknown "
                            + port.label()
                            + " provider '"
                            + wanted
                            + "'; available: "
                            + (choices.isEmpty()
                                ? "none"
                                : choices.stream()
                                    .map(ProviderChoice::name)
                                    .collect(Collectors.joining(", "))))));
  }

  /**
   * The implementation in use for {@code port}, typed.
   *
   * @throws ReelForgeException {@code SERVICE_UNAVAILABLE} when the port has none
   */
  public <T> T require(ProviderPort port, Class<T> type) {
    ProviderChoice<?> choice =
        active(port)
            .orElseThrow(
                () ->
                    new ReelForgeException(
                        dev.reelforge.core.error.ErrorCode.SERVICE_UNAVAILABLE,
                        "no " + port.label() + " provider is available in this installation"));
    return type.cast(choice.implementation());
  }

  /**
   * Every implementation registered for {@code port}, in registration order: the video engines'
   * fallback chains pick among all of them, not only the one in use.
   */
  public <T> List<T> all(ProviderPort port, Class<T> type) {
    return available.getOrDefault(port, List.of()).stream()
        .map(c -> type.cast(c.implementation()))
        .toList();
  }

  /** Every port with its implementation in use (or none) and the alternatives. */
  public List<Status> statuses() {
    List<Status> statuses = new ArrayList<>();
    for (ProviderPort port : ProviderPort.values()) {
      statuses.add(
          new Status(
              port,
              active(port),
              available.getOrDefault(port, List.of()).stream().map(ProviderChoice::name).toList()));
    }
    return statuses;
  }

  /** What one port resolves to. */
  public record Status(
      ProviderPort port, Optional<ProviderChoice<?>> active, List<String> available) {}
}
