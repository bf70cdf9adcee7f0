package dev.reelforge.core.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window rate limits shared by every instance: one counter per bucket (an endpoint class and
 * a user or an address) and window. A request is counted only when it is let through.
 */
public interface RateLimiter {

  Decision acquire(String bucket, int limit, Duration window);

  /** Drops windows that ended before {@code before}. */
  int purge(Instant before);

  /** Whether the request may pass, what is left of the window, and when the window ends. */
  record Decision(boolean allowed, int limit, int remaining, Instant resetsAt) {}
}
