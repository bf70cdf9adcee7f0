package dev.reelforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.web.DashboardPages;
import dev.reelforge.core.accounts.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every route the application maps × every role × owner and non-owner: anonymous callers get
 * 401 (except the public routes), roles without the route's permission get 403, and another user's
 * resource answers 404. Then sends malformed, mistyped, huge, unicode-edge and injection bodies to
 * every route and requires a 4xx envelope, never a 5xx.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.auth-per-minute=100000",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.ai-per-minute=100000",
      "reelforge.limits.render-per-minute=100000",
      "reelforge.limits.preview-per-minute=100000",
      "reelforge.limits.script-daily=0",
      "reelforge.limits.render-daily=0",
      // A platform with client credentials, so that connecting answers (the URL needs no call).
      "reelforge.publish.accounts.youtube.client-id=matrix-client",
      "reelforge.publish.accounts.youtube.client-secret=matrix-secret"
    })
class AccessMatrixTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String OTHERS_RUN = "00000000-0000-7000-8000-00000000abcd";

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired AccessPolicy policy;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
  private static String ownerToken;
  private static String ownersSession;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "AccessMatrixTest");
  }

  @BeforeEach
  void users() throws Exception {
    if (TOKENS.isEmpty()) {
      for (Role role : Role.values()) {
        TOKENS.put(role, TestUsers.token(context, "matrix-" + role.wireName(), role));
      }
      ownerToken = TestUsers.token(context, "matrix-owner", Role.CREATOR);
      HttpResponse<String> made =
          send("POST", "/api/story/manual", "{\"scriptText\":\"One.\\nTwo.\"}", ownerToken);
      ownersSession = JSON.readTree(made.body()).path("data").path("id").asString();
    }
  }

  /** Every mapped route of ours, with a concrete path: sample ids are another user's. */
  private List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      if (!entry.getValue().getBeanType().getPackageName().startsWith("dev.reelforge.app")
          || entry.getValue().getBeanType().getSimpleName().equals("ApiErrorController")) {
        continue;
      }
      for (String pattern : entry.getKey().getPatternValues()) {
        for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
          String path =
              pattern
                  .replace("{sessionId}", ownersSession)
                  .replace("{name:.+}", "video.mp4")
                  .replace("{runId}", OTHERS_RUN)
                  .replace("{id}", OTHERS_RUN)
                  .replace("{taskId}", OTHERS_RUN)
                  .replace("{targetId}", OTHERS_RUN)
                  .replace("{candidateId}", OTHERS_RUN)
                  .replace("{index}", "0")
                  .replace("{kind}", "image")
                  .replace("{platform}", "youtube")
                  .replace("{n}", "0")
                  .replace("{*key}", "stories/x/video.mp4");
          routes.add(new Route(method.name(), pattern, path));
        }
      }
    }
    assertThat(routes).hasSizeGreaterThan(40);
    return routes;
  }

  private record Route(String method, String pattern, String path) {}

  @Test
  void everyRouteIsInTheAccessTable() {
    for (Route route : routes()) {
      AccessPolicy.Rule rule =
          policy.ruleFor(route.method(), route.pattern().replace("{name:.+}", "x"));
      assertThat(rule.pattern().getPatternString())
          .as(route.method() + " " + route.pattern() + " has its own row in AccessPolicy")
          .isNotEqualTo("/**");
    }
  }

  @Test
  void everyRouteTimesEveryRoleAnswersWhatThePermissionMatrixSays() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Route route : routes()) {
      AccessPolicy.Rule rule = policy.ruleFor(route.method(), route.path());
      String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
      int anonymous = status(route.method(), route.path(), body, null);
      if (rule.isPublic()) {
        check(
            failures,
            route,
            "anonymous",
            anonymous != 401 && anonymous != 403 && anonymous < 500,
            anonymous);
        continue;
      }
      // A browser on a dashboard page is sent to sign in; everything else answers 401.
      boolean page = route.method().equals("GET") && DashboardPages.isPage(route.path());
      check(failures, route, "anonymous", page ? anonymous == 302 : anonymous == 401, anonymous);
      for (Role role : Role.values()) {
        int status = status(route.method(), route.path(), body, TOKENS.get(role));
        boolean allowed = role.can(rule.permission().orElseThrow());
        check(
            failures,
            route,
            role.wireName(),
            allowed ? status != 401 && status != 403 && status < 500 : status == 403,
            status);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void anotherUsersResourcesAnswer404ToEveryRoleThatIsNotWidened() throws Exception {
    String session = "{\"sessionId\":\"" + ownersSession + "\"}";
    String creator = TOKENS.get(Role.CREATOR);
    for (String path :
        List.of(
            "/api/story/plan",
            "/api/story/search",
            "/api/story/timeline",
            "/api/story/captions",
            "/api/story/finalize",
            "/api/story/render",
            "/api/studio/finalize",
            "/api/story/generate")) {
      assertThat(send("POST", path, session, creator).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(send("GET", "/api/story/" + ownersSession, null, creator).statusCode())
        .isEqualTo(404);
    assertThat(
            send("GET", "/api/story/" + ownersSession, null, TOKENS.get(Role.VIEWER)).statusCode())
        .isEqualTo(404);
    assertThat(send("DELETE", "/api/story/" + ownersSession, null, creator).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/api/story/" + ownersSession, null, ownerToken).statusCode())
        .as("the owner still has it")
        .isEqualTo(200);
    // Seed 002's pipeline aliases keep the runs API's rule (PipelineApiTest: a real run of
    // another).
    assertThat(send("GET", "/api/pipeline/status/" + OTHERS_RUN, null, creator).statusCode())
        .isEqualTo(404);
    assertThat(send("POST", "/api/pipeline/stop/" + OTHERS_RUN, "{}", creator).statusCode())
        .isEqualTo(404);
    // Publishing (PublishingApiTest: a real publication of another user).
    assertThat(send("GET", "/api/publications/" + OTHERS_RUN, null, creator).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/api/runs/" + OTHERS_RUN + "/evidence", null, creator).statusCode())
        .isEqualTo(404);
    assertThat(
            send(
                    "POST",
                    "/api/publications",
                    "{\"runId\":\"" + OTHERS_RUN + "\",\"targets\":[{\"platform\":\"local\"}]}",
                    creator)
                .statusCode())
        .isEqualTo(404);
    // Clips (ClipsApiTest: a real source, export and upload of another user).
    for (String path :
        List.of(
            "/api/clips/sources/" + OTHERS_RUN,
            "/api/clips/exports/" + OTHERS_RUN,
            "/api/clips/uploads/" + OTHERS_RUN)) {
      assertThat(send("GET", path, null, creator).statusCode()).as(path).isEqualTo(404);
    }
    for (String path :
        List.of(
            "/api/clips/sources/" + OTHERS_RUN + "/analyze",
            "/api/clips/sources/" + OTHERS_RUN + "/export",
            "/api/clips/uploads/" + OTHERS_RUN + "/complete")) {
      assertThat(send("POST", path, "{}", creator).statusCode()).as(path).isIn(400, 404);
    }
    assertThat(send("DELETE", "/api/clips/uploads/" + OTHERS_RUN, null, creator).statusCode())
        .isEqualTo(404);
  }

  @Test
  void malformedHugeUnicodeAndInjectionBodiesAre4xxEnvelopesOnEveryRoute() throws Exception {
    List<String> bodies =
        List.of(
            "{",
            "[]",
            "\"text\"",
            "null",
            "{\"sessionId\":123,\"input\":[],\"text\":{},\"sentenceIndex\":\"x\"}",
            "{\"sessionId\":\"" + "x".repeat(5000) + "\"}",
            "{\"sessionId\":\"' OR 1=1; drop table run; --\",\"input\":\"<script>alert(1)</script>\"}",
            "{\"sessionId\":\"../../etc/passwd\",\"name\":\"..%2F..%2Fx\"}",
            "{\"sentenceIndex\":1e309,\"page\":99999999999999999999999,\"amount\":-9223372036854775808}",
            "{\"input\":\"\\u0000\\ud83d\",\"text\":\"\\u202e\\ufeff\",\"username\":\"\\u0000\"}",
            "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
            // Seed 002's PipelineConfig, mistyped and with nulls where lists hold strings.
            "{\"story_params\":{\"idea\":123,\"script\":[]},\"platforms\":\"youtube\"}",
            "{\"story_params\":{\"text\":\"\\u0000\"},\"platforms\":[null],"
                + "\"video_params\":{\"formats\":[null]},\"moderation_enabled\":\"no\"}",
            // Publications: targets mistyped, nulls in lists, copy of the wrong shapes.
            "{\"runId\":\""
                + OTHERS_RUN
                + "\",\"targets\":[null,{\"platform\":5,"
                + "\"metadata\":{\"hashtags\":[null],\"title\":[]},\"scheduleAt\":\"soon\"}]}",
            "{\"targets\":\"youtube\",\"format\":[],\"metadata\":\"x\"}",
            // Moderation preferences: names of the wrong types, nulls and objects in the list.
            "{\"preset\":5,\"regions\":\"de\"}",
            "{\"preset\":\"kids\",\"regions\":[null,7,{}]}",
            "{\"preset\":\"kids\",\"regions\":[\"\\u0000\",\"de\\u202e\"]}",
            // Clips: uploads, analyses, candidate changes and exports, mistyped and out of range.
            "{\"name\":5,\"size\":\"big\",\"contentType\":[]}",
            "{\"name\":\"\\u0000.mp4\",\"size\":-1,\"contentType\":\"text/html\"}",
            "{\"name\":\"a.mp4\",\"size\":99999999999999999999,\"contentType\":\"video/mp4\"}",
            "{\"minSeconds\":-5,\"maxSeconds\":2147483647,\"minCount\":0,\"maxCount\":-1}",
            "{\"state\":5,\"startMs\":\"x\",\"reframe\":{\"mode\":[],\"centerX\":\"a\"}}",
            "{\"startMs\":-9223372036854775808,\"endMs\":9223372036854775807,"
                + "\"reframe\":{\"mode\":\"crop\",\"centerX\":1e309}}",
            "{\"candidateIds\":[null,5,\"../x\"],\"presets\":\"tiktok\",\"quality\":{}}",
            "{\"candidateIds\":[\"" + OTHERS_RUN + "\"],\"presets\":[null,\"\\u0000\"]}");
    String admin = TOKENS.get(Role.ADMIN);
    List<String> failures = new ArrayList<>();
    for (Route route : routes()) {
      if (route.method().equals("GET") || route.method().equals("DELETE")) {
        continue;
      }
      for (String body : bodies) {
        HttpResponse<String> response = send(route.method(), route.path(), body, admin);
        int status = response.statusCode();
        if (status >= 500) {
          failures.add(
              route.method() + " " + route.path() + " " + status + " for " + abbreviate(body));
        } else if (status >= 400 && DashboardPages.isDashboard(route.path())) {
          // The dashboard's forms answer with a page that says what was wrong.
          if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            failures.add(route.method() + " " + route.path() + " no page for " + abbreviate(body));
          }
        } else if (status >= 400) {
          JsonNode envelope = JSON.readTree(response.body());
          if (envelope.path("success").asBoolean(true)
              || envelope.path("error").asString().isEmpty()) {
            failures.add(
                route.method() + " " + route.path() + " no envelope for " + abbreviate(body));
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static void check(
      List<String> failures, Route route, String who, boolean ok, int status) {
    if (!ok) {
      failures.add(route.method() + " " + route.pattern() + " as " + who + " → " + status);
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 60 ? body.substring(0, 60) + "…" : body;
  }

  private int status(String method, String path, String body, String bearer) throws Exception {
    return new ApiCalls(port).status(method, path, body, bearer);
  }

  private HttpResponse<String> send(String method, String path, String body, String bearer)
      throws Exception {
    return new ApiCalls(port).send(method, path, body, bearer);
  }
}
