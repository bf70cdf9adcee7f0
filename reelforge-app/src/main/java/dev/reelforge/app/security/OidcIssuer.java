package dev.reelforge.app.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured issuer, spoken to over HTTP: its discovery document, its signing keys and its
 * token endpoint. The discovery document is read once; the key set is read again whenever a token
 * names a key it does not hold (the issuer rotated its keys). That needs no rate limit: ID tokens
 * reach us only in the token endpoint's answer, on a back channel, never from the browser, so an
 * unknown key id comes from the issuer itself.
 */
public final class OidcIssuer {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The endpoints a sign-in needs, from {@code /.well-known/openid-configuration}. */
  public record Metadata(
      String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {}

  private final String issuer;
  private final HttpClient http;
  private volatile Metadata metadata;
  private volatile JWKSet keys;

  public OidcIssuer(String issuer, HttpClient http) {
    this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    this.http = http;
  }

  /** The issuer's endpoints; its discovery document must name this very issuer. */
  public Metadata metadata() {
    Metadata known = metadata;
    if (known == null) {
      Map<String, Object> document =
          getJson(URI.create(issuer + "/.well-known/openid-configuration"), "discovery document");
      String named = text(document, "issuer");
      if (!named.equals(issuer) && !named.equals(issuer + "/")) {
        throw unreachable("the discovery document names another issuer: " + named, null);
      }
      known =
          new Metadata(
              named,
              URI.create(text(document, "authorization_endpoint")),
              URI.create(text(document, "token_endpoint")),
              URI.create(text(document, "jwks_uri")));
      metadata = known;
    }
    return known;
  }

  /** The issuer's key with this id, reading the key set again if it is new to us. */
  Optional<JWK> signingKey(String keyId) {
    Optional<JWK> key = find(keys, keyId);
    if (key.isEmpty()) {
      readKeys();
      key = find(keys, keyId);
    }
    return key;
  }

  private synchronized void readKeys() {
    try {
      keys = JWKSet.parse(getJson(metadata().jwksUri(), "key set"));
    } catch (ParseException e) {
      throw unreachable("the issuer's key set is not a JWK set", e);
    }
  }

  private static Optional<JWK> find(JWKSet set, String keyId) {
    if (set == null) {
      return Optional.empty();
    }
    if (keyId == null) {
      // Without a key id, only an issuer with a single signing key is unambiguous.
      return set.getKeys().size() == 1 ? Optional.of(set.getKeys().getFirst()) : Optional.empty();
    }
    return Optional.ofNullable(set.getKeyByKeyId(keyId));
  }

  /**
   * Trades an authorization code for tokens (client_secret_basic when a secret is set, a public
   * client otherwise), sending the PKCE verifier.
   *
   * @return the token response's fields
   * @throws ReelForgeException AUTH_REQUIRED when the issuer refuses the code
   */
  Map<String, Object> exchange(
      String code, String redirectUri, String verifier, String clientId, String clientSecret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(metadata().tokenEndpoint())
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (clientSecret.isEmpty()) {
      form.put("client_id", clientId);
    } else {
      String pair = encode(clientId) + ":" + encode(clientSecret);
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), "token endpoint");
    if (response.statusCode() == 400 || response.statusCode() == 401) {
      throw new ReelForgeException(
          ErrorCode.AUTH_REQUIRED,
          "the issuer refused the sign-in code: " + errorOf(response.body()));
    }
    return json(response, "token response");
  }

  private Map<String, Object> getJson(URI uri, String what) {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").build();
    return json(send(request, what), what);
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unreachable("the OIDC issuer's " + what + " could not be read: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted while reading the OIDC issuer's " + what, e);
    }
  }

  private static Map<String, Object> json(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw unreachable(
          "the OIDC issuer's " + what + " answered HTTP " + response.statusCode(), null);
    }
    try {
      return JSONObjectUtils.parse(response.body());
    } catch (ParseException e) {
      throw unreachable("the OIDC issuer's " + what + " is not JSON", e);
    }
  }

  private static String errorOf(String body) {
    try {
      Map<String, Object> error = JSONObjectUtils.parse(body);
      Object code = error.get("error");
      return code instanceof String s ? s : "unknown error";
    } catch (ParseException e) {
      return "unknown error";
    }
  }

  private static String text(Map<String, Object> document, String field) {
    if (document.get(field) instanceof String value && !value.isBlank()) {
      return value;
    }
    throw unreachable("the OIDC discovery document has no " + field, null);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ReelForgeException unreachable(String message, Throwable cause) {
    return new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, message, cause);
  }
}
