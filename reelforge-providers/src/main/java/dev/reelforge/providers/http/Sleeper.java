package dev.reelforge.providers.http;

import java.time.Duration;

/** Waits between retries; tests substitute one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;
}
