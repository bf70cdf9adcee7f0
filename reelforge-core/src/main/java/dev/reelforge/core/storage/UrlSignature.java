package dev.reelforge.core.storage;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for the local store's download URLs: {@code key} and {@code expires}
 * (epoch seconds) signed with a server secret, so a URL cannot be stretched in time or pointed at
 * another object.
 */
public final class UrlSignature {

  private final SecretKeySpec secret;

  public UrlSignature(byte[] secret) {
    if (secret.length < 32) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "a URL signing secret needs at least 32 bytes");
    }
    this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The URL-safe signature of a key until an instant. */
  public String sign(String key, long expiresEpochSecond) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      byte[] tag = mac.doFinal((key + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "cannot sign a URL", e);
    }
  }

  /** Whether the signature is right (compared in constant time) and the URL has not expired. */
  public boolean verify(String key, long expiresEpochSecond, String signature, Instant now) {
    if (signature == null || now.getEpochSecond() > expiresEpochSecond) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(key, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
