package dev.reelforge.testkit.videogen.stub;

import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Checks a Kling bearer token as Kling does: a JWT signed HS256 with the secret key, issued by the
 * access key, inside its {@code nbf}–{@code exp} window. A wrong one is answered with Kling's 401
 * and its code: 1001 empty, 1002 invalid (shape, signature, issuer), 1003 not yet valid, 1004
 * expired.
 */
final class KlingJwt {

  private final String accessKey;
  private final byte[] secretKey;

  KlingJwt(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
  }

  /** Null when {@code authorization} is good at {@code now}, else the 401 to answer. */
  Reply check(String authorization, Instant now) {
    if (authorization == null || authorization.isBlank()) {
      return KlingStub.error(401, 1001, "Authorization is empty");
    }
    if (!authorization.startsWith("Bearer ")) {
      return KlingStub.error(401, 1002, "Authorization is invalid: not a Bearer token");
    }
    String[] parts = authorization.substring("Bearer ".length()).split("\\.", -1);
    if (parts.length != 3) {
      return KlingStub.error(401, 1002, "Authorization is invalid: not a JWT");
    }
    JsonNode header = StubJson.read(decode(parts[0]));
    JsonNode claims = StubJson.read(decode(parts[1]));
    if (header == null || claims == null || !"HS256".equals(header.path("alg").asString(""))) {
      return KlingStub.error(401, 1002, "Authorization is invalid: not an HS256 JWT");
    }
    byte[] expected = hmac((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    byte[] signature = decode(parts[2]);
    if (signature == null || !MessageDigest.isEqual(expected, signature)) {
      return KlingStub.error(401, 1002, "Authorization is invalid: bad signature");
    }
    if (!accessKey.equals(claims.path("iss").asString(""))) {
      return KlingStub.error(401, 1002, "Authorization is invalid: unknown access key");
    }
    long seconds = now.getEpochSecond();
    if (!claims.path("nbf").isNumber() || claims.path("nbf").asLong() > seconds) {
      return KlingStub.error(401, 1003, "Authorization is not yet valid");
    }
    if (!claims.path("exp").isNumber() || claims.path("exp").asLong() <= seconds) {
      return KlingStub.error(401, 1004, "Authorization has expired");
    }
    return null;
  }

  private byte[] hmac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] decode(String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
