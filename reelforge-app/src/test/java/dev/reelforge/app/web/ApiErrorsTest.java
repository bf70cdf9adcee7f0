package dev.reelforge.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of failure reaches the client as seed 000's envelope with the status of its code,
 * through the real application and its one exception mapping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiErrorsTest.ProbeRoutes.class)
class ApiErrorsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  private static String token;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ApiErrorsTest");
  }

  /** Routes that exist only in this test, to drive the real error mapping. */
  @TestConfiguration
  static class ProbeRoutes {
    @RestController
    static class Probe {
      record Beat(@NotBlank String text) {}

      record Story(
          @NotBlank String title, @Max(8) int beatCount, @Valid @Size(max = 2) List<Beat> beats) {}

      @PostMapping("/test/story")
      Map<String, Object> story(@Valid @RequestBody Story story) {
        return Map.of("success", true, "title", story.title());
      }

      @GetMapping("/test/session/{id}")
      Map<String, Object> session(@PathVariable String id) {
        throw ReelForgeException.notFound("Session", id);
      }

      @GetMapping("/test/credits")
      Map<String, Object> credits() {
        throw new ReelForgeException(
            ErrorCode.INSUFFICIENT_CREDITS, "this run costs 5 credits, you have 2");
      }

      @GetMapping("/test/busy")
      Map<String, Object> busy() {
        throw new ReelForgeException(ErrorCode.SERVICE_UNAVAILABLE, "the render queue is full");
      }

      /** An error the container dispatches to the error controller. */
      @GetMapping("/test/too-large")
      void containerError(HttpServletResponse response) throws IOException {
        response.sendError(413);
      }

      @GetMapping("/test/bug")
      Map<String, Object> bug() {
        throw new IllegalStateException("secret internal detail: password=hunter2");
      }
    }
  }

  @Test
  void validationErrorsNameEachField() throws Exception {
    HttpResponse<String> response =
        post("/test/story", "{\"title\":\" \",\"beatCount\":9,\"beats\":[{\"text\":\"\"}]}");
    JsonNode body = envelope(response, 400, "INVALID_INPUT");
    assertThat(body.get("details").findValuesAsString("field"))
        .containsExactlyInAnyOrder("title", "beatCount", "beats[0].text");
    assertThat(body.get("detail").asString()).contains("beatCount");
  }

  @Test
  void malformedJsonIsAClientError() throws Exception {
    JsonNode body = envelope(post("/test/story", "{\"title\": \"x\","), 400, "INVALID_INPUT");
    assertThat(body.get("detail").asString()).isEqualTo("the request body is not valid JSON");
  }

  @Test
  void wellFormedJsonThatIsNotAnObjectIsCalledSo() throws Exception {
    for (String body : List.of("[\"a title\"]", "\"a title\"", "42")) {
      JsonNode error = envelope(post("/test/story", body), 400, "INVALID_INPUT");
      assertThat(error.get("detail").asString())
          .as(body)
          .isEqualTo("the request body must be a JSON object");
    }
  }

  @Test
  void aWrongTypeNamesTheField() throws Exception {
    JsonNode body =
        envelope(
            post("/test/story", "{\"title\":\"x\",\"beatCount\":\"many\"}"), 400, "INVALID_INPUT");
    assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("beatCount");
  }

  @Test
  void aMissingBodyIsAClientError() throws Exception {
    JsonNode body = envelope(post("/test/story", ""), 400, "INVALID_INPUT");
    assertThat(body.get("detail").asString()).contains("missing");
  }

  @Test
  void aWrongContentTypeIs415() throws Exception {
    HttpResponse<String> response =
        http.send(
            authed("/test/story")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    envelope(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void domainErrorsKeepTheirCodeAndStatus() throws Exception {
    JsonNode notFound = envelope(get("/test/session/story-42"), 404, "RESOURCE_NOT_FOUND");
    assertThat(notFound.get("detail").asString()).isEqualTo("Session not found: story-42");
    envelope(get("/test/credits"), 402, "INSUFFICIENT_CREDITS");
    HttpResponse<String> busy = get("/test/busy");
    envelope(busy, 503, "SERVICE_UNAVAILABLE");
    assertThat(busy.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void unexpectedErrorsHideTheirMessage() throws Exception {
    HttpResponse<String> response = get("/test/bug");
    JsonNode body = envelope(response, 500, "INTERNAL_ERROR");
    assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalState");
    assertThat(body.get("detail").asString()).contains(body.get("requestId").asString());
  }

  @Test
  void unknownRoutesAndMethodsUseTheEnvelope() throws Exception {
    envelope(get("/api/does-not-exist"), 404, "RESOURCE_NOT_FOUND");
    HttpResponse<String> wrongMethod =
        http.send(authed("/api/health").DELETE().build(), HttpResponse.BodyHandlers.ofString());
    envelope(wrongMethod, 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void requestIdsAreEchoedWhenWellFormedAndReplacedOtherwise() throws Exception {
    HttpResponse<String> echoed =
        http.send(
            authed("/api/does-not-exist").header("X-Request-Id", "client-trace-0001").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(echoed.headers().firstValue("X-Request-Id")).contains("client-trace-0001");
    assertThat(JSON.readTree(echoed.body()).get("requestId").asString())
        .isEqualTo("client-trace-0001");

    HttpResponse<String> replaced =
        http.send(
            authed("/api/health").header("X-Request-Id", "bad id\twith tab").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow())
        .startsWith("req_")
        .doesNotContain(" ");
  }

  /**
   * A refusal by a servlet filter (authentication, body limit), by a controller through the
   * exception handler, by the error controller and by the event stream has one shape: the same
   * content type and the same fields in the same order, the request id in the body and the header.
   */
  @Test
  void filtersAndControllersAnswerTheSameEnvelope() throws Exception {
    HttpResponse<String> controller = get("/test/session/story-42");
    envelope(controller, 404, "RESOURCE_NOT_FOUND");
    String contentType = controller.headers().firstValue("Content-Type").orElseThrow();
    assertThat(contentType).isEqualTo("application/json");
    List<String> fields = List.of("success", "error", "detail", "requestId");
    assertThat(fieldNames(controller)).isEqualTo(fields);

    Map<String, HttpResponse<String>> others = new java.util.LinkedHashMap<>();
    others.put(
        "auth filter",
        http.send(
            HttpRequest.newBuilder(uri("/api/me")).build(), HttpResponse.BodyHandlers.ofString()));
    others.put(
        "body limit filter",
        http.send(
            HttpRequest.newBuilder(uri("/api/runs"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(200_000) + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
    others.put("error controller", get("/test/too-large"));
    others.put(
        "event stream",
        http.send(
            authed("/api/runs/00000000-0000-7000-8000-000000000000/events")
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofString()));
    Map<String, Integer> statuses =
        Map.of(
            "auth filter", 401,
            "body limit filter", 413,
            "error controller", 413,
            "event stream", 404);
    others.forEach(
        (who, response) -> {
          assertThat(response.statusCode())
              .as(who + ": " + response.body())
              .isEqualTo(statuses.get(who));
          assertThat(response.headers().firstValue("Content-Type")).as(who).contains(contentType);
          assertThat(fieldNames(response)).as(who).isEqualTo(fields);
          JsonNode body = JSON.readTree(response.body());
          assertThat(body.get("success").isBoolean()).as(who).isTrue();
          assertThat(body.get("success").asBoolean()).as(who).isFalse();
          assertThat(body.get("requestId").asString())
              .as(who)
              .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        });

    HttpResponse<String> withFields =
        post("/test/story", "{\"title\":\" \",\"beatCount\":1,\"beats\":[]}");
    assertThat(fieldNames(withFields))
        .isEqualTo(List.of("success", "error", "detail", "requestId", "details"));
  }

  private static List<String> fieldNames(HttpResponse<String> response) {
    List<String> names = new java.util.ArrayList<>();
    JSON.readTree(response.body()).propertyNames().forEach(names::add);
    return names;
  }

  private JsonNode envelope(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("error").asString()).isEqualTo(code);
    assertThat(body.get("detail").asString()).isNotBlank();
    assertThat(body.get("requestId").asString())
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    return body;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(authed(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        authed(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request of a signed-in admin, so that routes answer past authentication. */
  private HttpRequest.Builder authed(String path) {
    if (token == null) {
      token = TestUsers.token(context, "errors-admin", Role.ADMIN);
    }
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
