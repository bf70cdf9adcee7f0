package dev.reelforge.testkit.videogen.stub;

import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the server's public address in tests of vendors that fetch frames by URL (Luma):
 * serves local pictures at loopback URLs, and wraps a generator so that every frame of a request
 * carries one, as the application does when a public URL is configured.
 */
public final class FrameHost implements AutoCloseable {

  private final StubHttpServer server = new StubHttpServer();
  private final Map<String, Path> files = new ConcurrentHashMap<>();

  public FrameHost() {
    server.route(
        "GET",
        "/frames/([^/]+)",
        request -> {
          Path file = files.get(request.groups().getFirst());
          if (file == null) {
            return Reply.json(404, "{\"error\":\"no such frame\"}");
          }
          try {
            return Reply.bytes("image/png", Files.readAllBytes(file));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** A URL at which {@code file} can be fetched while this host runs. */
  public String publish(Path file) {
    String name = UUID.randomUUID() + "-" + file.getFileName();
    files.put(name, file);
    return server.baseUrl() + "/frames/" + name;
  }

  /** {@code request} with a public URL on every frame. */
  public VideoRequest published(VideoRequest request) {
    return new VideoRequest(
        request.prompt(),
        request.startImage().map(this::published),
        request.endImage().map(this::published),
        request.durationSeconds(),
        request.fps(),
        request.resolution(),
        request.aspect(),
        request.seed());
  }

  private VideoFrame published(VideoFrame frame) {
    return new VideoFrame(frame.file(), Optional.of(publish(frame.file())));
  }

  /** {@code engine}, given requests whose frames carry public URLs. */
  public VideoGenerator publishing(VideoGenerator engine) {
    return new VideoGenerator() {
      @Override
      public String name() {
        return engine.name();
      }

      @Override
      public VideoProgress submit(VideoRequest request, Path directory) {
        return engine.submit(published(request), directory);
      }

      @Override
      public VideoProgress poll(PendingVideo pending, Path directory) {
        return engine.poll(pending, directory);
      }

      @Override
      public void cancel(PendingVideo pending) {
        engine.cancel(pending);
      }
    };
  }

  @Override
  public void close() {
    server.close();
  }
}
