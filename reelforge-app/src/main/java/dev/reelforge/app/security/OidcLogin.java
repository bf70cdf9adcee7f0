package dev.reelforge.app.security;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization-code flow with PKCE. {@link #begin} makes a state, a nonce and a code verifier,
 * seals them for the browser to carry in a cookie and sends it to the issuer; {@link #finish}
 * checks the state the issuer sent back against the cookie, trades the code, checks the ID token
 * and starts a session for the user the issuer vouches for, made on first sight with the configured
 * role.
 */
public final class OidcLogin {

  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

  /** How long a browser may take at the issuer before its sign-in must start again. */
  static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(10);

  private final OidcIssuer issuer;
  private final OidcIdTokens idTokens;
  private final AccessTokens seals;
  private final Accounts accounts;
  private final UserStore users;
  private final String clientId;
  private final String clientSecret;
  private final Role defaultRole;

  public OidcLogin(
      OidcIssuer issuer,
      AccessTokens seals,
      Accounts accounts,
      UserStore users,
      String clientId,
      String clientSecret,
      Role defaultRole,
      Clock clock) {
    this.issuer = issuer;
    this.idTokens = new OidcIdTokens(issuer, clientId, clock);
    this.seals = seals;
    this.accounts = accounts;
    this.users = users;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.defaultRole = defaultRole;
  }

  /** Where to send the browser, and the sealed state it must bring back in a cookie. */
  public record Start(String authorizationUrl, String sealedState) {}

  /**
   * Starts a sign-in; {@code toDashboard} makes it end in the web dashboard (a session cookie)
   * instead of answering tokens.
   */
  public Start begin(String redirectUri, boolean toDashboard) {
    String state = Secrets.random("");
    String nonce = Secrets.random("");
    String verifier = Secrets.random(""); // 43 characters: the least PKCE allows, 256 bits
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("scope", "openid profile email");
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", challenge(verifier));
    query.put("code_challenge_method", "S256");
    String endpoint = issuer.metadata().authorizationEndpoint().toString();
    String url =
        endpoint
            + (endpoint.contains("?") ? "&" : "?")
            + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    String sealed =
        seals.seal(
            Map.of(
                "state",
                state,
                "nonce",
                nonce,
                "verifier",
                verifier,
                "redirect",
                redirectUri,
                "to",
                toDashboard ? "dashboard" : "api"),
            SIGN_IN_WINDOW);
    return new Start(url, sealed);
  }

  /**
   * @throws ReelForgeException AUTH_REQUIRED when the state does not match the cookie, the issuer
   *     refuses the code, the ID token fails a check, or the account is disabled;
   *     EXTERNAL_API_ERROR when the issuer cannot be reached
   */
  public Finished finish(String code, String state, String sealedState) {
    Map<String, String> expected =
        Optional.ofNullable(sealedState)
            .flatMap(seals::unseal)
            .orElseThrow(
                () ->
                    new ReelForgeException(
                        ErrorCode.AUTH_REQUIRED,
                        "this sign-in has no valid state cookie (it expired after "
                            + SIGN_IN_WINDOW.toMinutes()
                            + " minutes, or was begun in another browser): start again"));
    if (state == null || !MessageDigest.isEqual(bytes(state), bytes(expected.get("state")))) {
      throw new ReelForgeException(
          ErrorCode.AUTH_REQUIRED, "the state the issuer sent back is not this sign-in's");
    }
    if (code == null || code.isBlank()) {
      throw new ReelForgeException(ErrorCode.AUTH_REQUIRED, "the issuer sent back no code");
    }
    Map<String, Object> response =
        issuer.exchange(
            code, expected.get("redirect"), expected.get("verifier"), clientId, clientSecret);
    if (!(response.get("id_token") instanceof String idToken)) {
      throw new ReelForgeException(
          ErrorCode.AUTH_REQUIRED, "the issuer's token response has no ID token");
    }
    OidcIdTokens.Identity identity = idTokens.check(idToken, expected.get("nonce"));
    UserAccount user = userOf(identity);
    if (!user.active()) {
      throw new ReelForgeException(ErrorCode.AUTH_REQUIRED, "the account is disabled");
    }
    LOG.info("user {} signed in through OIDC issuer {}", user.username(), identity.issuer());
    return new Finished(user, "dashboard".equals(expected.get("to")));
  }

  /** Who signed in, and whether the sign-in was begun by the web dashboard. */
  public record Finished(UserAccount user, boolean toDashboard) {}

  private UserAccount userOf(OidcIdTokens.Identity identity) {
    Optional<UserAccount> known = users.findByOidcSubject(identity.issuer(), identity.subject());
    if (known.isPresent()) {
      return known.get();
    }
    UserStore.OidcIdentity link = new UserStore.OidcIdentity(identity.issuer(), identity.subject());
    try {
      return accounts.createOidcUser(identity.preferredName(), defaultRole, link);
    } catch (ReelForgeException e) {
      // Two first sign-ins of the same person raced (CONFLICT); the other one made the user.
      return users.findByOidcSubject(identity.issuer(), identity.subject()).orElseThrow(() -> e);
    }
  }

  static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(verifier));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static byte[] bytes(String text) {
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
