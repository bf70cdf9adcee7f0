package dev.reelforge.providers.http;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.resilience.CircuitBreaker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client every cloud adapter calls its provider through: per-attempt timeout, retries of
 * transient failures only (connection errors, timeouts, 408, 425, 429 and 5xx) with exponential
 * backoff and jitter, {@code Retry-After} honoured, a circuit breaker and a cap on concurrent
 * calls. A permanent refusal (other 4xx) fails at once as a {@link ProviderRejection}. What each
 * status means is decided by {@link HttpErrors}; adapters call it through their {@link
 * JsonApiClient}, which adds the endpoint, the key and the meter.
 */
public final class ProviderHttp {

  private final String provider;
  private final HttpClient client;
  private final ResilienceOptions options;
  private final Clock clock;
  private final Sleeper sleeper;
  private final CircuitBreaker breaker;
  private final Semaphore permits;
  private final Observer observer;
  private final VendorErrors vendorErrors;

  /**
   * Watches every call (retries included) for traces and metrics: it may add headers to the request
   * (a trace context) and is told how the call ended.
   */
  public interface Observer {

    /** One call under way. */
    interface Call {
      /** Headers to send with every attempt, such as {@code traceparent}. */
      Map<String, String> headers();

      /**
       * @param failure the error the call failed with after its retries, or null on success
       */
      void ended(ReelForgeException failure);
    }

    Call started(String provider, String method, URI uri);

    Observer NONE =
        (provider, method, uri) ->
            new Call() {
              @Override
              public Map<String, String> headers() {
                return Map.of();
              }

              @Override
              public void ended(ReelForgeException failure) {}
            };
  }

  /**
   * @param provider the provider's configuration name, used in messages and setting hints
   */
  public ProviderHttp(
      String provider,
      HttpClient client,
      ResilienceOptions options,
      Clock clock,
      Sleeper sleeper,
      Observer observer) {
    this(provider, client, options, clock, sleeper, observer, VendorErrors.NONE);
  }

  /**
   * @param provider the provider's configuration name, used in messages and setting hints
   * @param vendorErrors the vendor's reading of error bodies, before the generic status mapping
   */
  public ProviderHttp(
      String provider,
      HttpClient client,
      ResilienceOptions options,
      Clock clock,
      Sleeper sleeper,
      Observer observer,
      VendorErrors vendorErrors) {
    this.vendorErrors = java.util.Objects.requireNonNull(vendorErrors, "vendorErrors");
    this.observer = observer;
    this.provider = provider;
    this.client = client;
    this.options = options;
    this.clock = clock;
    this.sleeper = sleeper;
    this.breaker =
        new CircuitBreaker(
            options.failureThreshold(), options.failureWindow(), options.openDuration(), clock);
    this.permits = new Semaphore(options.maxConcurrent(), true);
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  /**
   * Sends {@code request} (its own timeout is replaced by the configured one) until it succeeds or
   * fails for good.
   *
   * @throws ProviderRejection for a permanent 4xx
   * @throws ReelForgeException {@code EXTERNAL_API_ERROR}/{@code EXTERNAL_API_TIMEOUT} (retryable)
   *     once retries are spent, {@code RATE_LIMIT_EXCEEDED} for a long {@code Retry-After}, {@code
   *     SERVICE_UNAVAILABLE} while the circuit is open or the concurrency cap stays full
   */
  public ProviderResponse send(HttpRequest request) {
    return call(
        request,
        HttpResponse.BodyHandlers.ofByteArray(),
        (response) -> response.body(),
        options.timeout());
  }

  /**
   * Downloads {@code uri} to {@code target} (atomically: a partial file never appears there),
   * refusing bodies over {@code maxBytes}.
   */
  public ProviderResponse download(URI uri, Path target, long maxBytes, Duration timeout) {
    return download(HttpRequest.newBuilder(uri).GET().build(), target, maxBytes, timeout);
  }

  /**
   * Downloads what {@code request} answers to {@code target}, as {@link #download(URI, Path, long,
   * Duration)} does: for files a vendor serves only with its key.
   */
  public ProviderResponse download(
      HttpRequest request, Path target, long maxBytes, Duration timeout) {
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try {
      ProviderResponse response =
          call(
              request,
              HttpResponse.BodyHandlers.ofInputStream(),
              (HttpResponse<InputStream> streamed) -> copyCapped(streamed, partial, maxBytes),
              timeout);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return response;
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not store the download from " + provider, e);
    } finally {
      deleteQuietly(partial);
    }
  }

  private <B> ProviderResponse call(
      HttpRequest request,
      HttpResponse.BodyHandler<B> handler,
      BodyReader<B> reader,
      Duration timeout) {
    Observer.Call call = observer.started(provider, request.method(), request.uri());
    HttpRequest sent = request;
    if (!call.headers().isEmpty()) {
      HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
      call.headers().forEach(copy::setHeader);
      sent = copy.build();
    }
    try {
      ProviderResponse response = guarded(sent, handler, reader, timeout);
      call.ended(null);
      return response;
    } catch (ReelForgeException e) {
      call.ended(e);
      throw e;
    }
  }

  private <B> ProviderResponse guarded(
      HttpRequest request,
      HttpResponse.BodyHandler<B> handler,
      BodyReader<B> reader,
      Duration timeout) {
    Instant started = clock.instant();
    acquirePermit();
    try {
      CircuitBreaker.Admission admission = breaker.tryAcquire();
      if (admission == CircuitBreaker.Admission.REFUSED) {
        throw new ReelForgeException(
            ErrorCode.SERVICE_UNAVAILABLE,
            provider
                + " is failing; calls are paused until "
                + breaker.retryAt()
                + " (circuit breaker open)",
            true,
            List.of(),
            null);
      }
      boolean reported = false;
      try {
        ProviderResponse response = attempts(request, handler, reader, timeout, started);
        breaker.onSuccess();
        reported = true;
        return response;
      } catch (TransientFailure failure) {
        breaker.onFailure();
        reported = true;
        throw failure.cause;
      } finally {
        if (!reported) {
          breaker.onNeutral(admission);
        }
      }
    } finally {
      permits.release();
    }
  }

  private <B> ProviderResponse attempts(
      HttpRequest request,
      HttpResponse.BodyHandler<B> handler,
      BodyReader<B> reader,
      Duration timeout,
      Instant started)
      throws TransientFailure {
    HttpRequest timed =
        HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    ReelForgeException lastFailure = null;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      Duration wait;
      try {
        HttpResponse<B> response = client.send(timed, handler);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          byte[] body = reader.read(response);
          return new ProviderResponse(
              status,
              response.headers(),
              body,
              attempt,
              Duration.between(started, clock.instant()));
        }
        byte[] errorBody = drain(response);
        ReelForgeException failure =
            vendorErrors
                .read(status, errorBody)
                .orElseGet(() -> HttpErrors.forStatus(provider, status, errorBody));
        if (!failure.retryable()) {
          throw failure;
        }
        Optional<Duration> retryAfter = RetryAfter.of(response.headers(), clock);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(options.maxRetryAfter()) > 0) {
          throw failure.code() == ErrorCode.EXTERNAL_RATE_LIMIT
              ? HttpErrors.retryLater(provider, retryAfter.get(), ErrorCode.EXTERNAL_RATE_LIMIT)
              : HttpErrors.retryLater(provider, retryAfter.get());
        }
        lastFailure = failure;
        wait = retryAfter.isPresent() ? withSmallJitter(retryAfter.get()) : backoff(attempt);
      } catch (HttpTimeoutException e) {
        lastFailure = HttpErrors.timedOut(provider, timeout, e);
        wait = backoff(attempt);
      } catch (IOException e) {
        lastFailure = HttpErrors.unreachable(provider, e);
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw HttpErrors.interrupted(provider, e);
      }
      if (attempt < options.maxAttempts()) {
        sleep(wait);
      }
    }
    throw new TransientFailure(lastFailure);
  }

  /** Retries were spent on transient failures: the one outcome that counts against the breaker. */
  private static final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ReelForgeException cause;

    TransientFailure(ReelForgeException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }
  }

  /** Exponential backoff with equal jitter: half the delay fixed, half random. */
  Duration backoff(int attempt) {
    long base = options.baseDelay().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, options.maxDelay().toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  private Duration withSmallJitter(Duration retryAfter) {
    // Never earlier than asked; spread by up to 10 % so that parallel callers do not return at
    // once.
    long spread = Math.max(1, retryAfter.toMillis() / 10);
    return retryAfter.plusMillis(ThreadLocalRandom.current().nextLong(spread));
  }

  private void acquirePermit() {
    try {
      if (!permits.tryAcquire(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ReelForgeException(
            ErrorCode.SERVICE_UNAVAILABLE,
            "too many calls to "
                + provider
                + " in flight (at most "
                + options.maxConcurrent()
                + "); try again shortly",
            true,
            List.of(),
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpErrors.interrupted(provider, e);
    }
  }

  private void sleep(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpErrors.interrupted(provider, e);
    }
  }

  private static byte[] drain(HttpResponse<?> response) throws IOException {
    Object body = response.body();
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof InputStream stream) {
      try (stream) {
        return stream.readNBytes(16 * 1024);
      }
    }
    return new byte[0];
  }

  private byte[] copyCapped(HttpResponse<InputStream> response, Path partial, long maxBytes)
      throws IOException {
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      response.body().close();
      throw tooLarge(declared, maxBytes);
    }
    try (InputStream in = response.body();
        var out = Files.newOutputStream(partial)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) >= 0) {
        total += read;
        if (total > maxBytes) {
          throw tooLarge(total, maxBytes);
        }
        out.write(buffer, 0, read);
      }
    }
    return new byte[0];
  }

  private ReelForgeException tooLarge(long bytes, long maxBytes) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        provider + " offered a file of " + bytes + " bytes; at most " + maxBytes + " are fetched",
        false,
        List.of(),
        null);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A leftover .part file is overwritten by the next download of the same target.
    }
  }

  @FunctionalInterface
  private interface BodyReader<B> {
    byte[] read(HttpResponse<B> response) throws IOException;
  }

  /** The JDK client every provider shares. */
  static HttpClient sharedClient() {
    return SharedClient.INSTANCE;
  }

  /** One JDK client for all providers: it pools connections and threads. */
  private static final class SharedClient {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }
}
