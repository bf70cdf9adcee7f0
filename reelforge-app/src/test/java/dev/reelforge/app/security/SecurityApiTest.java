package dev.reelforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.postgres.accounts.PostgresServerSecrets;
import dev.reelforge.postgres.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts and guardrails through the real application: login, refresh rotation and reuse
 * detection, logout, API keys, roles, ownership, credits (402, refund on cancel), quotas and the
 * usage routes, a rate limit shared with a second instance on the same database, body limits,
 * security headers, CORS off, the audit log (with each request's client address and user agent),
 * and no secret in a log line.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=1000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.ai-per-minute=100000",
      "reelforge.limits.render-per-minute=100000",
      "reelforge.limits.preview-per-minute=4",
      "reelforge.limits.script-daily=5",
      "reelforge.limits.initial-credits=2",
      "reelforge.limits.render-credits=2"
    })
@ExtendWith(OutputCaptureExtension.class)
class SecurityApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static TestDatabase database;
  private static ConfigurableApplicationContext secondInstance;

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    database = AppTestDatabase.register(registry, "SecurityApiTest");
  }

  @AfterAll
  static void stopSecondInstance() {
    if (secondInstance != null) {
      secondInstance.close();
    }
  }

  @Test
  void loginRefreshRotatesAndAReplayedRefreshTokenSignsTheWholeFamilyOut(CapturedOutput output)
      throws Exception {
    TestUsers.create(context, "rotor", Role.CREATOR);
    HttpResponse<String> wrong =
        call(
            "POST",
            "/auth/login",
            "{\"username\":\"rotor\",\"password\":\"nope-nope-nope\"}",
            null);
    expectError(wrong, 401, "AUTH_REQUIRED");
    HttpResponse<String> unknown =
        call(
            "POST",
            "/auth/login",
            "{\"username\":\"ghost\",\"password\":\"nope-nope-nope\"}",
            null);
    assertThat(JSON.readTree(unknown.body()).path("detail").asString())
        .isEqualTo(JSON.readTree(wrong.body()).path("detail").asString());

    JsonNode login = data(call("POST", "/auth/login", credentials("rotor"), null), 200);
    String access = login.path("accessToken").asString();
    String refresh1 = login.path("refreshToken").asString();
    assertThat(login.path("expiresIn").asLong()).isEqualTo(900);
    assertThat(data(call("GET", "/me", null, access), 200).path("username").asString())
        .isEqualTo("rotor");

    JsonNode rotated = data(call("POST", "/auth/refresh", refresh(refresh1), null), 200);
    String refresh2 = rotated.path("refreshToken").asString();
    assertThat(refresh2).isNotEqualTo(refresh1);
    String refresh3 =
        data(call("POST", "/api/auth/refresh", refresh(refresh2), null), 200)
            .path("refreshToken")
            .asString();

    // refresh1 was spent: presenting it again is a theft signal and ends the family.
    expectError(call("POST", "/auth/refresh", refresh(refresh1), null), 401, "AUTH_REQUIRED");
    expectError(call("POST", "/auth/refresh", refresh(refresh3), null), 401, "AUTH_REQUIRED");
    JsonNode audit = adminGet("/api/admin/audit?targetType=user&limit=50");
    assertThat(audit.toString()).contains("auth.refresh-reuse");

    // Logout ends a family too.
    String fresh =
        data(call("POST", "/auth/login", credentials("rotor"), null), 200)
            .path("refreshToken")
            .asString();
    data(call("POST", "/auth/logout", refresh(fresh), null), 200);
    expectError(call("POST", "/auth/refresh", refresh(fresh), null), 401, "AUTH_REQUIRED");

    // No password, access token or refresh token reached a log line.
    assertThat(output.getAll())
        .doesNotContain(TestUsers.PASSWORD)
        .doesNotContain(access)
        .doesNotContain(refresh1)
        .doesNotContain(fresh);
  }

  @Test
  void aMissingAWrongAndAnExpiredTokenAreRefusedWithDifferentReasons() throws Exception {
    UserAccount user = TestUsers.create(context, "late", Role.VIEWER);
    // The key the server made on its first start and keeps in the database (the fresh value is
    // never stored: the name is taken).
    byte[] key =
        new PostgresServerSecrets(
                context.getBean(javax.sql.DataSource.class), java.time.Clock.systemUTC())
            .getOrCreate("access-token-key", () -> new byte[32]);
    String expired =
        new AccessTokens(
                key,
                java.time.Duration.ofMinutes(15),
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(-1)))
            .issue(user);
    String otherKey =
        new AccessTokens(
                Secrets.randomBytes(32),
                java.time.Duration.ofMinutes(15),
                java.time.Clock.systemUTC())
            .issue(user);

    assertThat(refusal(call("GET", "/api/me", null, null))).startsWith("sign in: no access token");
    assertThat(refusal(call("GET", "/api/me", null, "not-a-token")))
        .isEqualTo("the access token is not valid");
    assertThat(refusal(call("GET", "/api/me", null, otherKey)))
        .isEqualTo("the access token is not valid");
    assertThat(refusal(call("GET", "/api/me", null, expired)))
        .isEqualTo("the access token has expired; refresh it");
    assertThat(refusal(call("GET", "/api/me", null, "rfk_not-a-key")))
        .isEqualTo("the API key is not valid (unknown or revoked)");
  }

  /** The detail of a 401 that asks for a bearer token, as {@code WWW-Authenticate} says. */
  private static String refusal(HttpResponse<String> response) {
    expectError(response, 401, "AUTH_REQUIRED");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"reelforge\"");
    return JSON.readTree(response.body()).path("detail").asString();
  }

  @Test
  void apiKeysAreShownOnceWorkAsBearerOrHeaderAndStopWhenRevoked() throws Exception {
    String token = TestUsers.token(context, "keyholder", Role.VIEWER);
    JsonNode made = data(call("POST", "/api/me/api-keys", "{\"name\":\"ci\"}", token), 200);
    String key = made.path("key").asString();
    assertThat(key).startsWith("rfk_");
    JsonNode listed = data(call("GET", "/api/me/api-keys", null, token), 200);
    assertThat(listed.toString()).doesNotContain(key).contains(made.path("prefix").asString());

    assertThat(data(call("GET", "/me", null, key), 200).path("via").asString())
        .isEqualTo("api-key");
    HttpResponse<String> byHeader =
        http.send(
            HttpRequest.newBuilder(uri("/api/me")).header("X-API-Key", key).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(byHeader.statusCode()).isEqualTo(200);

    data(call("DELETE", "/api/me/api-keys/" + made.path("id").asString(), null, token), 200);
    expectError(call("GET", "/me", null, key), 401, "AUTH_REQUIRED");
    // No issuer is configured here: OIDC sign-in says so instead of half-working.
    HttpResponse<String> noOidc = call("GET", "/auth/oidc/login", null, null);
    expectError(noOidc, 404, "RESOURCE_NOT_FOUND");
    assertThat(noOidc.body()).contains("reelforge.security.oidc.issuer");
    expectError(
        call("DELETE", "/api/me/api-keys/" + made.path("id").asString(), null, token),
        404,
        "RESOURCE_NOT_FOUND");
  }

  @Test
  void anotherUsersSessionAndRunAre404AndADisabledUserIsCutOffAtOnce() throws Exception {
    String alice = TestUsers.token(context, "alice", Role.CREATOR);
    UserAccount bobUser = TestUsers.create(context, "bob", Role.CREATOR);
    String bob = TestUsers.tokenOf(context, bobUser);
    String session =
        data(call("POST", "/api/story/manual", "{\"scriptText\":\"One.\\nTwo.\"}", alice), 200)
            .path("id")
            .asString();
    expectError(call("GET", "/api/story/" + session, null, bob), 404, "RESOURCE_NOT_FOUND");
    expectError(
        call(
            "POST",
            "/api/story/update-beat-text",
            "{\"sessionId\":\"" + session + "\",\"sentenceIndex\":0,\"text\":\"Mine.\"}",
            bob),
        404,
        "RESOURCE_NOT_FOUND");
    // Soft delete: gone for its owner too.
    data(call("DELETE", "/api/story/" + session, null, alice), 200);
    expectError(call("GET", "/api/story/" + session, null, alice), 404, "RESOURCE_NOT_FOUND");

    String admin = adminToken();
    data(call("PATCH", "/api/admin/users/" + bobUser.id(), "{\"active\":false}", admin), 200);
    expectError(call("GET", "/me", null, bob), 401, "AUTH_REQUIRED");
  }

  @Test
  void creditsAreDebitedWithTheRunRefundedOnceOnCancelAndShortBalancesAre402() throws Exception {
    UserAccount maker = TestUsers.create(context, "spender", Role.CREATOR);
    String token = TestUsers.tokenOf(context, maker);
    String session =
        data(
                call(
                    "POST", "/api/story/manual", "{\"scriptText\":\"Bees dance.\\nFood.\"}", token),
                200)
            .path("id")
            .asString();
    // 2 credits: one format costs 2, two formats cost 4.
    expectError(
        call(
            "POST",
            "/api/story/finalize",
            "{\"sessionId\":\"" + session + "\",\"formats\":[\"tiktok\",\"square\"]}",
            token),
        402,
        "INSUFFICIENT_CREDITS");
    HttpResponse<String> accepted =
        http.send(
            request("POST", "/api/story/finalize", "{\"sessionId\":\"" + session + "\"}", token)
                .header("Prefer", "respond-async")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String runId = JSON.readTree(accepted.body()).path("data").path("runId").asString();
    assertThat(data(call("GET", "/api/me/credits", null, token), 200).path("balance").asLong())
        .isZero();

    // Another user cannot cancel it; its owner can, twice, and is paid back once.
    String stranger = TestUsers.token(context, "stranger", Role.CREATOR);
    expectError(
        call("POST", "/api/runs/" + runId + "/cancel", null, stranger), 404, "RESOURCE_NOT_FOUND");
    data(call("POST", "/api/runs/" + runId + "/cancel", null, token), 200);
    data(call("POST", "/api/runs/" + runId + "/cancel", null, token), 200);
    JsonNode credits = data(call("GET", "/api/me/credits", null, token), 200);
    assertThat(credits.path("balance").asLong()).isEqualTo(2);
    assertThat(credits.path("entries").findValuesAsString("reason"))
        .containsExactly("refund", "debit", "grant");
    assertThat(
            data(call("GET", "/api/runs/" + runId, null, token), 200)
                .path("credits")
                .path("refunded")
                .asBoolean())
        .isTrue();

    // An admin grant is audited with the balance before and after, and with where the request
    // came from: the client address and its user agent, cut at 512 characters.
    String admin = adminToken();
    String userAgent = "ReelForgeAdmin/1.0 " + "x".repeat(600);
    JsonNode grant =
        data(
            new ApiCalls(port)
                .send(
                    request(
                            "POST",
                            "/api/admin/users/" + maker.id() + "/credits",
                            "{\"amount\":5,\"note\":\"promo\"}",
                            admin)
                        .header("User-Agent", userAgent)),
            200);
    assertThat(grant.path("before").asLong()).isEqualTo(2);
    assertThat(grant.path("after").asLong()).isEqualTo(7);
    JsonNode audit = adminGet("/api/admin/audit?targetType=user&targetId=" + maker.id());
    JsonNode granted = audit.get(0);
    assertThat(granted.path("action").asString()).isEqualTo("credits.grant");
    assertThat(granted.path("actor").asString()).startsWith("sec-admin");
    assertThat(granted.path("before").path("balance").asLong()).isEqualTo(2);
    assertThat(granted.path("after").path("balance").asLong()).isEqualTo(7);
    assertThat(granted.path("ipAddress").asString()).isEqualTo("127.0.0.1");
    assertThat(granted.path("userAgent").asString()).isEqualTo(userAgent.substring(0, 512));
    expectError(
        call("POST", "/api/admin/users/" + maker.id() + "/credits", "{\"amount\":-5}", admin),
        400,
        "INVALID_INPUT");
  }

  @Test
  void theScriptQuotaStopsAtItsLimitAndFlagsTheUserAt80Percent() throws Exception {
    String token = TestUsers.token(context, "writer", Role.CREATOR);
    String session =
        data(
                call(
                    "POST",
                    "/api/story/start",
                    "{\"input\":\"Why is the sea salty\",\"inputType\":\"idea\"}",
                    token),
                200)
            .path("id")
            .asString();
    String generate = "{\"sessionId\":\"" + session + "\"}";
    for (int i = 0; i < 5; i++) {
      data(call("POST", "/api/story/generate", generate, token), 200);
    }
    HttpResponse<String> over = call("POST", "/api/story/generate", generate, token);
    expectError(over, 429, "QUOTA_EXCEEDED");
    assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 86400L);
    JsonNode usage = data(call("GET", "/me/usage/current", null, token), 200);
    assertThat(usage.path("flagged").asBoolean()).isTrue();
    JsonNode script = usage.path("usage").get(0);
    assertThat(script.path("kind").asString()).isEqualTo("script");
    assertThat(script.path("today").asInt()).isEqualTo(5);
    assertThat(script.path("dailyLimit").asInt()).isEqualTo(5);
    JsonNode history = data(call("GET", "/api/me/usage/history?period=7d", null, token), 200);
    assertThat(history.path("days").get(0).path("units").asInt()).isEqualTo(5);
    expectError(call("GET", "/me/usage/history?period=1y", null, token), 400, "INVALID_INPUT");
  }

  @Test
  void aRateLimitIsSharedWithASecondInstanceOnTheSameDatabase() throws Exception {
    secondInstance =
        AppTestDatabase.secondInstance(
            database, Map.of("reelforge.limits.preview-per-minute", "4"));
    int otherPort =
        Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port"));
    String token = TestUsers.token(context, "previewer", Role.CREATOR);
    // The token, signed on this instance, is accepted by the other: they share the key.
    int allowed = 0;
    HttpResponse<String> refused = null;
    for (int i = 0; i < 6; i++) {
      int target = i % 2 == 0 ? port : otherPort;
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + target + "/api/caption/preview"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429) {
        refused = response;
      } else {
        assertThat(response.headers().firstValue("RateLimit-Remaining")).isPresent();
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(4);
    assertThat(refused).isNotNull();
    expectError(refused, 429, "RATE_LIMIT_EXCEEDED");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("4");
    assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
  }

  @Test
  void theEdgeSendsSecurityHeadersRefusesLargeBodiesAndHasNoCors() throws Exception {
    String token = TestUsers.token(context, "edgy", Role.CREATOR);
    HttpResponse<String> health = call("GET", "/api/health", null, null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(health.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(health.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(call("GET", "/me", null, token).headers().firstValue("Cache-Control"))
        .hasValue("no-store");

    String big = "{\"scriptText\":\"" + "a".repeat(60_000) + "\"}";
    expectError(call("POST", "/api/story/manual", big, token), 413, "PAYLOAD_TOO_LARGE");
    String huge = "{\"name\":\"" + "a".repeat(120_000) + "\"}";
    expectError(call("POST", "/api/me/api-keys", huge, token), 413, "PAYLOAD_TOO_LARGE");

    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(uri("/api/story/start"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  // --- helpers ---

  private String adminToken() {
    return TestUsers.tokenOf(
        context,
        context.getBean(Accounts.class).list().stream()
            .filter(u -> u.username().equals("sec-admin"))
            .findFirst()
            .orElseGet(() -> TestUsers.create(context, "sec-admin", Role.ADMIN)));
  }

  private JsonNode adminGet(String path) throws Exception {
    return data(call("GET", path, null, adminToken()), 200);
  }

  private static String credentials(String username) {
    return "{\"username\":\"" + username + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}";
  }

  private static String refresh(String token) {
    return "{\"refreshToken\":\"" + token + "\"}";
  }

  HttpResponse<String> call(String method, String path, String body, String bearer)
      throws Exception {
    return new ApiCalls(port).send(method, path, body, bearer);
  }

  HttpRequest.Builder request(String method, String path, String body, String bearer) {
    return new ApiCalls(port).request(method, path, body, bearer);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static JsonNode data(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as(response.uri() + " → " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body()).path("data");
  }

  static void expectError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode())
        .as(response.uri() + " → " + response.body())
        .isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("success").asBoolean()).isFalse();
    assertThat(body.path("error").asString()).isEqualTo(code);
    assertThat(body.path("detail").asString()).isNotBlank();
  }
}
