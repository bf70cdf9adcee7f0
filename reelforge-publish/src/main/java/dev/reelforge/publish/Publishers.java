package dev.reelforge.publish;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.Publisher;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The publishers this server has, one per platform configured. */
public final class Publishers {

  private final Map<Platform, Publisher> byPlatform = new EnumMap<>(Platform.class);

  public Publishers(Collection<Publisher> publishers) {
    for (Publisher publisher : publishers) {
      if (byPlatform.put(publisher.platform(), publisher) != null) {
        throw new IllegalArgumentException("two publishers for " + publisher.platform().key());
      }
    }
  }

  public Optional<Publisher> of(Platform platform) {
    return Optional.ofNullable(byPlatform.get(platform));
  }

  /**
   * @throws ReelForgeException INVALID_INPUT naming {@code field} when the platform is not set up
   */
  Publisher require(Platform platform, String field) {
    return of(platform)
        .orElseThrow(
            () ->
                ReelForgeException.invalidField(
                    field,
                    platform.key()
                        + " is not set up on this server (see reelforge.publish.platforms."
                        + platform.key()
                        + " in docs/configuration.md)"));
  }

  public Set<Platform> platforms() {
    return Set.copyOf(byPlatform.keySet());
  }
}
