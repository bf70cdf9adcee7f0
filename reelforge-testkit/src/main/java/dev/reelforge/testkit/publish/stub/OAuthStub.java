package dev.reelforge.testkit.publish.stub;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The four platforms' OAuth 2 authorization servers and identity lookups on one loopback server,
 * each at its documented path (the stub's base URL replaces the platform's hosts): Google ({@code
 * /o/oauth2/v2/auth}, {@code /token}, {@code /revoke}, {@code /youtube/v3/channels}), TikTok
 * ({@code /v2/auth/authorize/}, {@code /v2/oauth/token/} with {@code client_key}, {@code
 * /v2/oauth/revoke/}, {@code /v2/user/info/}) and Meta ({@code /VERSION/dialog/oauth}, {@code
 * /VERSION/oauth/access_token} with the long-lived exchange, {@code /VERSION/me/accounts}, {@code
 * DELETE /VERSION/me/permissions}).
 *
 * <p>The authorization page answers at once as if the user granted access: a 302 to the redirect
 * URI with {@code code} and {@code state}. The token endpoint checks the client's credentials, the
 * code (single use, same redirect URI) and, for Google and TikTok, the PKCE verifier against the
 * S256 challenge; it issues access tokens that expire on the stub's clock and refresh tokens that
 * rotate (TikTok) or stay (Google), each rotated one refused afterwards with {@code invalid_grant}.
 */
public final class OAuthStub implements AutoCloseable {

  public static final String GRAPH_VERSION = "v23.0";

  /** One platform's endpoints on this stub. */
  public record Endpoints(
      String authorizationUrl, String tokenUrl, String revokeUrl, String apiUrl) {}

  private record Client(String id, String secret) {}

  private record Code(
      Platform platform, String clientId, String redirectUri, String challenge, boolean used) {}

  private record Token(Platform platform, Instant expiresAt, boolean longLived) {}

  private final StubHttpServer server = new StubHttpServer();
  private final Clock clock;
  private final Map<Platform, Client> clients = new ConcurrentHashMap<>();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Platform> refreshTokens = new ConcurrentHashMap<>();
  private final Set<String> spent = ConcurrentHashMap.newKeySet();
  private final List<String> revoked = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile long accessSeconds = 3600;
  private volatile boolean denyNext;

  public OAuthStub(Clock clock) {
    this.clock = clock;
    server
        .route("GET", "/o/oauth2/v2/auth", r -> authorize(Platform.YOUTUBE, r))
        .route("POST", "/token", r -> token(Platform.YOUTUBE, r))
        .route("POST", "/revoke", this::googleRevoke)
        .route("GET", "/youtube/v3/channels", this::channels)
        .route("GET", "/v2/auth/authorize/", r -> authorize(Platform.TIKTOK, r))
        .route("POST", "/v2/oauth/token/", r -> token(Platform.TIKTOK, r))
        .route("POST", "/v2/oauth/revoke/", this::tiktokRevoke)
        .route("GET", "/v2/user/info/", this::userInfo)
        .route("GET", "/(facebook|instagram)/[^/]+/dialog/oauth", r -> authorize(meta(r), r))
        .route("POST", "/(facebook|instagram)/[^/]+/oauth/access_token", r -> token(meta(r), r))
        .route("GET", "/(facebook|instagram)/[^/]+/me/accounts", this::pages)
        .route("DELETE", "/(facebook|instagram)/[^/]+/me/permissions", this::metaRevoke);
  }

  /** Registers the client {@code platform} accepts. */
  public OAuthStub client(Platform platform, String clientId, String clientSecret) {
    clients.put(platform, new Client(clientId, clientSecret));
    return this;
  }

  /**
   * Where {@code platform} answers. Meta's two platforms get a path each (one app per platform in
   * the settings), both with the Graph API's layout under it.
   */
  public Endpoints endpoints(Platform platform) {
    String base = server.baseUrl();
    return switch (platform) {
      case YOUTUBE ->
          new Endpoints(
              base + "/o/oauth2/v2/auth", base + "/token", base + "/revoke", base + "/youtube/v3");
      case TIKTOK ->
          new Endpoints(
              base + "/v2/auth/authorize/",
              base + "/v2/oauth/token/",
              base + "/v2/oauth/revoke/",
              base);
      case FACEBOOK, INSTAGRAM -> {
        String graph = base + "/" + platform.key() + "/" + GRAPH_VERSION;
        yield new Endpoints(graph + "/dialog/oauth", graph + "/oauth/access_token", graph, graph);
      }
      case LOCAL -> throw new IllegalArgumentException("the local folder has no OAuth");
    };
  }

  public StubHttpServer server() {
    return server;
  }

  /** Access tokens issued from now on last {@code seconds}. */
  public OAuthStub accessTokensLast(long seconds) {
    this.accessSeconds = seconds;
    return this;
  }

  /** The next authorization answers {@code error=access_denied}, as when the user refuses. */
  public OAuthStub denyNext() {
    this.denyNext = true;
    return this;
  }

  /** Revokes every refresh token issued so far: their next use gets {@code invalid_grant}. */
  public OAuthStub revokeAllRefreshTokens() {
    spent.addAll(refreshTokens.keySet());
    return this;
  }

  /** Refresh-token grants answered with new tokens. */
  public int refreshes() {
    return refreshes.get();
  }

  /** The tokens revoked through the revocation endpoints, in order. */
  public List<String> revoked() {
    return List.copyOf(revoked);
  }

  /** Every access and refresh token issued, for asserting that none is stored in clear. */
  public Set<String> issuedTokens() {
    Set<String> all = ConcurrentHashMap.newKeySet();
    all.addAll(accessTokens.keySet());
    all.addAll(refreshTokens.keySet());
    return Set.copyOf(all);
  }

  // --- authorization

  private Reply authorize(Platform platform, Request request) {
    Map<String, String> q = form(request.query());
    String clientParam = platform == Platform.TIKTOK ? "client_key" : "client_id";
    Client client = clients.get(platform);
    String redirect = q.getOrDefault("redirect_uri", "");
    if (client == null || !client.id().equals(q.get(clientParam)) || redirect.isEmpty()) {
      return Reply.json(400, "{\"error\":\"invalid_client\"}");
    }
    String state = q.getOrDefault("state", "");
    if (denyNext) {
      denyNext = false;
      return redirect(redirect, Map.of("error", "access_denied", "state", state));
    }
    boolean pkce = platform == Platform.YOUTUBE || platform == Platform.TIKTOK;
    if (!"code".equals(q.get("response_type"))
        || q.getOrDefault("scope", "").isBlank()
        || (pkce
            && (q.getOrDefault("code_challenge", "").isEmpty()
                || !"S256".equals(q.get("code_challenge_method"))))) {
      return redirect(redirect, Map.of("error", "invalid_request", "state", state));
    }
    String code = "code-" + platform.key() + "-" + issued.incrementAndGet();
    codes.put(
        code,
        new Code(platform, client.id(), redirect, q.getOrDefault("code_challenge", ""), false));
    return redirect(redirect, Map.of("code", code, "state", state));
  }

  private static Reply redirect(String uri, Map<String, String> params) {
    return new Reply(302, "text/plain", new byte[0], Map.of())
        .withHeader("Location", uri + (uri.contains("?") ? "&" : "?") + encode(params));
  }

  // --- tokens

  private synchronized Reply token(Platform platform, Request request) {
    Map<String, String> f = form(request.bodyText());
    Client client = clients.get(platform);
    String clientParam = platform == Platform.TIKTOK ? "client_key" : "client_id";
    if (client == null
        || !client.id().equals(f.get(clientParam))
        || !client.secret().equals(f.get("client_secret"))) {
      return error(platform, 401, "invalid_client", "the client credentials are wrong");
    }
    String grant = f.getOrDefault("grant_type", "");
    boolean meta = platform == Platform.FACEBOOK || platform == Platform.INSTAGRAM;
    if (meta && grant.isEmpty()) {
      grant = "authorization_code";
    }
    return switch (grant) {
      case "authorization_code" -> exchange(platform, f);
      case "refresh_token" -> refresh(platform, f.getOrDefault("refresh_token", ""));
      case "fb_exchange_token" -> {
        Token user = accessTokens.get(f.getOrDefault("fb_exchange_token", ""));
        if (!meta || user == null || !user.expiresAt().isAfter(clock.instant())) {
          yield error(platform, 400, "invalid_grant", "the token to exchange is invalid");
        }
        String longLived = issue(platform, 60L * 24 * 3600, true);
        yield Reply.json(
            200,
            "{\"access_token\":\""
                + longLived
                + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}");
      }
      default -> error(platform, 400, "unsupported_grant_type", grant);
    };
  }

  private Reply exchange(Platform platform, Map<String, String> f) {
    Code code = codes.get(f.getOrDefault("code", ""));
    if (code == null || code.used() || code.platform() != platform) {
      return error(platform, 400, "invalid_grant", "the authorization code is invalid or was used");
    }
    codes.put(
        f.get("code"),
        new Code(code.platform(), code.clientId(), code.redirectUri(), code.challenge(), true));
    if (!code.redirectUri().equals(f.get("redirect_uri"))) {
      return error(platform, 400, "invalid_grant", "redirect_uri does not match");
    }
    if (!code.challenge().isEmpty()
        && !code.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
      return error(platform, 400, "invalid_grant", "Code verifier or code challenge is invalid.");
    }
    if (platform == Platform.FACEBOOK || platform == Platform.INSTAGRAM) {
      String shortLived = issue(platform, 3600, false);
      return Reply.json(
          200,
          "{\"access_token\":\""
              + shortLived
              + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
    }
    return tokens(platform, f.getOrDefault("scope", ""));
  }

  private Reply refresh(Platform platform, String refreshToken) {
    if (refreshTokens.get(refreshToken) != platform || spent.contains(refreshToken)) {
      return error(platform, 400, "invalid_grant", "Token has been expired or revoked.");
    }
    refreshes.incrementAndGet();
    if (platform == Platform.TIKTOK) {
      // TikTok rotates: the old refresh token is spent.
      spent.add(refreshToken);
      return tokens(platform, "");
    }
    String access = issue(platform, accessSeconds, false);
    return Reply.json(
        200,
        "{\"access_token\":\""
            + access
            + "\",\"expires_in\":"
            + accessSeconds
            + ",\"scope\":\"https://www.googleapis.com/auth/youtube.upload"
            + " https://www.googleapis.com/auth/youtube.readonly\",\"token_type\":\"Bearer\"}");
  }

  private Reply tokens(Platform platform, String ignored) {
    String access = issue(platform, accessSeconds, false);
    String refresh = "rt-" + platform.key() + "-" + issued.incrementAndGet();
    refreshTokens.put(refresh, platform);
    if (platform == Platform.TIKTOK) {
      return Reply.json(
          200,
          "{\"access_token\":\""
              + access
              + "\",\"expires_in\":"
              + accessSeconds
              + ",\"open_id\":\"open-tides\",\"refresh_expires_in\":31536000,\"refresh_token\":\""
              + refresh
              + "\",\"scope\":\"user.info.basic,video.publish,video.upload\","
              + "\"token_type\":\"Bearer\"}");
    }
    return Reply.json(
        200,
        "{\"access_token\":\""
            + access
            + "\",\"expires_in\":"
            + accessSeconds
            + ",\"refresh_token\":\""
            + refresh
            + "\",\"scope\":\"https://www.googleapis.com/auth/youtube.upload"
            + " https://www.googleapis.com/auth/youtube.readonly\",\"token_type\":\"Bearer\"}");
  }

  private String issue(Platform platform, long seconds, boolean longLived) {
    String token = "at-" + platform.key() + "-" + issued.incrementAndGet();
    accessTokens.put(token, new Token(platform, clock.instant().plusSeconds(seconds), longLived));
    return token;
  }

  private static Reply error(Platform platform, int status, String code, String description) {
    if (platform == Platform.FACEBOOK || platform == Platform.INSTAGRAM) {
      return Reply.json(
          400,
          "{\"error\":{\"message\":\""
              + description
              + "\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"stub\"}}");
    }
    return Reply.json(
        status,
        "{\"error\":\""
            + code
            + "\",\"error_description\":\""
            + description
            + "\",\"log_id\":\"stub\"}");
  }

  // --- revocation

  private Reply googleRevoke(Request request) {
    String token = form(request.bodyText()).getOrDefault("token", "");
    if (!refreshTokens.containsKey(token) && !accessTokens.containsKey(token)) {
      return Reply.json(
          400, "{\"error\":\"invalid_token\",\"error_description\":\"Token expired or revoked\"}");
    }
    revoke(token);
    return Reply.json(200, "{}");
  }

  private Reply tiktokRevoke(Request request) {
    Map<String, String> f = form(request.bodyText());
    Client client = clients.get(Platform.TIKTOK);
    if (client == null
        || !client.id().equals(f.get("client_key"))
        || !client.secret().equals(f.get("client_secret"))) {
      return error(Platform.TIKTOK, 401, "invalid_client", "the client credentials are wrong");
    }
    revoke(f.getOrDefault("token", ""));
    return Reply.json(200, "{}");
  }

  private Reply metaRevoke(Request request) {
    String token = bearer(request);
    if (!accessTokens.containsKey(token)) {
      return error(Platform.FACEBOOK, 400, "", "Invalid OAuth access token.");
    }
    revoke(token);
    return Reply.json(200, "{\"success\":true}");
  }

  private void revoke(String token) {
    revoked.add(token);
    spent.add(token);
    accessTokens.remove(token);
  }

  // --- identities

  private Reply channels(Request request) {
    if (valid(request, Platform.YOUTUBE) == null) {
      return Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}");
    }
    return Reply.json(
        200,
        "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\","
            + "\"id\":\"UC-tides-channel\",\"snippet\":{\"title\":\"Tides Channel\"}}]}");
  }

  private Reply userInfo(Request request) {
    if (valid(request, Platform.TIKTOK) == null) {
      return Reply.json(
          401,
          "{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":\"The access"
              + " token is invalid or not found in the request.\",\"log_id\":\"stub\"}}");
    }
    return Reply.json(
        200,
        "{\"data\":{\"user\":{\"open_id\":\"open-tides\",\"display_name\":\"Tides\"}},"
            + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"stub\"}}");
  }

  private Reply pages(Request request) {
    Token token = valid(request, meta(request));
    if (token == null || !token.longLived()) {
      return error(Platform.FACEBOOK, 400, "", "Invalid OAuth access token.");
    }
    String pageToken = issue(meta(request), 0, true);
    // Page tokens made from a long-lived user token do not expire.
    accessTokens.put(pageToken, new Token(meta(request), Instant.MAX, true));
    return Reply.json(
        200,
        "{\"data\":[{\"id\":\"page-tides\",\"name\":\"Tides Page\",\"access_token\":\""
            + pageToken
            + "\",\"instagram_business_account\":{\"id\":\"ig-tides\",\"username\":\"tides.ig\"}}]}");
  }

  private Token valid(Request request, Platform platform) {
    Token token = accessTokens.get(bearer(request));
    if (token == null
        || token.platform() != platform
        || !token.expiresAt().isAfter(clock.instant())) {
      return null;
    }
    return token;
  }

  // --- helpers

  private static Platform meta(Request request) {
    return Platform.of(request.groups().getFirst(), "platform");
  }

  private static String bearer(Request request) {
    String header = request.header("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code a=1&b=2}, decoded; the first value of each name. */
  public static Map<String, String> form(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.putIfAbsent(name, value);
    }
    return fields;
  }

  private static String encode(Map<String, String> params) {
    List<String> pairs = new ArrayList<>();
    params.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  @Override
  public void close() {
    server.close();
  }
}
