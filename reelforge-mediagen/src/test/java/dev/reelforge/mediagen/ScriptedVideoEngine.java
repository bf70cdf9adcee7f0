package dev.reelforge.mediagen;

import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link VideoGenerator} calling a {@link ScriptedVendor}: one instance per "process", the
 * vendor's state shared between them. Counts its own polls, so a test tells which instance polled.
 */
final class ScriptedVideoEngine implements VideoGenerator {

  private final ScriptedVendor vendor;
  final AtomicInteger polls = new AtomicInteger();

  ScriptedVideoEngine(ScriptedVendor vendor) {
    this.vendor = vendor;
  }

  @Override
  public String name() {
    return vendor.engine;
  }

  @Override
  public VideoProgress submit(VideoRequest request, Path directory) {
    return vendor.submit(request, directory);
  }

  @Override
  public VideoProgress poll(PendingVideo pending, Path directory) {
    polls.incrementAndGet();
    return vendor.poll(pending, directory);
  }

  @Override
  public void cancel(PendingVideo pending) {
    vendor.cancel(pending);
  }
}
