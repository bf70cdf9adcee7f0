package dev.reelforge.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A local OpenID Connect issuer speaking the protocol of OpenID Connect Core and Discovery 1.0: a
 * discovery document, a JWK set, an authorization endpoint that signs the next person in at once
 * (no login page) and a token endpoint that checks client_secret_basic, the redirect URI, a
 * single-use code and the PKCE S256 verifier before answering an RS256 ID token. Tests choose who
 * signs in next and may spoil the next ID token.
 */
final class StubOidcIssuer implements AutoCloseable {

  static final String CLIENT_ID = "reelforge-test";
  static final String CLIENT_SECRET = "stub-client-secret";

  private record Grant(
      String redirectUri, String nonce, String challenge, String subject, String name) {}

  private final HttpServer server;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger keySetReads = new AtomicInteger();
  private volatile RSAKey key;
  private volatile String nextSubject = "subject-1";
  private volatile String nextName = "alice";
  private volatile UnaryOperator<JWTClaimsSet.Builder> spoilClaims = UnaryOperator.identity();
  private volatile RSAKey signWith;

  StubOidcIssuer() throws IOException {
    key = newKey("key-1");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext("/jwks", this::keys);
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Who the authorization endpoint signs in next. */
  void nextPerson(String subject, String name) {
    nextSubject = subject;
    nextName = name;
  }

  /** Changes the claims of the ID tokens answered from now on (identity restores). */
  void spoilClaims(UnaryOperator<JWTClaimsSet.Builder> spoil) {
    spoilClaims = spoil;
  }

  /** Signs the next ID tokens with this key instead of the published one (null restores). */
  void signWith(RSAKey rogue) {
    signWith = rogue;
  }

  String publishedKeyId() {
    return key.getKeyID();
  }

  /** Replaces the published key, as an issuer rotating its keys does. */
  void rotateKey(String keyId) {
    key = newKey(keyId);
  }

  static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void discovery(HttpExchange exchange) throws IOException {
    String issuer = issuer();
    respond(
        exchange,
        200,
        "{\"issuer\":\"%s\",\"authorization_endpoint\":\"%s/authorize\",\"token_endpoint\":\"%s/token\",\"jwks_uri\":\"%s/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],\"code_challenge_methods_supported\":[\"S256\"]}"
            .formatted(issuer, issuer, issuer, issuer));
  }

  private void keys(HttpExchange exchange) throws IOException {
    keySetReads.incrementAndGet();
    respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
    if (!CLIENT_ID.equals(query.get("client_id"))
        || !"code".equals(query.get("response_type"))
        || !"S256".equals(query.get("code_challenge_method"))
        || !query.getOrDefault("scope", "").contains("openid")) {
      respond(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(
        code,
        new Grant(
            query.get("redirect_uri"),
            query.get("nonce"),
            query.get("code_challenge"),
            nextSubject,
            nextName));
    String location =
        query.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    tokenRequests.incrementAndGet();
    String expectedAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Map<String, String> form =
        parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = codes.remove(form.getOrDefault("code", ""));
    if (!"authorization_code".equals(form.get("grant_type"))
        || grant == null
        || !grant.redirectUri().equals(form.get("redirect_uri"))
        || !grant.challenge().equals(challenge(form.getOrDefault("code_verifier", "")))) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    respond(
        exchange,
        200,
        "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
            + idToken(grant)
            + "\"}");
  }

  private String idToken(Grant grant) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject(grant.subject())
            .audience(List.of(CLIENT_ID))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", grant.nonce())
            .claim("preferred_username", grant.name());
    RSAKey signer = signWith == null ? key : signWith;
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
            spoilClaims.apply(claims).build());
    try {
      jwt.sign(new RSASSASigner(signer));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> parse(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
