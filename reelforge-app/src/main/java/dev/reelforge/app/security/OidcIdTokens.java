package dev.reelforge.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks an ID token the way OpenID Connect Core §3.1.3.7 asks: signed by one of the issuer's keys
 * with an asymmetric algorithm (never {@code none}, never a shared secret), issued by the
 * configured issuer for this client, unexpired, and carrying the nonce this sign-in sent.
 */
final class OidcIdTokens {

  /** What a sign-in needs from a checked token. */
  record Identity(String issuer, String subject, String preferredName) {}

  private static final Set<JWSAlgorithm> ALLOWED =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.ES256);
  private static final Duration SKEW = Duration.ofSeconds(60);

  private final OidcIssuer issuer;
  private final String clientId;
  private final Clock clock;

  OidcIdTokens(OidcIssuer issuer, String clientId, Clock clock) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.clock = clock;
  }

  /**
   * @throws ReelForgeException AUTH_REQUIRED naming the first check the token fails
   */
  Identity check(String idToken, String expectedNonce) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(idToken);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refused("it is not a signed JWT");
    }
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    if (!ALLOWED.contains(algorithm)) {
      throw refused("its algorithm " + algorithm + " is not accepted");
    }
    JWK key =
        issuer
            .signingKey(jwt.getHeader().getKeyID())
            .orElseThrow(() -> refused("it is signed by a key the issuer does not publish"));
    if (!verifies(jwt, key)) {
      throw refused("its signature does not verify");
    }
    if (!issuer.metadata().issuer().equals(claims.getIssuer())) {
      throw refused("it was issued by " + claims.getIssuer());
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(clientId)) {
      throw refused("it is not meant for this client");
    }
    if (audience.size() > 1 && !clientId.equals(claim(claims, "azp"))) {
      throw refused("it names several audiences and another authorized party");
    }
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null || !expires.toInstant().plus(SKEW).isAfter(now)) {
      throw refused("it has expired");
    }
    Date issued = claims.getIssueTime();
    if (issued == null || issued.toInstant().isAfter(now.plus(SKEW))) {
      throw refused("it has no issue time, or one in the future");
    }
    if (expectedNonce == null || !expectedNonce.equals(claim(claims, "nonce"))) {
      throw refused("its nonce is not the one this sign-in sent");
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw refused("it names no subject");
    }
    String name = claim(claims, "preferred_username");
    if (name == null) {
      name = claim(claims, "email");
    }
    return new Identity(claims.getIssuer(), subject, name == null ? "" : name);
  }

  private static boolean verifies(SignedJWT jwt, JWK key) {
    try {
      JWSVerifier verifier =
          switch (key) {
            case RSAKey rsa -> new RSASSAVerifier(rsa);
            case ECKey ec -> new ECDSAVerifier(ec);
            default -> null;
          };
      return verifier != null && jwt.verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  private static String claim(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value ? value : null;
  }

  private static ReelForgeException refused(String why) {
    return new ReelForgeException(
        ErrorCode.AUTH_REQUIRED, "the issuer's ID token was refused: " + why);
  }
}
