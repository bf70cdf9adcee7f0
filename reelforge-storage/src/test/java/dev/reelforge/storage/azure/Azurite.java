package dev.reelforge.storage.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Microsoft's Azure Storage emulator (npm {@code azurite}, Node 20) as a child process with one
 * container. Present only where {@code azurite-blob} is on the PATH; tests skip otherwise, and CI
 * installs it.
 */
public final class Azurite implements AutoCloseable {

  public static final String CONTAINER = "reelforge-test";

  /** The emulator's documented, public development account. */
  private static final String ACCOUNT = "devstoreaccount1";

  private static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private final Process process;
  private final Path folder;
  private final int port;

  private Azurite(Process process, Path folder, int port) {
    this.process = process;
    this.folder = folder;
    this.port = port;
  }

  /** The {@code azurite-blob} command on the PATH, if any. */
  public static Optional<Path> executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, "azurite-blob"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public static Azurite start() throws IOException, InterruptedException {
    Path executable = executable().orElseThrow();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path folder = Files.createTempDirectory("azurite");
    Process process =
        new ProcessBuilder(
                List.of(
                    executable.toString(),
                    "--blobHost",
                    "127.0.0.1",
                    "--blobPort",
                    Integer.toString(port),
                    "--location",
                    folder.toString(),
                    "--silent",
                    "--skipApiVersionCheck"))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("azurite.log").toFile())
            .start();
    Azurite azurite = new Azurite(process, folder, port);
    azurite.awaitPort(Duration.ofSeconds(30));
    new BlobServiceClientBuilder()
        .connectionString(azurite.connectionString())
        .httpClient(new JdkHttpClientBuilder().build())
        .buildClient()
        .createBlobContainerIfNotExists(CONTAINER);
    return azurite;
  }

  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + KEY
        + ";BlobEndpoint=http://127.0.0.1:"
        + port
        + "/"
        + ACCOUNT
        + ";";
  }

  private void awaitPort(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("azurite exited: " + Files.readString(folder.resolve("azurite.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("azurite did not listen on " + port + " in " + timeout);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder; the OS cleans it
    }
  }
}
