package dev.reelforge.app.publish.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.PendingAuthorization;
import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.core.publish.accounts.PlatformOAuth;
import dev.reelforge.core.publish.accounts.TokenKeeper;
import dev.reelforge.core.publish.accounts.TokenSealer;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.publish.stub.OAuthStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Platform accounts through the real server, the real PostgreSQL store and the OAuth clients
 * against {@link OAuthStub}: the whole authorization-code flow for each platform (PKCE where the
 * platform takes it), tokens sealed in the table, refresh before expiry, a refused refresh, revoke,
 * and the state and ownership rules.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000"
    })
class PlatformAccountsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final OAuthStub STUB = new OAuthStub(Clock.systemUTC());
  private static final HttpClient BROWSER = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired AccountAccess accountAccess;
  @Autowired PlatformAccountStore store;
  @Autowired TokenSealer sealer;
  @Autowired PlatformOAuth platformOAuth;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "PlatformAccountsApiTest");
    for (Platform platform :
        List.of(Platform.YOUTUBE, Platform.TIKTOK, Platform.INSTAGRAM, Platform.FACEBOOK)) {
      String id = "client-" + platform.key();
      STUB.client(platform, id, "secret-" + platform.key());
      String tree = "reelforge.publish.accounts." + platform.key();
      OAuthStub.Endpoints at = STUB.endpoints(platform);
      registry.add(tree + ".client-id", () -> id);
      registry.add(tree + ".client-secret", () -> "secret-" + platform.key());
      registry.add(tree + ".authorization-url", at::authorizationUrl);
      registry.add(tree + ".token-url", at::tokenUrl);
      registry.add(tree + ".revoke-url", at::revokeUrl);
      registry.add(tree + ".api-url", at::apiUrl);
    }
  }

  @AfterAll
  static void stopStub() {
    STUB.close();
  }

  @Test
  void eachPlatformConnectsThroughTheCodeFlowAndItsTokensAreSealedAtRest() throws Exception {
    String token = TestUsers.token(context, "pa-flow", Role.CREATOR);
    Map<Platform, String[]> expected =
        Map.of(
            Platform.YOUTUBE, new String[] {"UC-tides-channel", "Tides Channel"},
            Platform.TIKTOK, new String[] {"open-tides", "Tides"},
            Platform.INSTAGRAM, new String[] {"ig-tides", "tides.ig"},
            Platform.FACEBOOK, new String[] {"page-tides", "Tides Page"});
    for (Platform platform : expected.keySet()) {
      JsonNode account = connect(platform, token);
      assertThat(account.path("platform").asString()).isEqualTo(platform.key());
      assertThat(account.path("externalId").asString()).isEqualTo(expected.get(platform)[0]);
      assertThat(account.path("displayName").asString()).isEqualTo(expected.get(platform)[1]);
      assertThat(account.path("status").asString()).isEqualTo("connected");
      boolean expires = platform == Platform.YOUTUBE || platform == Platform.TIKTOK;
      assertThat(account.has("tokenExpiresAt")).as(platform.key()).isEqualTo(expires);
    }
    // PKCE where the platform takes it; Meta's plain code flow with state.
    String google = STUB.server().received("GET", "/o/oauth2/v2/auth").getLast().query();
    assertThat(OAuthStub.form(google))
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("access_type", "offline")
        .containsEntry("prompt", "consent")
        .containsKey("code_challenge");
    assertThat(OAuthStub.form(STUB.server().received("POST", "/token").getFirst().bodyText()))
        .containsKey("code_verifier");
    assertThat(
            OAuthStub.form(
                STUB.server().received("POST", "/v2/oauth/token/").getFirst().bodyText()))
        .containsEntry("client_key", "client-tiktok")
        .containsKey("code_verifier");

    JsonNode list = data(api().send("GET", "/api/platform-accounts", null, token));
    assertThat(list.path("accounts")).hasSize(4);
    String listed = list.toString();
    List<Map<String, Object>> rows =
        JdbcClient.create(dataSource)
            .sql(
                "select a.access_token, a.refresh_token from platform_account a join app_user u"
                    + " on u.id = a.owner_id where u.username = 'pa-flow'")
            .query()
            .listOfRows();
    assertThat(rows).hasSize(4);
    for (String issued : STUB.issuedTokens()) {
      assertThat(listed).doesNotContain(issued);
      for (Map<String, Object> row : rows) {
        assertThat((String) row.get("access_token")).startsWith("v1.").doesNotContain(issued);
        assertThat((String) row.get("refresh_token")).doesNotContain(issued);
      }
    }
    // What publishing gets: the token in clear, for the owner's account on its platform.
    JsonNode youtube = accountOf(list, Platform.YOUTUBE);
    UUID owner = ownerOf("pa-flow");
    AccountCredentials credentials =
        accountAccess.credentials(
            owner, UUID.fromString(youtube.path("id").asString()), Platform.YOUTUBE);
    assertThat(credentials.externalId()).isEqualTo("UC-tides-channel");
    assertThat(STUB.issuedTokens()).contains(credentials.accessToken());
  }

  @Test
  void aStateIsUsedOnceAndAnExpiredOneIsRefused() throws Exception {
    String token = TestUsers.token(context, "pa-state", Role.CREATOR);
    JsonNode started =
        data(api().send("POST", "/api/platform-accounts/youtube/connect", null, token));
    assertThat(started.path("expiresAt").asString()).isNotEmpty();
    String callback = authorize(started.path("authorizationUrl").asString());
    assertThat(get(callback, token).statusCode()).isEqualTo(200);
    HttpResponse<String> again = get(callback, token);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("\"state\"").contains("used already");

    store.savePending(
        new PendingAuthorization(
            "expired-state",
            ownerOf("pa-state"),
            Platform.YOUTUBE,
            "v",
            "http://127.0.0.1:" + port + "/api/platform-accounts/callback",
            Instant.now().minusSeconds(1)));
    HttpResponse<String> expired =
        get(path("/api/platform-accounts/callback?code=x&state=expired-state"), token);
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("expired");

    // Another user's state is not theirs to finish.
    String other = TestUsers.token(context, "pa-state-other", Role.CREATOR);
    JsonNode mine = data(api().send("POST", "/api/platform-accounts/tiktok/connect", null, token));
    HttpResponse<String> stolen = get(authorize(mine.path("authorizationUrl").asString()), other);
    assertThat(stolen.statusCode()).isEqualTo(400);

    // The user refused at the platform.
    STUB.denyNext();
    JsonNode refused =
        data(api().send("POST", "/api/platform-accounts/tiktok/connect", null, token));
    HttpResponse<String> denied =
        get(authorize(refused.path("authorizationUrl").asString()), token);
    assertThat(denied.statusCode()).isEqualTo(409);
    assertThat(denied.body()).contains("access_denied");

    // A browser is sent on to the dashboard page.
    JsonNode viaBrowser =
        data(api().send("POST", "/api/platform-accounts/facebook/connect", null, token));
    HttpResponse<String> page =
        BROWSER.send(
            api()
                .request(
                    "GET",
                    pathOf(authorize(viaBrowser.path("authorizationUrl").asString())),
                    null,
                    token)
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location"))
        .contains("/ui/accounts/platforms?connected=facebook");
    HttpResponse<String> dashboard = api().send("GET", "/ui/accounts/platforms", null, token);
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("Tides Page").contains("connect-youtube");
  }

  @Test
  void theStubChecksThePkceVerifier() throws Exception {
    String token = TestUsers.token(context, "pa-pkce", Role.CREATOR);
    JsonNode started =
        data(api().send("POST", "/api/platform-accounts/youtube/connect", null, token));
    String code =
        OAuthStub.form(
                URI.create(authorize(started.path("authorizationUrl").asString())).getRawQuery())
            .get("code");
    assertThatThrownBy(
            () ->
                platformOAuth.exchange(
                    Platform.YOUTUBE,
                    code,
                    Optional.of("a-verifier-that-is-not-the-one-of-the-challenge-xyz"),
                    "http://127.0.0.1:" + port + "/api/platform-accounts/callback"))
        .isInstanceOf(PlatformOAuth.TokenRefused.class)
        .hasMessageContaining("invalid_grant");
  }

  @Test
  void aTokenIsRefreshedBeforeItExpiresAndARefusedRefreshAsksToReconnect() throws Exception {
    String token = TestUsers.token(context, "pa-refresh", Role.CREATOR);
    UUID owner = ownerOf("pa-refresh");
    UUID id = UUID.fromString(connect(Platform.TIKTOK, token).path("id").asString());
    MutableClock clock = new MutableClock(Instant.now());
    TokenKeeper keeper =
        new TokenKeeper(
            store, sealer, platformOAuth, Duration.ofMinutes(5), Duration.ofMinutes(2), clock);
    int before = STUB.refreshes();
    String first = keeper.credentials(owner, id, Platform.TIKTOK).accessToken();
    assertThat(STUB.refreshes()).as("an hour left: no refresh").isEqualTo(before);
    clock.advance(Duration.ofMinutes(56));
    String second = keeper.credentials(owner, id, Platform.TIKTOK).accessToken();
    assertThat(second).isNotEqualTo(first);
    assertThat(STUB.refreshes()).isEqualTo(before + 1);
    // The new token's expiry is an hour after the real time the platform answered: back there,
    // the keeper uses it without refreshing.
    clock.set(Instant.now());
    assertThat(keeper.credentials(owner, id, Platform.TIKTOK).accessToken()).isEqualTo(second);
    assertThat(STUB.refreshes()).isEqualTo(before + 1);

    JsonNode refreshed =
        data(api().send("POST", "/api/platform-accounts/" + id + "/refresh", null, token));
    assertThat(refreshed.path("status").asString()).isEqualTo("connected");
    assertThat(STUB.refreshes()).isEqualTo(before + 2);

    STUB.revokeAllRefreshTokens();
    HttpResponse<String> refused =
        api().send("POST", "/api/platform-accounts/" + id + "/refresh", null, token);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("connected again");
    assertThat(
            data(api().send("GET", "/api/platform-accounts/" + id, null, token))
                .path("status")
                .asString())
        .isEqualTo("needs_reconnect");
    assertThatThrownBy(() -> accountAccess.credentials(owner, id, Platform.TIKTOK))
        .isInstanceOf(ReelForgeException.class)
        .extracting(e -> ((ReelForgeException) e).code())
        .isEqualTo(ErrorCode.AUTH_REQUIRED);
  }

  @Test
  void disconnectingRevokesAtThePlatformAndAnotherUsersAccountIsNotFound() throws Exception {
    String token = TestUsers.token(context, "pa-revoke", Role.CREATOR);
    String other = TestUsers.token(context, "pa-revoke-other", Role.CREATOR);
    String id = connect(Platform.YOUTUBE, token).path("id").asString();

    for (String[] call :
        new String[][] {
          {"GET", "/api/platform-accounts/" + id},
          {"DELETE", "/api/platform-accounts/" + id},
          {"POST", "/api/platform-accounts/" + id + "/refresh"}
        }) {
      assertThat(api().send(call[0], call[1], null, other).statusCode()).as(call[0]).isEqualTo(404);
    }
    assertThat(data(api().send("GET", "/api/platform-accounts", null, other)).path("accounts"))
        .isEmpty();
    assertThatThrownBy(
            () ->
                accountAccess.credentials(
                    ownerOf("pa-revoke-other"), UUID.fromString(id), Platform.YOUTUBE))
        .extracting(e -> ((ReelForgeException) e).code())
        .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
    assertThatThrownBy(
            () ->
                accountAccess.credentials(
                    ownerOf("pa-revoke"), UUID.fromString(id), Platform.TIKTOK))
        .as("another platform")
        .extracting(e -> ((ReelForgeException) e).code())
        .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);

    int revokedBefore = STUB.revoked().size();
    JsonNode gone = data(api().send("DELETE", "/api/platform-accounts/" + id, null, token));
    assertThat(gone.path("revoked").asBoolean()).isTrue();
    assertThat(STUB.revoked()).hasSize(revokedBefore + 1);
    assertThat(STUB.revoked().getLast()).startsWith("rt-youtube-");
    assertThat(api().send("GET", "/api/platform-accounts/" + id, null, token).statusCode())
        .isEqualTo(404);
    assertThat(
            JdbcClient.create(dataSource)
                .sql(
                    "select count(*) from audit_log where target_id = :id and action like 'platform_account.%'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(2);

    HttpResponse<String> local =
        api().send("POST", "/api/platform-accounts/local/connect", null, token);
    assertThat(local.statusCode()).isEqualTo(400);
    HttpResponse<String> unknown =
        api().send("POST", "/api/platform-accounts/myspace/connect", null, token);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("platform");
  }

  // --- helpers

  /** Connects {@code platform}: start, the platform's page, the callback. */
  private JsonNode connect(Platform platform, String token) throws Exception {
    JsonNode started =
        data(
            api()
                .send(
                    "POST", "/api/platform-accounts/" + platform.key() + "/connect", null, token));
    HttpResponse<String> back = get(authorize(started.path("authorizationUrl").asString()), token);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    return data(back);
  }

  /** Opens the authorization page as a browser would; answers where it sends the browser. */
  private static String authorize(String authorizationUrl) throws Exception {
    HttpResponse<String> page =
        BROWSER.send(
            HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
    return page.headers().firstValue("Location").orElseThrow();
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    return api().send("GET", pathOf(url), null, token);
  }

  private static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private String path(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private UUID ownerOf(String username) {
    return JdbcClient.create(dataSource)
        .sql("select id from app_user where username = :u")
        .param("u", username)
        .query(UUID.class)
        .single();
  }

  private static JsonNode accountOf(JsonNode list, Platform platform) {
    for (JsonNode account : list.path("accounts")) {
      if (account.path("platform").asString().equals(platform.key())) {
        return account;
      }
    }
    throw new AssertionError("no " + platform.key() + " account in " + list);
  }

  private ApiCalls api() {
    return new ApiCalls(port);
  }

  private static JsonNode data(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    return JSON.readTree(response.body()).path("data");
  }
}
