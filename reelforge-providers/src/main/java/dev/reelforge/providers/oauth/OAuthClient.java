package dev.reelforge.providers.oauth;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.PlatformOAuth.Grant;
import dev.reelforge.core.publish.accounts.PlatformOAuth.Identity;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.JsonApiClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One platform's OAuth 2 client. Calls that spend a grant (the code exchange, a refresh) are sent
 * once: a retry after a lost answer would present a code or a rotated refresh token the platform
 * already accepted, and be refused; the other calls are retried like any provider call.
 */
final class OAuthClient {

  private final OAuthPlatformOptions options;
  private final JsonApiClient api;
  private final JsonApiClient once;
  private final OAuthErrors errors;
  private final Clock clock;

  OAuthClient(OAuthPlatformOptions options, CloudContext context) {
    this.options = options;
    String name = "oauth-" + options.platform().key();
    this.errors = new OAuthErrors(options.platform().key());
    Endpoint endpoint = new Endpoint(options.apiUrl(), "");
    this.api = context.client(name, endpoint, Auth.bearer(), options.resilience(), errors);
    this.once =
        context.client(
            name, endpoint, Auth.bearer(), options.resilience().withMaxAttempts(1), errors);
    this.clock = context.clock();
  }

  OAuthPlatformOptions options() {
    return options;
  }

  URI authorizationUrl(String state, Optional<String> codeChallenge, String redirectUri) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put(
        options.platform() == Platform.TIKTOK ? "client_key" : "client_id", options.clientId());
    query.put("redirect_uri", redirectUri);
    query.put("response_type", "code");
    // Google takes scopes separated by spaces; TikTok and Meta by commas.
    query.put(
        "scope", String.join(options.platform() == Platform.YOUTUBE ? " " : ",", options.scopes()));
    query.put("state", state);
    if (options.pkce()) {
      query.put("code_challenge", codeChallenge.orElseThrow());
      query.put("code_challenge_method", "S256");
    }
    if (options.platform() == Platform.YOUTUBE) {
      // A refresh token is issued only for offline access, and again only with consent.
      query.put("access_type", "offline");
      query.put("prompt", "consent");
      query.put("include_granted_scopes", "true");
    }
    String url = options.authorizationUrl();
    return URI.create(url + (url.contains("?") ? "&" : "?") + form(query));
  }

  Grant exchange(String code, Optional<String> codeVerifier, String redirectUri) {
    Map<String, String> form = credentials();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    codeVerifier.ifPresent(v -> form.put("code_verifier", v));
    JsonNode token = post(once, options.tokenUrl(), form);
    return switch (options.platform()) {
      case YOUTUBE -> withIdentity(grant(token, Optional.empty()), youtubeChannel(token));
      case TIKTOK -> withIdentity(grant(token, Optional.empty()), tiktokUser(token));
      default -> metaGrant(longLived(text(token, "access_token")), page -> true);
    };
  }

  Grant refresh(PlatformAccount account, String refreshToken) {
    if (options.meta()) {
      // The kept long-lived user token is exchanged for a new one; the page's token read again.
      String wanted = account.externalId();
      return metaGrant(
          longLived(refreshToken),
          page ->
              options.platform() == Platform.FACEBOOK
                  ? wanted.equals(page.path("id").asString(""))
                  : wanted.equals(page.path("instagram_business_account").path("id").asString("")));
    }
    Map<String, String> form = credentials();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return grant(post(once, options.tokenUrl(), form), Optional.of(account.scopes()));
  }

  void revoke(String accessToken, String refreshToken) {
    switch (options.platform()) {
      case YOUTUBE ->
          // Revoking the refresh token ends the whole grant, its access tokens included.
          post(
              api,
              options.revokeUrl(),
              new LinkedHashMap<>(
                  Map.of("token", refreshToken.isEmpty() ? accessToken : refreshToken)));
      case TIKTOK -> {
        Map<String, String> form = credentials();
        form.put("token", accessToken);
        post(api, options.revokeUrl(), form);
      }
      default ->
          api.send(
              bearer(
                  HttpRequest.newBuilder(URI.create(options.revokeUrl() + "/me/permissions"))
                      .DELETE(),
                  refreshToken.isEmpty() ? accessToken : refreshToken));
    }
  }

  // --- Google / YouTube

  private Identity youtubeChannel(JsonNode token) {
    JsonNode channels =
        get(options.apiUrl() + "/channels?part=snippet&mine=true", text(token, "access_token"));
    JsonNode channel = channels.path("items").path(0);
    if (channel.isMissingNode()) {
      throw refused("the Google account has no YouTube channel; create one first");
    }
    return new Identity(
        channel.path("id").asString(""), channel.path("snippet").path("title").asString(""));
  }

  // --- TikTok

  private Identity tiktokUser(JsonNode token) {
    JsonNode info =
        get(
            options.apiUrl() + "/v2/user/info/?fields=open_id,display_name",
            text(token, "access_token"));
    JsonNode user = info.path("data").path("user");
    String openId = user.path("open_id").asString(token.path("open_id").asString(""));
    if (openId.isEmpty()) {
      throw unexpected("TikTok's user info has no open_id");
    }
    return new Identity(openId, user.path("display_name").asString(""));
  }

  // --- Meta (Instagram, Facebook)

  private String longLived(String userToken) {
    Map<String, String> form = credentials();
    form.put("grant_type", "fb_exchange_token");
    form.put("fb_exchange_token", userToken);
    return text(post(once, options.tokenUrl(), form), "access_token");
  }

  /**
   * The page (Facebook) or the page's Instagram professional account (Instagram) the user token
   * manages: the first that {@code wanted} accepts. Its page token, made from a long-lived user
   * token, does not expire; the user token is kept to renew it and to revoke the grant.
   */
  private Grant metaGrant(String userToken, Predicate<JsonNode> wanted) {
    JsonNode pages =
        get(
            options.apiUrl()
                + "/me/accounts?fields="
                + URLEncoder.encode(
                    "id,name,access_token,instagram_business_account{id,username}",
                    StandardCharsets.UTF_8),
            userToken);
    for (JsonNode page : pages.path("data")) {
      boolean instagram = options.platform() == Platform.INSTAGRAM;
      JsonNode ig = page.path("instagram_business_account");
      if ((instagram && ig.path("id").asString("").isEmpty()) || !wanted.test(page)) {
        continue;
      }
      Identity identity =
          instagram
              ? new Identity(ig.path("id").asString(), ig.path("username").asString(""))
              : new Identity(page.path("id").asString(""), page.path("name").asString(""));
      return new Grant(
          text(page, "access_token"),
          userToken,
          Optional.empty(),
          Set.copyOf(options.scopes()),
          Optional.of(identity));
    }
    throw refused(
        options.platform() == Platform.INSTAGRAM
            ? "none of the account's Facebook pages has an Instagram professional account"
            : "the account manages no Facebook page (or did not grant access to one)");
  }

  // --- shared

  private Grant grant(JsonNode token, Optional<Set<String>> fallbackScopes) {
    String scope = token.path("scope").asString("");
    Set<String> scopes =
        scope.isBlank()
            ? fallbackScopes.orElse(Set.copyOf(options.scopes()))
            : Arrays.stream(scope.split("[ ,]+"))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    long expiresIn = token.path("expires_in").asLong(0);
    return new Grant(
        text(token, "access_token"),
        token.path("refresh_token").asString(""),
        expiresIn > 0 ? Optional.of(clock.instant().plusSeconds(expiresIn)) : Optional.empty(),
        scopes,
        Optional.empty());
  }

  private static Grant withIdentity(Grant grant, Identity identity) {
    return new Grant(
        grant.accessToken(),
        grant.refreshToken(),
        grant.expiresAt(),
        grant.scopes(),
        Optional.of(identity));
  }

  /** The client's credentials as the platform names them (TikTok: {@code client_key}). */
  private Map<String, String> credentials() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put(
        options.platform() == Platform.TIKTOK ? "client_key" : "client_id", options.clientId());
    form.put("client_secret", options.clientSecret());
    return form;
  }

  private JsonNode post(JsonApiClient client, String url, Map<String, String> fields) {
    JsonNode body =
        client.json(
            client.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields)))));
    // TikTok may answer a refused grant with 200 and an error in the body.
    errors
        .refusal(body)
        .ifPresent(
            refusal -> {
              throw refusal;
            });
    return body;
  }

  private JsonNode get(String url, String accessToken) {
    JsonNode body =
        api.json(api.send(bearer(HttpRequest.newBuilder(URI.create(url)).GET(), accessToken)));
    errors
        .refusal(body)
        .ifPresent(
            refusal -> {
              throw refusal;
            });
    return body;
  }

  private static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
    return request.header("Authorization", "Bearer " + token);
  }

  private String text(JsonNode node, String field) {
    String value = node.path(field).asString("");
    if (value.isEmpty()) {
      throw unexpected(options.platform().key() + "'s answer has no " + field);
    }
    return value;
  }

  private ReelForgeException refused(String why) {
    return errors.refused(why);
  }

  private static ReelForgeException unexpected(String why) {
    return new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, why, false, List.of(), null);
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
