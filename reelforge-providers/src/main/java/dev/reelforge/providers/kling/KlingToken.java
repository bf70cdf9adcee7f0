package dev.reelforge.providers.kling;

import dev.reelforge.providers.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kling's credential: a JWT (RFC 7519) signed with HMAC-SHA256 by the secret key, whose issuer is
 * the access key, valid from five seconds ago (clock skew) for thirty minutes — the shape of
 * Kling's own examples. One token serves every call until five minutes before it expires, so a
 * request never leaves with a token about to lapse. Time comes from the injected clock.
 */
final class KlingToken implements Supplier<String> {

  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
  static final Duration NOT_BEFORE_SLACK = Duration.ofSeconds(5);

  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String accessKey;
  private final byte[] secretKey;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  KlingToken(String accessKey, String secretKey, Clock clock) {
    this.accessKey = accessKey;
    this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  @Override
  public synchronized String get() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(renewAt)) {
      token = sign(accessKey, secretKey, now);
      renewAt = now.plus(LIFETIME).minus(RENEW_BEFORE);
    }
    return token;
  }

  /** A token issued at {@code now}. */
  static String sign(String accessKey, byte[] secretKey, Instant now) {
    ObjectNode claims = Json.object();
    claims.put("iss", accessKey);
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    claims.put("nbf", now.minus(NOT_BEFORE_SLACK).getEpochSecond());
    String signed =
        BASE64URL.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8))
            + "."
            + BASE64URL.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
      return signed
          + "."
          + BASE64URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Says what it is, never the token or the keys. */
  @Override
  public String toString() {
    return "KlingToken[HS256, renewed " + RENEW_BEFORE.toMinutes() + " min before expiry]";
  }
}
