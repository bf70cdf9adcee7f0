package dev.reelforge.app.security;

import static dev.reelforge.app.security.SecurityApiTest.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.core.accounts.Role;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A one-time password (made by an admin or {@code reelforge user}) signs in, but its tokens only
 * serve to choose a new password: every other call is 403 {@code PASSWORD_CHANGE_REQUIRED} until
 * then. The change is checked field by field, audited, ends the other sessions and the old
 * password.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=1000"
    })
class PasswordChangeApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String NEW_PASSWORD = "Quiet-Lantern-Orbit-42";

  @Value("${local.server.port}")
  int port;

  @Autowired Accounts accounts;
  @Autowired AuditLog auditLog;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "PasswordChangeApiTest");
  }

  @Test
  void aOneTimePasswordOnlyLetsTheUserChooseANewOne() throws Exception {
    ApiCalls api = new ApiCalls(port);
    Accounts.Created created = accounts.create("first-timer", Role.CREATOR, Optional.empty());
    String oneTime = created.generatedPassword().orElseThrow();

    JsonNode login = data(api.send("POST", "/auth/login", credentials(oneTime), null));
    assertThat(login.path("passwordChangeRequired").asBoolean()).isTrue();
    String token = login.path("accessToken").asString();

    HttpResponse<String> refused = api.send("GET", "/api/runs", null, token);
    expectError(refused, 403, "PASSWORD_CHANGE_REQUIRED");
    assertThat(refused.body()).contains("POST /api/me/password");
    expectError(
        api.send("POST", "/api/story/manual", "{\"scriptText\":\"One.\"}", token),
        403,
        "PASSWORD_CHANGE_REQUIRED");
    expectError(
        api.send("POST", "/api/me/api-keys", "{\"name\":\"k\"}", token),
        403,
        "PASSWORD_CHANGE_REQUIRED");
    assertThat(
            data(api.send("GET", "/api/me", null, token))
                .path("passwordChangeRequired")
                .asBoolean())
        .isTrue();

    HttpResponse<String> wrongCurrent =
        api.send("POST", "/api/me/password", change("not-the-password", NEW_PASSWORD), token);
    expectError(wrongCurrent, 400, "INVALID_INPUT");
    assertThat(wrongCurrent.body()).contains("currentPassword");
    HttpResponse<String> weak =
        api.send("POST", "/api/me/password", change(oneTime, "short"), token);
    expectError(weak, 400, "INVALID_INPUT");
    assertThat(weak.body()).contains("newPassword").contains("at least 12 characters");
    HttpResponse<String> same =
        api.send("POST", "/api/me/password", change(oneTime, oneTime), token);
    expectError(same, 400, "INVALID_INPUT");

    JsonNode changed =
        data(api.send("POST", "/api/me/password", change(oneTime, NEW_PASSWORD), token));
    assertThat(changed.path("changed").asBoolean()).isTrue();

    // The same access token now reaches everything its role allows.
    assertThat(api.send("GET", "/api/runs", null, token).statusCode()).isEqualTo(200);
    assertThat(
            data(api.send("GET", "/api/me", null, token))
                .path("passwordChangeRequired")
                .asBoolean())
        .isFalse();
    // The other sessions and the one-time password are over.
    HttpResponse<String> oldRefresh =
        api.send(
            "POST",
            "/auth/refresh",
            "{\"refreshToken\":\"" + login.path("refreshToken").asString() + "\"}",
            null);
    expectError(oldRefresh, 401, "AUTH_REQUIRED");
    expectError(api.send("POST", "/auth/login", credentials(oneTime), null), 401, "AUTH_REQUIRED");
    JsonNode again = data(api.send("POST", "/auth/login", credentials(NEW_PASSWORD), null));
    assertThat(again.path("passwordChangeRequired").asBoolean()).isFalse();

    assertThat(auditLog.list(Optional.empty(), Optional.empty(), 50))
        .anyMatch(
            r ->
                r.entry().action().equals("user.change-password")
                    && r.entry().targetId().equals(created.user().id().toString()));
  }

  private static String credentials(String password) {
    return "{\"username\":\"first-timer\",\"password\":\"" + password + "\"}";
  }

  private static String change(String current, String replacement) {
    return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + replacement + "\"}";
  }

  private static JsonNode data(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("data");
  }
}
