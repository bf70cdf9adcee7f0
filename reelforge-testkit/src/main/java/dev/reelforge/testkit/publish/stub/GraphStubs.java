package dev.reelforge.testkit.publish.stub;

import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the Meta stubs share: the Graph API's error envelope, its parameters (query string and form
 * body alike), its timestamps ({@code 2026-11-21T12:00:00+0000}) and the token check.
 */
final class GraphStubs {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static final String VERSION_PATH = "/v\\d+\\.\\d+";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

  private GraphStubs() {}

  /** A request's parameters: the query string, then a form body on top. */
  static Map<String, String> params(Request request) {
    Map<String, String> params = new LinkedHashMap<>();
    decode(request.query(), params);
    String type = request.header("Content-Type");
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      decode(request.bodyText(), params);
    }
    return params;
  }

  private static void decode(String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isBlank()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }

  /**
   * Null when {@code request} carries {@code token} ({@code Authorization: <scheme> token} or the
   * {@code access_token} parameter), else Graph's answer: 104 without a token, 190 for a wrong one,
   * 190/463 for an expired one.
   */
  static Reply checkToken(Request request, String scheme, String token, boolean expired) {
    String header = request.header("Authorization");
    String given = null;
    if (header != null && header.startsWith(scheme + " ")) {
      given = header.substring(scheme.length() + 1).strip();
    } else if (params(request).containsKey("access_token")) {
      given = params(request).get("access_token");
    }
    if (given == null || given.isEmpty()) {
      return error(
          400, 104, 0, "OAuthException", "An access token is required to request this resource.");
    }
    if (!given.equals(token)) {
      return error(
          400, 190, 0, "OAuthException", "Invalid OAuth access token - Cannot parse access token");
    }
    if (expired) {
      return error(
          400,
          190,
          463,
          "OAuthException",
          "Error validating access token: Session has expired on Saturday, 21-Nov-26 12:00:00 PST.");
    }
    return null;
  }

  static Reply error(int status, int code, int subcode, String type, String message) {
    return error(status, code, subcode, type, message, "");
  }

  /** {@code {"error":{"message","type","code","error_subcode","fbtrace_id",…}}}. */
  static Reply error(
      int status, int code, int subcode, String type, String message, String userMessage) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    if (subcode != 0) {
      error.put("error_subcode", subcode);
    }
    error.put("is_transient", status >= 500);
    if (!userMessage.isEmpty()) {
      error.put("error_user_msg", userMessage);
    }
    error.put("fbtrace_id", "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 22));
    return Reply.json(status, MAPPER.writeValueAsString(root));
  }

  /** The transient failure a fault injects: 500, code 2, {@code is_transient}. */
  static Reply unavailable() {
    return error(
        500,
        2,
        0,
        "OAuthException",
        "An unexpected error has occurred. Please retry your request later.");
  }

  /** Object {@code id} does not exist (code 100, subcode 33). */
  static Reply noSuchObject(String id) {
    return error(
        400,
        100,
        33,
        "GraphMethodException",
        "Unsupported get request. Object with ID '"
            + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation.");
  }

  static Reply invalidParameter(String message) {
    return error(400, 100, 0, "OAuthException", "(#100) " + message);
  }

  static Reply ok(ObjectNode body) {
    return Reply.json(200, MAPPER.writeValueAsString(body));
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String time(Instant at) {
    return TIME.format(at);
  }

  /** Takes one from {@code counter} when it is above zero. */
  static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /**
   * Thrown from a handler to close the connection without an answer: the request's effect stands
   * but its answer is lost, as when a network drops after the platform acted.
   */
  static final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super("connection dropped by the stub", null, false, false);
    }
  }
}
