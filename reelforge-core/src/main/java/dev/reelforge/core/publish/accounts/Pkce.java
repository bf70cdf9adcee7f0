package dev.reelforge.core.publish.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636): a random verifier and its S256 challenge; and the random {@code state}. */
public final class Pkce {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** 43 characters of base64url from 32 random bytes: the shortest verifier RFC 7636 allows. */
  public static String newVerifier() {
    return random(32);
  }

  /** An unguessable {@code state}: 32 random bytes, base64url. */
  public static String newState() {
    return random(32);
  }

  /** {@code BASE64URL(SHA256(ASCII(verifier)))}. */
  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return URL.encodeToString(value);
  }
}
