package dev.reelforge.media.motion;

/**
 * Numbers derived from a request's seed (SplitMix64's finaliser), spelled out here rather than
 * taken from {@link java.util.Random} so that a seed means the same clip in every Java version.
 */
final class SeedMix {

  private SeedMix() {}

  /** A number in [0, 1) for {@code seed} and a purpose ({@code salt}), the same on every run. */
  static double unit(long seed, int salt) {
    long z = seed + 0x9E3779B97F4A7C15L * (salt + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  /** A number in [-1, 1). */
  static double signed(long seed, int salt) {
    return unit(seed, salt) * 2 - 1;
  }
}
