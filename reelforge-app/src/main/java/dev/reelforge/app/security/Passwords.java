package dev.reelforge.app.security;

import dev.reelforge.core.error.ReelForgeException;
import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Password hashing (BCrypt) and the rules a new password must meet. */
public final class Passwords {

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final BCryptPasswordEncoder encoder;
  private final int minLength;
  private final SecureRandom random = new SecureRandom();
  // Checked when the username is unknown, so a failed login takes as long either way.
  private final String decoy;

  public Passwords(int cost, int minLength) {
    this.encoder = new BCryptPasswordEncoder(cost, random);
    this.minLength = minLength;
    this.decoy = encoder.encode(generate());
  }

  public String hash(String password) {
    return encoder.encode(password);
  }

  public boolean matches(String password, String hash) {
    return password != null && encoder.matches(password, hash);
  }

  /** Spends the time of a check against nothing (unknown user). */
  public void waste(String password) {
    encoder.matches(password == null ? "" : password, decoy);
  }

  /**
   * @throws ReelForgeException INVALID_INPUT naming {@code field} when the password is too weak
   */
  public void check(String password, String username, String field) {
    if (password == null || password.length() < minLength) {
      throw ReelForgeException.invalidField(field, "must be at least " + minLength + " characters");
    }
    if (password.length() > 72) {
      // BCrypt reads 72 bytes; a longer password would silently lose its tail.
      throw ReelForgeException.invalidField(field, "must be at most 72 characters");
    }
    if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      throw ReelForgeException.invalidField(field, "must not contain the username");
    }
    if (password.chars().distinct().count() < 5) {
      throw ReelForgeException.invalidField(field, "must use at least 5 different characters");
    }
  }

  /** A random password of 20 characters (about 116 bits), for first start and resets. */
  public String generate() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
