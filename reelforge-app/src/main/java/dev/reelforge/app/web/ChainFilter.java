package dev.reelforge.app.web;

import jakarta.servlet.Filter;
import java.util.Objects;

/**
 * The filter of one application {@link ChainLink}, given by the configuration that builds it (the
 * security filters by the security configuration); {@link FilterChainConfiguration} registers it at
 * the link's place.
 *
 * @param enabled false for a link this process goes without (CORS without origins, the role gate on
 *     an api node): it is then not registered at all
 */
public record ChainFilter(ChainLink link, Filter filter, boolean enabled) {

  public ChainFilter {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(filter, "filter");
    if (link.source() != ChainLink.Source.APPLICATION) {
      throw new IllegalArgumentException(link + " is registered by the framework");
    }
  }

  /** A link this process always has. */
  public static ChainFilter of(ChainLink link, Filter filter) {
    return new ChainFilter(link, filter, true);
  }
}
