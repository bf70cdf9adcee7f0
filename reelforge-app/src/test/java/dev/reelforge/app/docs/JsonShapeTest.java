package dev.reelforge.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The doc-test's comparisons: what a documented shape accepts and what it refuses. */
class JsonShapeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<String> compare(String documented, String actual) {
    return JsonShape.differences(JsonShape.documented(documented), JSON.readTree(actual));
  }

  @Test
  void keysMustBeExactlyTheDocumentedOnesUnlessAnEllipsisAllowsMore() {
    assertThat(compare("{\"a\":1,\"b\":\"x\"}", "{\"a\":2,\"b\":\"y\"}")).isEmpty();
    assertThat(compare("{\"a\":1,\"b\":\"x\"}", "{\"a\":2}"))
        .containsExactly("$.b: documented but missing");
    assertThat(compare("{\"a\":1}", "{\"a\":2,\"c\":true}"))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("$.c: in the answer");
    assertThat(compare("{\"a\":1,…}", "{\"a\":2,\"c\":true}")).isEmpty();
    assertThat(compare("{…}", "{\"c\":true}")).isEmpty();
  }

  @Test
  void valuesAreComparedByTypeExceptBooleansCodesAndPrefixes() {
    assertThat(compare("{\"n\":900,\"s\":\"alice\"}", "{\"n\":1.5,\"s\":\"bob\"}")).isEmpty();
    assertThat(compare("{\"n\":900}", "{\"n\":\"900\"}")).hasSize(1);
    assertThat(compare("{\"success\":true}", "{\"success\":false}")).hasSize(1);
    assertThat(compare("{\"error\":\"AUTH_REQUIRED\"}", "{\"error\":\"FORBIDDEN\"}")).hasSize(1);
    assertThat(compare("{\"t\":\"rft_…\"}", "{\"t\":\"rft_abc\"}")).isEmpty();
    assertThat(compare("{\"t\":\"rft_…\"}", "{\"t\":\"rfk_abc\"}")).hasSize(1);
    assertThat(compare("{\"t\":\"…\"}", "{\"t\":null}")).hasSize(1);
    assertThat(compare("{\"t\":…}", "{\"t\":null}")).isEmpty();
    assertThat(compare("{\"e\":null}", "{\"e\":{}}")).hasSize(1);
  }

  @Test
  void aDocumentedMessageMustBeSaidExactly() {
    assertThat(
            compare(
                "{\"detail\":\"the access token is not valid\"}",
                "{\"detail\":\"the access token is not valid\"}"))
        .isEmpty();
    assertThat(
            compare(
                "{\"detail\":\"the access token is not valid\"}",
                "{\"detail\":\"sign in: no access token\"}"))
        .hasSize(1);
    assertThat(compare("{\"detail\":\"beat … of 6\"}", "{\"detail\":\"anything\"}")).isEmpty();
  }

  @Test
  void arraysAreExactUnlessAnEllipsisMakesEveryElementLikeTheLastShown() {
    assertThat(compare("[1,2]", "[3,4]")).isEmpty();
    assertThat(compare("[1,2]", "[3]")).hasSize(1);
    assertThat(compare("[{\"a\":1},…]", "[]")).isEmpty();
    assertThat(compare("[{\"a\":1},…]", "[{\"a\":2},{\"a\":3}]")).isEmpty();
    assertThat(compare("[{\"a\":1},…]", "[{\"a\":2},{\"b\":3}]"))
        .contains("$[1].a: documented but missing");
    assertThat(compare("[…]", "[1,\"x\",{}]")).isEmpty();
  }

  @Test
  void anEllipsisInsideAStringIsText() {
    JsonNode doc = JsonShape.documented("{\"m\":\"beat 3 of 6…\",\"d\":…}");
    assertThat(doc.path("m").asString()).isEqualTo("beat 3 of 6…");
    assertThat(Map.of("d", doc.path("d").asString())).containsEntry("d", JsonShape.ANY);
  }
}
