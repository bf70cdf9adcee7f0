package dev.reelforge.providers.publish;

import dev.reelforge.core.publish.UploadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An upload state over a map: what the job engine's checkpoint keeps, shared by the publisher
 * instances of a test as a database row is shared by a process and its successor.
 */
public final class MapUploadState implements UploadState {

  public final Map<String, String> values = new ConcurrentHashMap<>();
  public final List<String> progress = new ArrayList<>();
  public volatile boolean cancelled;

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public void put(String key, String value) {
    values.put(key, value);
  }

  @Override
  public void remove(String key) {
    values.remove(key);
  }

  @Override
  public synchronized void progress(double fraction, String message) {
    progress.add(Math.round(fraction * 100) + "% " + message);
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }
}
