package dev.reelforge.providers.ingest;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches a user's link without letting it reach our own network. Only {@code http} and {@code
 * https}; no credentials in the link; the host is resolved once, every address it resolves to must
 * pass the {@link AddressPolicy}, and the connection is made to that checked address (so a DNS
 * answer that changes between check and connect cannot redirect us). Redirects go through the same
 * checks. The whole fetch has one deadline, the body a size limit, and only HTML and plain text are
 * accepted.
 *
 * <p>This is a deliberately small HTTP/1.1 client: general clients resolve names themselves, which
 * is exactly the gap (DNS rebinding) the guard must close.
 */
public final class GuardedFetcher {

  /** Turns a host name into addresses; the system resolver by default. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
  }

  private static final Set<String> ACCEPTED_TYPES =
      Set.of("text/html", "application/xhtml+xml", "text/plain");
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final String USER_AGENT = "ReelForge/1.0 (+article ingest)";

  private final AddressPolicy policy;
  private final Resolver resolver;
  private final SSLContext tls;
  private final FetchLimits limits;
  private final Set<String> acceptedTypes;
  private final String refusal;

  public GuardedFetcher(
      AddressPolicy policy, Resolver resolver, SSLContext tls, FetchLimits limits) {
    this(
        policy,
        resolver,
        tls,
        limits,
        ACCEPTED_TYPES,
        "the link is not a web page (its type is %s); link to an HTML article or a plain-text"
            + " file");
  }

  private GuardedFetcher(
      AddressPolicy policy,
      Resolver resolver,
      SSLContext tls,
      FetchLimits limits,
      Set<String> acceptedTypes,
      String refusal) {
    this.policy = policy;
    this.resolver = resolver;
    this.tls = tls;
    this.limits = limits;
    this.acceptedTypes = Set.copyOf(acceptedTypes);
    this.refusal = refusal;
  }

  /**
   * The same guard for other kinds of content (pictures a video job starts from): only {@code
   * mediaTypes} are read, within {@code limits}; {@code refusal} is the message for another type,
   * with {@code %s} where the type goes.
   */
  public GuardedFetcher accepting(Set<String> mediaTypes, String refusal, FetchLimits limits) {
    return new GuardedFetcher(policy, resolver, tls, limits, mediaTypes, refusal);
  }

  /** The fetcher for users' links: public addresses only, the system's DNS and trust store. */
  public static GuardedFetcher forUsers() {
    try {
      return new GuardedFetcher(
          AddressPolicy.PUBLIC_ONLY, Resolver.SYSTEM, SSLContext.getDefault(), FetchLimits.DEFAULT);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("no TLS in this JVM", e);
    }
  }

  /**
   * @throws ReelForgeException INVALID_INPUT (field {@code url}) for a link that may not be
   *     fetched, EXTERNAL_API_ERROR / EXTERNAL_API_TIMEOUT when the site fails or is too slow,
   *     PAYLOAD_TOO_LARGE past the size limit, UNSUPPORTED_MEDIA_TYPE for what is not a web page
   */
  public FetchedPage fetch(String url) {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    URI target = parse(url);
    for (int hop = 0; ; hop++) {
      Hop result = fetchOnce(target, deadline);
      if (result.redirect().isEmpty()) {
        return result.page().orElseThrow();
      }
      if (hop == limits.maxRedirects()) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR,
            "the link redirected more than " + limits.maxRedirects() + " times");
      }
      target = parseRedirect(target, result.redirect().get());
    }
  }

  private record Hop(Optional<FetchedPage> page, Optional<String> redirect) {}

  /**
   * Checks a URL the way a fetch or post would, without connecting: scheme, no credentials, and
   * every address its host resolves to now.
   *
   * @throws ReelForgeException INVALID_INPUT (field {@code url}) for a URL that may not be reached
   */
  public void check(String url) {
    checkedAddress(hostOf(parse(url)));
  }

  /** What a guarded POST got back: the status and the start of the body, for a delivery log. */
  public record PostAnswer(int status, String bodyStart) {}

  /**
   * POSTs {@code body} to a user's URL under the same guard as a fetch (checked scheme, every
   * resolved address checked, the connection made to the checked address, one deadline). Redirects
   * are not followed: a 3xx is returned like any other status.
   *
   * @throws ReelForgeException INVALID_INPUT (field {@code url}) for a URL that may not be reached,
   *     EXTERNAL_API_ERROR / EXTERNAL_API_TIMEOUT when the connection fails or is too slow
   */
  public PostAnswer post(String url, String contentType, Map<String, String> headers, byte[] body) {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    URI uri = parse(url);
    String host = hostOf(uri);
    InetAddress address = checkedAddress(host);
    boolean secure = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
    try (Socket socket = connect(address, port, host, secure, deadline)) {
      StringBuilder head = new StringBuilder(requestLine("POST", uri, host, port, secure));
      head.append("Content-Type: ").append(contentType).append("\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
      headers.forEach(
          (name, value) -> {
            if (name.indexOf('\r') >= 0
                || name.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0) {
              throw new IllegalArgumentException("a header may not span lines: " + name);
            }
            head.append(name).append(": ").append(value).append("\r\n");
          });
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, deadline));
      HttpResponseReader reader = new HttpResponseReader(in, host);
      HttpResponseReader.Head answer = reader.readHead();
      String start;
      try {
        byte[] bytes = reader.readBody(answer, 4096);
        start = new String(bytes, StandardCharsets.UTF_8);
      } catch (ReelForgeException | IOException e) {
        start = ""; // a long or broken body does not change what the status says
      }
      return new PostAnswer(
          answer.status(), start.length() > 512 ? start.substring(0, 512) : start);
    } catch (SocketTimeoutException e) {
      throw timedOut(host);
    } catch (IOException e) {
      if (System.nanoTime() >= deadline) {
        throw timedOut(host);
      }
      throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR, "could not reach " + host + ": " + e.getMessage(), e)
          .withRetryable(true);
    }
  }

  private Hop fetchOnce(URI uri, long deadline) {
    String host = hostOf(uri);
    InetAddress address = checkedAddress(host);
    boolean secure = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
    try (Socket socket = connect(address, port, host, secure, deadline)) {
      OutputStream out = socket.getOutputStream();
      out.write(request(uri, host, port, secure).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, deadline));
      HttpResponseReader reader = new HttpResponseReader(in, host);
      HttpResponseReader.Head head = reader.readHead();
      if (REDIRECTS.contains(head.status())) {
        String location =
            head.header("location")
                .orElseThrow(
                    () ->
                        new ReelForgeException(
                            ErrorCode.EXTERNAL_API_ERROR,
                            host + " answered " + head.status() + " without a Location"));
        return new Hop(Optional.empty(), Optional.of(location));
      }
      if (head.status() < 200 || head.status() > 299) {
        throw new ReelForgeException(
                ErrorCode.EXTERNAL_API_ERROR,
                host + " answered HTTP " + head.status() + " for " + uri)
            .withRetryable(head.status() >= 500 || head.status() == 429);
      }
      String contentType = head.header("content-type").orElse("");
      String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (!acceptedTypes.contains(mediaType)) {
        throw new ReelForgeException(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            refusal.formatted(mediaType.isEmpty() ? "not given" : mediaType));
      }
      byte[] body = reader.readBody(head, limits.maxBytes());
      return new Hop(
          Optional.of(new FetchedPage(uri.toString(), mediaType, charset(contentType), body)),
          Optional.empty());
    } catch (SocketTimeoutException e) {
      throw timedOut(host);
    } catch (SSLException e) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "a secure connection to " + host + " failed: " + e.getMessage(),
          e);
    } catch (IOException e) {
      if (System.nanoTime() >= deadline) {
        throw timedOut(host);
      }
      throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR, "could not fetch " + uri + ": " + e.getMessage(), e)
          .withRetryable(true);
    }
  }

  private InetAddress checkedAddress(String host) {
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw ReelForgeException.invalidField("url", "the host " + host + " does not exist");
    }
    if (addresses.isEmpty()) {
      throw ReelForgeException.invalidField("url", "the host " + host + " has no address");
    }
    // Every address must pass: connecting to the first while another is private would let a
    // round-robin answer decide which network we reach.
    for (InetAddress address : addresses) {
      Optional<String> refusal = policy.refusal(address);
      if (refusal.isPresent()) {
        throw ReelForgeException.invalidField(
            "url",
            "links must point to the public internet; "
                + host
                + " resolves to "
                + address.getHostAddress()
                + " ("
                + refusal.get()
                + ")");
      }
    }
    return addresses.getFirst();
  }

  private Socket connect(InetAddress address, int port, String host, boolean secure, long deadline)
      throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(address, port), remainingMillis(deadline, host));
      if (!secure) {
        return plain;
      }
      SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
      SSLParameters parameters = socket.getSSLParameters();
      // We connected to an address, so the certificate must be checked against the link's host.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!isAddressLiteral(host)) {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      }
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(remainingMillis(deadline, host));
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  private static String request(URI uri, String host, int port, boolean secure) {
    return requestLine("GET", uri, host, port, secure)
        + "Accept: text/html,application/xhtml+xml,text/plain;q=0.9\r\n"
        + "Accept-Encoding: gzip, deflate\r\n"
        + "Connection: close\r\n\r\n";
  }

  /** The request line and the headers every request carries (Host, User-Agent). */
  private static String requestLine(String method, URI uri, String host, int port, boolean secure) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    boolean defaultPort = port == (secure ? 443 : 80);
    String hostHeader =
        (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
    return method
        + " "
        + path
        + " HTTP/1.1\r\n"
        + "Host: "
        + hostHeader
        + "\r\n"
        + "User-Agent: "
        + USER_AGENT
        + "\r\n";
  }

  private static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw ReelForgeException.invalidField("url", "must not be blank");
    }
    try {
      return checked(new URI(url.strip()));
    } catch (URISyntaxException e) {
      throw ReelForgeException.invalidField("url", "is not a valid link: " + e.getReason());
    }
  }

  private static URI parseRedirect(URI from, String location) {
    try {
      return checked(from.resolve(new URI(location.strip())));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "the site redirected to an invalid link: " + location);
    }
  }

  private static URI checked(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ReelForgeException.invalidField(
          "url",
          "only http and https links can be read (got "
              + (scheme.isEmpty() ? "none" : scheme)
              + ")");
    }
    if (uri.getRawUserInfo() != null) {
      throw ReelForgeException.invalidField(
          "url", "links with a user name or password are refused");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw ReelForgeException.invalidField(
          "url", "the link has no host (write international host names in punycode)");
    }
    return uri;
  }

  /** The link's host, without the brackets of an IPv6 literal. */
  private static String hostOf(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean isAddressLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private static Optional<String> charset(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        return Optional.of(pair[1].trim().replace("\"", ""));
      }
    }
    return Optional.empty();
  }

  private static int remainingMillis(long deadline, String host) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("deadline passed for " + host);
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private ReelForgeException timedOut(String host) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_TIMEOUT,
        host + " did not deliver the page within " + limits.timeout().toSeconds() + " s");
  }

  /** Reads from a socket with the fetch's one deadline, not a fresh timeout per read. */
  private static final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    DeadlineInputStream(Socket socket, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      socket.setSoTimeout(remainingMillis(deadline, "the site"));
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      socket.setSoTimeout(remainingMillis(deadline, "the site"));
      return in.read(buffer, offset, length);
    }
  }
}
