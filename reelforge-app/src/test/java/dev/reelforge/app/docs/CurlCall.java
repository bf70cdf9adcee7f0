package dev.reelforge.app.docs;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A documented {@code curl} command as the request curl would send, made with Java's HTTP client so
 * the doc-test needs no curl binary. The flags the docs may use: {@code -X/--request}, {@code
 * -H/--header}, {@code -d/--data/--data-raw/--data-binary} (POST, and like curl a form content type
 * unless a header names one), {@code --json} (POST with JSON content type and accept, as curl 7.82+
 * does), and {@code -s/-S/-N/--no-buffer/-f} (output only). Any other flag is an error, so a doc
 * cannot show one whose meaning the test would not reproduce.
 */
record CurlCall(String method, URI uri, List<String[]> headers, String body) {

  static CurlCall parse(List<String> words) {
    if (words.isEmpty() || !words.get(0).equals("curl")) {
      throw new IllegalArgumentException("not a curl command: " + words);
    }
    String method = null;
    String url = null;
    String body = null;
    List<String[]> headers = new ArrayList<>();
    boolean json = false;
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-X", "--request" -> method = value(words, ++i, word);
        case "-H", "--header" -> {
          String header = value(words, ++i, word);
          int colon = header.indexOf(':');
          if (colon < 1) {
            throw new IllegalArgumentException("a header is 'Name: value', not " + header);
          }
          headers.add(
              new String[] {
                header.substring(0, colon).strip(), header.substring(colon + 1).strip()
              });
        }
        case "-d", "--data", "--data-raw", "--data-binary" -> body = value(words, ++i, word);
        case "--json" -> {
          body = value(words, ++i, word);
          json = true;
        }
        case "-s",
            "-S",
            "-sS",
            "--silent",
            "--show-error",
            "-N",
            "--no-buffer",
            "-f",
            "--fail" -> {}
        default -> {
          if (word.startsWith("-")) {
            throw new IllegalArgumentException(
                "curl " + word + " is not one the doc-test understands (see CurlCall)");
          }
          if (url != null) {
            throw new IllegalArgumentException("two URLs: " + url + " and " + word);
          }
          url = word;
        }
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("no URL in " + words);
    }
    if (json) {
      addUnlessSet(headers, "Content-Type", "application/json");
      addUnlessSet(headers, "Accept", "application/json");
    } else if (body != null) {
      addUnlessSet(headers, "Content-Type", "application/x-www-form-urlencoded");
    }
    if (method == null) {
      method = body == null ? "GET" : "POST";
    }
    return new CurlCall(method, URI.create(url), headers, body);
  }

  private static String value(List<String> words, int i, String flag) {
    if (i >= words.size()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return words.get(i);
  }

  private static void addUnlessSet(List<String[]> headers, String name, String value) {
    if (headers.stream()
        .noneMatch(h -> h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))) {
      headers.add(new String[] {name, value});
    }
  }

  HttpRequest request() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(2))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(h -> request.header(h[0], h[1]));
    return request.build();
  }

  /** How the test names it: the method and the path as documented. */
  String title() {
    return method + " " + uri.getRawPath();
  }
}
