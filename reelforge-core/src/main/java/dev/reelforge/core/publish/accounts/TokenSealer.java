package dev.reelforge.core.publish.accounts;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens for storage with AES-256-GCM: a random 12-byte nonce per token, the 128-bit tag
 * checked when opened. A sealed token reads {@code v1.KEYID.BASE64URL(nonce ‖ ciphertext ‖ tag)};
 * the key id (the first 8 hex digits of the key's SHA-256) says which key sealed it, so that a new
 * key can seal while older keys still open what they sealed (rotation), and a token sealed with a
 * key that is gone fails with a message that says so instead of a bare decryption error.
 */
public final class TokenSealer {

  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

  /**
   * @param current the 32-byte key that seals
   * @param previous older 32-byte keys that still open what they sealed
   */
  public TokenSealer(byte[] current, List<byte[]> previous) {
    this.currentId = add(current);
    for (byte[] key : previous) {
      add(key);
    }
  }

  public TokenSealer(byte[] current) {
    this(current, List.of());
  }

  /** The id of the key that seals. */
  public String currentKeyId() {
    return currentId;
  }

  /** The first 8 hex digits of the key's SHA-256: names a key without revealing it. */
  public static String keyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String seal(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return VERSION
          + "."
          + currentId
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed to seal a token", e);
    }
  }

  /** The empty text stays empty (an absent refresh token); anything else is sealed. */
  public String sealOrEmpty(String plaintext) {
    return plaintext == null || plaintext.isEmpty() ? "" : seal(plaintext);
  }

  /**
   * @throws ReelForgeException INTERNAL_ERROR when the token was sealed with a key this sealer does
   *     not have, or was altered
   */
  public String open(String sealed) {
    if (sealed.isEmpty()) {
      return "";
    }
    String[] parts = sealed.split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw unreadable("it is not a sealed token");
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw unreadable(
          "it was sealed with key "
              + parts[1]
              + ", which is not configured (reelforge.publish.accounts.previous-token-keys)");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw unreadable("its seal does not verify (altered, or another key with the same id)");
    }
  }

  private String add(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException(
          "a token key must be 32 bytes (AES-256), not " + (key == null ? 0 : key.length));
    }
    String id = keyId(key);
    keys.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
    return id;
  }

  private static ReelForgeException unreadable(String why) {
    return new ReelForgeException(
        ErrorCode.INTERNAL_ERROR, "a stored platform token cannot be opened: " + why);
  }

  @Override
  public String toString() {
    return "TokenSealer[seals with " + currentId + ", opens " + keys.keySet() + "]";
  }
}
