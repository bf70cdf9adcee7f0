package dev.reelforge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.MultipartForm;
import dev.reelforge.app.MultipartForm.Part;
import dev.reelforge.app.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages as a browser calls them over plain HTTP, for the page tests that run without Chromium:
 * it signs in through the form and sends the session cookie it got; its forms carry the page's own
 * {@code Origin}, which the cross-site check asks of every post. With the readers of the answers
 * these tests share.
 */
final class PageSession {

  private static final Pattern SESSION = Pattern.compile("rf_session=([^;]*)");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String origin;

  PageSession(int port) {
    this.origin = "http://localhost:" + port;
  }

  /** The session cookie of {@code username}, signed in with the test users' password. */
  String signIn(String username) throws Exception {
    return cookieOf(
        post("/ui/login", Map.of("username", username, "password", TestUsers.PASSWORD), null));
  }

  static String cookieOf(HttpResponse<String> response) {
    Matcher m = SESSION.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** {@code cookie} null calls anonymously. */
  HttpResponse<String> get(String path, String cookie) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(origin + path)), cookie);
  }

  /** The form as the page itself posts it: from its own origin. */
  HttpResponse<String> post(String path, Map<String, String> form, String cookie) throws Exception {
    return post(path, form, cookie, Optional.of(origin));
  }

  /** The form posted from {@code origin}, or with no {@code Origin} header when it is empty. */
  HttpResponse<String> post(
      String path, Map<String, String> form, String cookie, Optional<String> origin)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(this.origin + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    origin.ifPresent(o -> request.header("Origin", o));
    return send(request, cookie);
  }

  /** A multipart form of files as a browser posts it, from the page's own origin. */
  HttpResponse<String> upload(String path, String cookie, Part... parts) throws Exception {
    MultipartForm form = MultipartForm.of(parts);
    return send(
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", form.contentType())
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())),
        cookie);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
    if (cookie != null) {
      request.header("Cookie", "rf_session=" + cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form of name-value pairs, in order. */
  static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  /** The page a post redirected to, which must match {@code pattern}. */
  static String location(HttpResponse<String> posted, String pattern) {
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    String page =
        posted.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
    assertThat(page).matches(pattern);
    return page;
  }

  /** The opening tag of the element with {@code id}. */
  static String tagOf(String page, String id) {
    Matcher m = Pattern.compile("<[a-z]+ [^>]*id=\"" + id + "\"[^>]*>").matcher(page);
    assertThat(m.find()).as(id + " in " + page).isTrue();
    return m.group();
  }

  /** The text of the element with {@code id}, up to its first child, stripped. */
  static String textOf(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
    assertThat(m.find()).as(id + " in " + page).isTrue();
    return m.group(1).strip();
  }

  /** Notes {@code what} in {@code failures} unless the answer is the 404 page. */
  static void expect404(List<String> failures, String what, HttpResponse<String> answer) {
    if (answer.statusCode() != 404 || !answer.body().contains("Not found")) {
      failures.add(what + " → " + answer.statusCode());
    }
  }
}
