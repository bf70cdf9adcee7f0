package dev.reelforge.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.reelforge.core.accounts.UserAccount;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens: JWTs signed with HS256 by a key every instance shares. They carry the user id and
 * expire after the configured time (15 min); the user's current role and status are read from the
 * database on each request, so a disabled user is cut off at once.
 */
public final class AccessTokens {

  static final String ISSUER = "reelforge";

  /**
   * The issuer of sealed values: never accepted as an access token, whose issuer is {@link
   * #ISSUER}.
   */
  private static final String SEAL_ISSUER = "reelforge/sealed";

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration ttl;
  private final Clock clock;

  public AccessTokens(byte[] key, Duration ttl, Clock clock) {
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the token signing key must be at least 32 bytes", e);
    }
    this.ttl = ttl;
    this.clock = clock;
  }

  public Duration ttl() {
    return ttl;
  }

  public String issue(UserAccount user) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user.id().toString())
            .claim("name", user.username())
            .claim("role", user.role().wireName())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .build();
    return sign(claims);
  }

  private String sign(JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * Values signed with the shared key for a short while, for state a client carries between two
   * requests that may reach different instances (an OIDC sign-in's state, nonce and verifier).
   */
  public String seal(Map<String, String> values, Duration lifetime) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(SEAL_ISSUER)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)));
    values.forEach(claims::claim);
    return sign(claims.build());
  }

  /** The values of an unexpired seal made by {@link #seal}; empty for anything else. */
  public Optional<Map<String, String>> unseal(String sealed) {
    return verified(sealed, SEAL_ISSUER)
        .map(
            claims -> {
              Map<String, String> values = new HashMap<>();
              claims
                  .getClaims()
                  .forEach(
                      (name, value) -> {
                        if (value instanceof String text) {
                          values.put(name, text);
                        }
                      });
              return values;
            });
  }

  /** The user id of a valid, unexpired token of ours; empty for anything else. */
  public Optional<UUID> verify(String token) {
    return check(token) instanceof Verdict.Valid valid
        ? Optional.of(valid.userId())
        : Optional.empty();
  }

  /**
   * What a presented access token is: valid (whose), expired (a token of ours whose time is up: the
   * client should refresh it), or not valid at all (malformed, signed with another key, another
   * issuer). The client is told which, so that it knows whether refreshing can help.
   */
  public Verdict check(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return new Verdict.Invalid();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      if (!ISSUER.equals(claims.getIssuer()) || expires == null) {
        return new Verdict.Invalid();
      }
      if (!expires.toInstant().isAfter(clock.instant())) {
        return new Verdict.Expired();
      }
      return new Verdict.Valid(UUID.fromString(claims.getSubject()));
    } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
      return new Verdict.Invalid();
    }
  }

  /** The outcome of {@link #check}. */
  public sealed interface Verdict {
    record Valid(UUID userId) implements Verdict {}

    record Expired() implements Verdict {}

    record Invalid() implements Verdict {}
  }

  private Optional<JWTClaimsSet> verified(String token, String issuer) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      if (!issuer.equals(claims.getIssuer())
          || expires == null
          || !expires.toInstant().isAfter(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
