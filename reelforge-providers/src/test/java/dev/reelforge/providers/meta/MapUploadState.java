package dev.reelforge.providers.meta;

import dev.reelforge.core.publish.UploadState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upload state over a map, as the job engine's checkpoint keeps it: a test hands the same map to
 * a new publisher to play a restarted process.
 */
public final class MapUploadState implements UploadState {

  public final Map<String, String> values;
  public final List<Double> progress = new CopyOnWriteArrayList<>();
  public volatile boolean cancelled;

  public MapUploadState() {
    this(new ConcurrentHashMap<>());
  }

  public MapUploadState(Map<String, String> values) {
    this.values = values;
  }

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
  public void progress(double fraction, String message) {
    progress.add(fraction);
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }
}
