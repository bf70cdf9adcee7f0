package dev.reelforge.providers.publish;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.HttpErrors;
import dev.reelforge.providers.http.ProviderHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP client of a publishing platform's adapter. Unlike {@link ProviderHttp} it answers every
 * status to the adapter and never retries in-line: a resumable upload reads {@code 308 Resume
 * Incomplete}, {@code 206} and {@code 404} of an expired session as steps of its protocol, and
 * every step it has made is already written to the upload state, so a failed call is retried by the
 * job engine and resumes where the platform says it stopped. Only failures below HTTP (refused,
 * reset, timed out) are thrown, as retryable errors.
 *
 * <p>Redirects are never followed: YouTube's {@code 308} carries no {@code Location}, and the JDK
 * client's redirect policy would fail on it.
 */
public final class PlatformHttp {

  private final String provider;
  private final HttpClient client;
  private final ProviderHttp.Observer observer;

  /**
   * @param provider the adapter's configuration name, for messages and traces
   * @param observer told of every call (traces, metrics)
   */
  public PlatformHttp(String provider, ProviderHttp.Observer observer) {
    this(provider, SharedClient.INSTANCE, observer);
  }

  PlatformHttp(String provider, HttpClient client, ProviderHttp.Observer observer) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.client = Objects.requireNonNull(client, "client");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** An answer, whatever its status. */
  public record Reply(int status, HttpHeaders headers, byte[] body) {

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Sends {@code request} with {@code Authorization: Bearer token} and {@code timeout}.
   *
   * @throws ReelForgeException retryable, when no answer came (connection refused or dropped,
   *     timeout)
   */
  public Reply send(HttpRequest.Builder request, String token, Duration timeout) {
    HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(timeout).build();
    ProviderHttp.Observer.Call call = observer.started(provider, built.method(), built.uri());
    if (!call.headers().isEmpty()) {
      HttpRequest.Builder copy = HttpRequest.newBuilder(built, (name, value) -> true);
      call.headers().forEach(copy::setHeader);
      built = copy.build();
    }
    try {
      HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
      call.ended(null);
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (HttpTimeoutException e) {
      throw ended(call, HttpErrors.timedOut(provider, timeout, e));
    } catch (IOException e) {
      throw ended(call, HttpErrors.unreachable(provider, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ended(call, HttpErrors.interrupted(provider, e));
    }
  }

  /** The generic reading of an answer no step of the protocol expects. */
  public ReelForgeException unexpected(Reply reply) {
    return HttpErrors.forStatus(provider, reply.status(), reply.body());
  }

  public String provider() {
    return provider;
  }

  /** {@code uri} as given: session and upload URLs come whole from the platform. */
  public static HttpRequest.Builder to(URI uri) {
    return HttpRequest.newBuilder(uri);
  }

  private static ReelForgeException ended(ProviderHttp.Observer.Call call, ReelForgeException e) {
    call.ended(e);
    return e;
  }

  /** One client for every platform adapter, never following redirects. */
  private static final class SharedClient {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }
}
