package dev.reelforge.core.accounts;

import java.util.function.Supplier;

/** Secrets every instance must share (the token signing key), made by whichever starts first. */
public interface ServerSecrets {

  /** The secret {@code name}, storing {@code fresh} first when there is none yet. */
  byte[] getOrCreate(String name, Supplier<byte[]> fresh);
}
