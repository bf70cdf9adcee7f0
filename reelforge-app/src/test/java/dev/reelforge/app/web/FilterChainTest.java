package dev.reelforge.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running server's filter chain is {@link ChainLink}, in its order and with its URL patterns. A
 * process without the api role and with CORS origins has every link, so the whole list is checked.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.node.roles=scheduler",
      "reelforge.security.cors-allowed-origins=https://studio.example"
    })
class FilterChainTest {

  @Autowired ServletWebServerApplicationContext context;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "FilterChainTest");
  }

  @Test
  void theContainerRunsTheFiltersInTheOrderOfTheOneList() {
    List<String> registered = filterMaps().map(FilterMap::getFilterName).toList();
    assertThat(registered)
        .isEqualTo(Stream.of(ChainLink.values()).map(ChainLink::filterName).toList());
  }

  @Test
  void eachApplicationLinkHasItsUrlPatterns() {
    for (ChainLink link : ChainLink.application()) {
      FilterMap map =
          filterMaps()
              .filter(m -> m.getFilterName().equals(link.filterName()))
              .findFirst()
              .orElseThrow();
      assertThat(Arrays.asList(map.getURLPatterns())).as(link.name()).isEqualTo(link.urlPatterns());
    }
    assertThat(ChainLink.AUTH.urlPatterns())
        .as("authentication guards the API, the dashboard and downloads")
        .contains("/api/*", "/ui/*", "/blobs/*");
  }

  @Test
  void theRoleGateAnswersWithTheRequestIdOfTheHeader() throws Exception {
    int port = context.getWebServer().getPort();
    HttpResponse<String> refused = new ApiCalls(port).send("GET", "/api/runs", null, null);
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body()).contains("does not serve the API");
    // The request id comes before the role gate, so the refusal carries the id of the header.
    assertThat(JsonMapper.builder().build().readTree(refused.body()).get("requestId").asString())
        .isEqualTo(refused.headers().firstValue(RequestIdFilter.HEADER).orElseThrow());
  }

  @Test
  void aLinkWithoutItsFilterOrWithTwoStopsTheStartup() {
    ChainFilter requestId = ChainFilter.of(ChainLink.REQUEST_ID, new RequestIdFilter());
    assertThatThrownBy(() -> new FilterChainConfiguration.ChainFilters(List.of(requestId)))
        .hasMessageContaining("no filter for the chain link ROLE_GATE");
    assertThatThrownBy(
            () -> new FilterChainConfiguration.ChainFilters(List.of(requestId, requestId)))
        .hasMessageContaining("two filters for the chain link REQUEST_ID");
    assertThatThrownBy(() -> ChainFilter.of(ChainLink.TRACING, new RequestIdFilter()))
        .hasMessageContaining("registered by the framework");
  }

  private Stream<FilterMap> filterMaps() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    Context servletContext = (Context) server.getTomcat().getHost().findChildren()[0];
    return Stream.of(servletContext.findFilterMaps());
  }
}
