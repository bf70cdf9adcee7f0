package dev.reelforge.app.web;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.idempotency.Claim;
import dev.reelforge.core.idempotency.IdempotencyStore;
import dev.reelforge.core.idempotency.StoredResponse;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every POST under {@code /api/} (and seed 004's {@code /images/generate} and {@code
 * /video/generate}) that carries {@code Idempotency-Key} (or seed 000's {@code X-Idempotency-Key})
 * idempotent: the first request with a key is answered normally and its answer kept; a repeat with
 * the same method, path and body gets that answer again (marked {@code Idempotent-Replayed: true}),
 * a repeat while the first is still running gets 409 {@code IDEMPOTENT_IN_PROGRESS}, and the key
 * reused for a different request gets 422 {@code IDEMPOTENCY_KEY_REUSED}. Keys are per user. A 5xx
 * answer is not kept, so the client may retry. The previews, which create nothing, are left out; so
 * are brand uploads, which are idempotent by their content instead (the same picture again answers
 * the caller's earlier vision job) and whose 10 MB bodies and multipart parts this filter would
 * have to hold in memory and could not hand on as parts. Long video uploads are left out too: their
 * gigabyte bodies cannot be held to be compared; their retry-safe path is the resumable upload
 * ({@code /api/clips/uploads}), whose chunks may be sent again and whose completion answers once.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

  public static final String REPLAYED = "Idempotent-Replayed";

  private static final Set<String> NOT_WORK = Set.of("/api/tts/preview", "/api/caption/preview");

  /** Work routes whose repeat already answers the first result (by the content's hash). */
  private static final Set<String> IDEMPOTENT_BY_CONTENT = Set.of("/api/brand/uploads");

  /** Routes whose bodies are long videos, too large to hold (see the class comment). */
  private static boolean videoUpload(String path) {
    return path.equals("/api/clips/sources")
        || (path.startsWith("/api/clips/uploads/") && path.endsWith("/complete"));
  }

  /** Seed 004's work routes outside {@code /api/}. */
  private static final Set<String> WORK_OUTSIDE_API = Set.of("/images/generate", "/video/generate");

  private final IdempotencyStore store;
  private final IdempotencySettings settings;

  public IdempotencyFilter(IdempotencyStore store, IdempotencySettings settings) {
    this.store = store;
    this.settings = settings;
  }

  /**
   * A request's key: {@code Idempotency-Key}, else seed 000's {@code X-Idempotency-Key}.
   *
   * @param header the request's header of a name, null when absent
   */
  public static Optional<String> key(UnaryOperator<String> header) {
    return Optional.ofNullable(header.apply("Idempotency-Key"))
        .or(() -> Optional.ofNullable(header.apply("X-Idempotency-Key")));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !request.getMethod().equals("POST")
        || !(path.startsWith("/api/") || WORK_OUTSIDE_API.contains(path))
        || NOT_WORK.contains(path)
        || IDEMPOTENT_BY_CONTENT.contains(path)
        || videoUpload(path)
        || key(request::getHeader).isEmpty();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = key(request::getHeader).orElseThrow().strip();
    if (key.isEmpty()
        || key.length() > SubmitRequest.MAX_IDEMPOTENCY_KEY_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      refuse(
          request,
          response,
          ErrorCode.INVALID_INPUT,
          "the idempotency key must be 1 to "
              + SubmitRequest.MAX_IDEMPOTENCY_KEY_LENGTH
              + " printable ASCII characters without spaces",
          List.of(new FieldViolation("Idempotency-Key", "invalid")));
      return;
    }
    byte[] body = readBody(request);
    if (body == null) {
      refuse(
          request,
          response,
          ErrorCode.PAYLOAD_TOO_LARGE,
          "a request with an idempotency key may send at most "
              + settings.getMaxBodyBytes()
              + " bytes",
          List.of());
      return;
    }
    UUID owner = RequestOwner.current();
    Claim claim =
        store.claim(owner, key, hash(request, body), settings.getTtl(), settings.getStaleAfter());
    switch (claim) {
      case Claim.Answered answered -> replay(answered.response(), response);
      case Claim.InProgress ignored -> {
        response.setHeader("Retry-After", "1");
        refuse(
            request,
            response,
            ErrorCode.IDEMPOTENT_IN_PROGRESS,
            "a request with this idempotency key is still being answered; repeat it shortly",
            List.of());
      }
      case Claim.Mismatch ignored ->
          refuse(
              request,
              response,
              ErrorCode.IDEMPOTENCY_KEY_REUSED,
              "this idempotency key was used for a different request; use a new key",
              List.of());
      case Claim.Granted ignored -> answerOnce(owner, key, body, request, response, chain);
    }
  }

  private void answerOnce(
      UUID owner,
      String key,
      byte[] body,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    boolean kept = false;
    try {
      chain.doFilter(new ReplayableBodyRequest(request, body), recorded);
      if (recorded.getStatus() < 500) {
        String type = Optional.ofNullable(recorded.getContentType()).orElse("");
        store.answer(
            owner,
            key,
            new StoredResponse(recorded.getStatus(), type, recorded.getContentAsByteArray()));
        kept = true;
      }
    } finally {
      if (!kept) {
        store.release(owner, key);
      }
      recorded.copyBodyToResponse();
    }
  }

  private static void replay(StoredResponse stored, HttpServletResponse response)
      throws IOException {
    response.setStatus(stored.status());
    if (!stored.contentType().isEmpty()) {
      response.setContentType(stored.contentType());
    }
    response.setHeader(REPLAYED, "true");
    byte[] body = stored.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The body, or null when it is longer than allowed. */
  private byte[] readBody(HttpServletRequest request) throws IOException {
    int max = settings.getMaxBodyBytes();
    if (request.getContentLengthLong() > max) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      return body.length > max ? null : body;
    }
  }

  /** The method, path, query and body: what makes two requests the same request. */
  private static String hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String query = Optional.ofNullable(request.getQueryString()).orElse("");
      sha.update(
          (request.getMethod() + "\n" + request.getRequestURI() + "?" + query + "\n")
              .getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      ErrorCode code,
      String detail,
      List<FieldViolation> fields)
      throws IOException {
    ErrorEnvelopeWriter.write(request, response, code, detail, fields);
  }
}
