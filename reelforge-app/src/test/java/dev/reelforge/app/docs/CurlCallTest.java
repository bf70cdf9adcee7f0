package dev.reelforge.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documented commands mean what a shell and curl would make of them. */
class CurlCallTest {

  private static final Map<String, String> VARIABLES =
      Map.of("BASE", "http://127.0.0.1:8080", "TOKEN", "eyJ.a.b", "REFRESH", "rft_x");

  private static CurlCall curl(String line) {
    return CurlCall.parse(ShellWords.split(line, VARIABLES));
  }

  @Test
  void quotesAndVariablesAreReadAsAShellReadsThem() {
    assertThat(ShellWords.split("a 'b $TOKEN' \"c $TOKEN\" d\\ e # comment", VARIABLES))
        .containsExactly("a", "b $TOKEN", "c eyJ.a.b", "d e");
    assertThat(ShellWords.split("x'{\"k\":\"'$REFRESH'\"}'", VARIABLES))
        .containsExactly("x{\"k\":\"rft_x\"}");
    assertThatThrownBy(() -> ShellWords.split("curl $NOPE", VARIABLES))
        .hasMessageContaining("$NOPE is not set by the doc-test");
  }

  @Test
  void jsonPostsWithJsonHeadersAndDataPostsAFormUnlessAHeaderSaysOtherwise() {
    CurlCall json = curl("curl --json '{\"a\":1}' $BASE/auth/login   # → 401");
    assertThat(json.method()).isEqualTo("POST");
    assertThat(json.uri().toString()).isEqualTo("http://127.0.0.1:8080/auth/login");
    assertThat(json.headers())
        .extracting(h -> h[0] + ": " + h[1])
        .containsExactly("Content-Type: application/json", "Accept: application/json");
    assertThat(json.body()).isEqualTo("{\"a\":1}");

    assertThat(curl("curl -d '{}' $BASE/x").headers())
        .extracting(h -> h[1])
        .containsExactly("application/x-www-form-urlencoded");
    CurlCall typed =
        curl(
            "curl -X PATCH -H 'Content-Type: application/json' -H \"Authorization: Bearer $TOKEN\" -d '{}' $BASE/x");
    assertThat(typed.method()).isEqualTo("PATCH");
    assertThat(typed.headers())
        .extracting(h -> h[0] + ": " + h[1])
        .containsExactly("Content-Type: application/json", "Authorization: Bearer eyJ.a.b");
    assertThat(curl("curl -N $BASE/api/events").method()).isEqualTo("GET");
  }

  @Test
  void aFlagTheTestCannotReproduceIsRefused() {
    assertThatThrownBy(() -> curl("curl -u admin:pw $BASE/x"))
        .hasMessageContaining("curl -u is not one the doc-test understands");
    assertThatThrownBy(() -> curl("curl -H 'Accept: a/b'")).hasMessageContaining("no URL");
    CurlCall quiet = curl("curl -s -S $BASE/x");
    assertThat(quiet.headers()).isEmpty();
    assertThat(quiet.body()).isNull();
  }
}
