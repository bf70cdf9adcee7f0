package dev.reelforge.core.providers;

import java.util.Objects;

/**
 * One implementation of a port that this installation can use.
 *
 * @param port the role it fills
 * @param name its configuration name, e.g. {@code marytts}, {@code elevenlabs}
 * @param offline whether it works with no network and no account
 * @param description what it is, in a few words, for {@code doctor} and the run manifest
 * @param implementation the object implementing the port
 */
public record ProviderChoice<T>(
    ProviderPort port, String name, boolean offline, String description, T implementation) {

  public ProviderChoice {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(implementation, "implementation");
  }
}
