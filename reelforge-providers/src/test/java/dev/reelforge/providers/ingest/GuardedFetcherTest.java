package dev.reelforge.providers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard against a real local HTTP server. The server listens on 127.0.0.1, which the user
 * policy refuses; the tests trust exactly that address, so every other blocked range stays blocked
 * — including when a redirect points there.
 */
class GuardedFetcherTest {

  private static final String ARTICLE =
      "<html><head><title>Deep sea</title></head><body><article><p>"
          + "The deep sea is the largest habitat on Earth. ".repeat(10)
          + "</p></article></body></html>";

  private HttpServer server;
  private InetAddress loopback;
  private String base;
  private final AtomicReference<String> lastHost = new AtomicReference<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<String> lastPost = new AtomicReference<>();

  @BeforeEach
  void startServer() throws IOException {
    loopback = InetAddress.getByName("127.0.0.1");
    server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          lastHost.set(exchange.getRequestHeaders().getFirst("Host"));
          route(exchange);
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/article" ->
          send(
              exchange,
              200,
              "text/html; charset=utf-8",
              ARTICLE.getBytes(StandardCharsets.UTF_8),
              false);
      case "/moved" -> redirect(exchange, "/article");
      case "/loop" -> redirect(exchange, "/loop");
      case "/to-private" -> redirect(exchange, "http://10.0.0.7/admin");
      case "/to-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
      case "/to-ipv6-loopback" ->
          redirect(exchange, "http://[::1]:" + server.getAddress().getPort() + "/article");
      case "/to-file" -> redirect(exchange, "file:///etc/passwd");
      case "/to-named-private" -> redirect(exchange, "http://intranet.test/");
      case "/hook" -> {
        byte[] received = exchange.getRequestBody().readAllBytes();
        lastPost.set(
            exchange.getRequestMethod()
                + " "
                + exchange.getRequestHeaders().getFirst("Content-Type")
                + " "
                + exchange.getRequestHeaders().getFirst("X-Signature")
                + " "
                + new String(received, StandardCharsets.UTF_8));
        send(exchange, 202, "text/plain", "thanks".getBytes(StandardCharsets.UTF_8), false);
      }
      case "/missing" ->
          send(exchange, 404, "text/html", "gone".getBytes(StandardCharsets.UTF_8), false);
      case "/image" ->
          send(exchange, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, false);
      case "/huge" -> send(exchange, 200, "text/html", new byte[300_000], false);
      case "/huge-chunked" -> send(exchange, 200, "text/html", new byte[300_000], true);
      case "/bomb" -> {
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        send(exchange, 200, "text/html", gzip(new byte[5_000_000]), false);
      }
      case "/slow" -> {
        try {
          Thread.sleep(3000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(exchange, 200, "text/html", ARTICLE.getBytes(StandardCharsets.UTF_8), false);
      }
      default -> send(exchange, 404, "text/plain", new byte[0], false);
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void send(
      HttpExchange exchange, int status, String type, byte[] body, boolean chunked)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } catch (IOException e) {
      // the client stopped reading: expected for the size-limit cases
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private GuardedFetcher fetcher(Map<String, String> names, FetchLimits limits) throws Exception {
    GuardedFetcher.Resolver resolver =
        host -> {
          String mapped = names.get(host);
          return mapped != null
              ? List.of(InetAddress.getByName(mapped))
              : GuardedFetcher.Resolver.SYSTEM.resolve(host);
        };
    return new GuardedFetcher(
        AddressPolicy.publicAnd(loopback), resolver, SSLContext.getDefault(), limits);
  }

  private GuardedFetcher fetcher() throws Exception {
    return fetcher(Map.of("intranet.test", "10.1.1.1"), FetchLimits.DEFAULT);
  }

  @Test
  void postsUnderTheSameGuardAndDoesNotFollowRedirects() throws Exception {
    GuardedFetcher.PostAnswer answer =
        fetcher()
            .post(
                base + "/hook",
                "application/json",
                Map.of("X-Signature", "t=1,v1=ab"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.bodyStart()).isEqualTo("thanks");
    assertThat(lastPost.get()).isEqualTo("POST application/json t=1,v1=ab {\"a\":1}");

    assertThat(fetcher().post(base + "/moved", "application/json", Map.of(), new byte[0]).status())
        .isEqualTo(302);
    int before = requests.get();
    assertThatThrownBy(
            () ->
                GuardedFetcher.forUsers()
                    .post(base + "/hook", "application/json", Map.of(), new byte[0]))
        .isInstanceOf(ReelForgeException.class)
        .hasMessageContaining("loopback");
    assertThatThrownBy(
            () ->
                fetcher()
                    .post("http://intranet.test/hook", "application/json", Map.of(), new byte[0]))
        .hasMessageContaining("private");
    assertThat(requests.get()).isEqualTo(before);
  }

  @Test
  void fetchesAnHtmlPageAndFollowsARedirect() throws Exception {
    FetchedPage page = fetcher().fetch(base + "/moved");

    assertThat(page.url()).isEqualTo(base + "/article");
    assertThat(page.mediaType()).isEqualTo("text/html");
    assertThat(page.charset()).hasValue("utf-8");
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("largest habitat");
  }

  @Test
  void connectsToTheCheckedAddressButSendsTheLinksHost() throws Exception {
    int port = server.getAddress().getPort();
    GuardedFetcher fetcher = fetcher(Map.of("news.test", "127.0.0.1"), FetchLimits.DEFAULT);

    FetchedPage page = fetcher.fetch("http://news.test:" + port + "/article");

    assertThat(page.url()).isEqualTo("http://news.test:" + port + "/article");
    assertThat(lastHost.get()).isEqualTo("news.test:" + port);
  }

  @Test
  void theUserPolicyRefusesLoopbackBeforeConnecting() {
    GuardedFetcher users = GuardedFetcher.forUsers();

    expectRefusal(() -> users.fetch(base + "/article"), "loopback");
    expectRefusal(
        () -> users.fetch("http://localhost:" + server.getAddress().getPort() + "/"), "loopback");
    assertThat(requests).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/to-private", "/to-metadata", "/to-ipv6-loopback", "/to-named-private"})
  void aRedirectIntoOurNetworkIsRefused(String path) throws Exception {
    GuardedFetcher fetcher = fetcher();

    assertThatThrownBy(() -> fetcher.fetch(base + path))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("public internet");
            });
    assertThat(requests).hasValue(1);
  }

  @Test
  void aRedirectToAnotherSchemeIsRefused() throws Exception {
    expectRefusal(() -> fetcher().fetch(base + "/to-file"), "only http and https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/a.txt",
        "file:///etc/passwd",
        "gopher://example.com/",
        "javascript:alert(1)",
        "http://user:secret@example.com/",
        "not a link",
        "http:///nohost"
      })
  void linksThatMayNotBeFetchedAreRefusedWithTheField(String url) throws Exception {
    GuardedFetcher fetcher = fetcher();
    assertThatThrownBy(() -> fetcher.fetch(url))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("url"));
            });
  }

  @Test
  void aHostWithAnyPrivateAddressIsRefused() throws Exception {
    GuardedFetcher.Resolver mixed =
        host ->
            List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.10"));
    GuardedFetcher fetcher =
        new GuardedFetcher(
            AddressPolicy.PUBLIC_ONLY, mixed, SSLContext.getDefault(), FetchLimits.DEFAULT);

    expectRefusal(() -> fetcher.fetch("http://round-robin.test/"), "192.168.0.10");
  }

  @Test
  void redirectsAreLimited() throws Exception {
    assertThatThrownBy(() -> fetcher().fetch(base + "/loop"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.getMessage()).contains("redirected more than 5 times"));
    assertThat(requests).hasValue(6);
  }

  @Test
  void bodiesPastTheSizeLimitAreRefusedWhateverTheirFraming() throws Exception {
    GuardedFetcher small = fetcher(Map.of(), new FetchLimits(100_000, Duration.ofSeconds(10), 5));

    for (String path : List.of("/huge", "/huge-chunked", "/bomb")) {
      assertThatThrownBy(() -> small.fetch(base + path))
          .as(path)
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }
  }

  @Test
  void aSlowSiteHitsTheDeadline() throws Exception {
    GuardedFetcher impatient =
        fetcher(Map.of(), new FetchLimits(1_000_000, Duration.ofMillis(500), 5));
    long start = System.nanoTime();

    assertThatThrownBy(() -> impatient.fetch(base + "/slow"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void onlyWebPagesAreAccepted() throws Exception {
    assertThatThrownBy(() -> fetcher().fetch(base + "/image"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
              assertThat(e.getMessage()).contains("image/png");
            });
  }

  @Test
  void anErrorStatusIsAnExternalError() throws Exception {
    assertThatThrownBy(() -> fetcher().fetch(base + "/missing"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.getMessage()).contains("404");
            });
  }

  @Test
  void theArticleSourceExtractsTheFetchedArticle() throws Exception {
    WebArticleSource source = new WebArticleSource(fetcher(), new ArticleExtractor());

    var article = source.read(base + "/article");

    assertThat(article.title()).isEqualTo("Deep sea");
    assertThat(article.text()).startsWith("The deep sea is the largest habitat on Earth.");
  }

  private static void expectRefusal(ThrowingCallable call, String reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains(reason);
            });
  }
}
