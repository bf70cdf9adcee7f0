package dev.reelforge.providers.pexels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.providers.stub.ProtocolFailures;
import dev.reelforge.providers.stub.StockMedia;
import dev.reelforge.providers.stub.StubServer;
import dev.reelforge.testkit.visuals.VisualSourceContract;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PexelsVisualsTest extends VisualSourceContract {

  private final StubServer stub = new StubServer();
  private final PexelsVisuals pexels =
      PexelsFactory.visuals(
          PexelsOptions.newBuilder()
              .setBaseUrl(stub.baseUrl())
              .setApiKey("px-key")
              .setResilience(StubServer.fastOptions())
              .build(),
          stub.context());

  @BeforeEach
  void answer() {
    StockMedia.serve(stub);
    stub.wireMock.stubFor(videos().willReturn(videoResults()));
    stub.wireMock.stubFor(photos().willReturn(photoResults()));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  static MappingBuilder videos() {
    return get(urlPathEqualTo("/videos/search"));
  }

  static MappingBuilder photos() {
    return get(urlPathEqualTo("/v1/search"));
  }

  private ResponseDefinitionBuilder videoResults() {
    String cdn = stub.baseUrl() + "/cdn/clip.mp4";
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"page":1,"per_page":5,"total_results":2,"url":"https://www.pexels.com/videos/",
             "videos":[
              {"id":1448735,"width":2160,"height":3840,"duration":12,
               "url":"https://www.pexels.com/video/waves-on-the-shore-1448735/",
               "image":"https://images.pexels.com/videos/1448735/preview.jpg",
               "user":{"id":574687,"name":"Ana Bregantin","url":"https://www.pexels.com/@ana"},
               "video_files":[
                {"id":1,"quality":"uhd","file_type":"video/mp4","width":2160,"height":3840,"fps":30,"link":"%1$s?uhd"},
                {"id":2,"quality":"hd","file_type":"video/mp4","width":1080,"height":1920,"fps":30,"link":"%1$s"},
                {"id":3,"quality":"sd","file_type":"video/mp4","width":540,"height":960,"fps":30,"link":"%1$s?sd"}]},
              {"id":2,"width":1920,"height":1080,"duration":3,
               "url":"https://www.pexels.com/video/sea-2/","user":{"name":"B"},
               "video_files":[{"id":9,"quality":"hd","file_type":"video/mp4","width":1920,"height":1080,"link":"%1$s?wide"}]}]}
            """
                .formatted(cdn));
  }

  private ResponseDefinitionBuilder photoResults() {
    String cdn = stub.baseUrl() + "/cdn/photo.jpg";
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"total_results":1,"page":1,"per_page":5,"photos":[
              {"id":3225517,"width":3000,"height":4500,"url":"https://www.pexels.com/photo/sea-3225517/",
               "photographer":"Michael Block","photographer_url":"https://www.pexels.com/@michael",
               "alt":"Waves crashing on rocks",
               "src":{"original":"%1$s?orig","large2x":"%1$s","large":"%1$s?l","portrait":"%1$s?p"}}]}
            """
                .formatted(cdn));
  }

  @Override
  protected VisualSource source() {
    return pexels;
  }

  @Override
  protected VisualQuery answerableQuery(EnumSet<VisualKind> kinds, int limit) {
    return new VisualQuery(List.of("ocean", "waves"), Orientation.PORTRAIT, kinds, 5000, limit, 1);
  }

  @Test
  void searchesAreSignedWithTheKeyAndAskForTheShape() {
    pexels.search(answerableQuery(EnumSet.allOf(VisualKind.class), 5));
    stub.wireMock.verify(
        getRequestedFor(urlPathEqualTo("/videos/search"))
            .withHeader("Authorization", equalTo("px-key"))
            .withQueryParam("query", equalTo("ocean waves"))
            .withQueryParam("orientation", equalTo("portrait")));
    stub.wireMock.verify(
        getRequestedFor(urlPathEqualTo("/v1/search"))
            .withQueryParam("orientation", equalTo("portrait")));
  }

  @Test
  void theFullHdRenditionOfTheRightShapeIsChosenAndCredited() {
    List<VisualCandidate> found = pexels.search(answerableQuery(EnumSet.of(VisualKind.VIDEO), 5));
    VisualCandidate best = found.getFirst();
    assertThat(best.location()).endsWith("/cdn/clip.mp4");
    assertThat(best.width()).isEqualTo(1080);
    assertThat(best.durationMillis()).isEqualTo(12_000);
    assertThat(best.description()).isEqualTo("waves on the shore");
    assertThat(best.licence().author()).isEqualTo("Ana Bregantin");
    assertThat(best.licence().licence()).isEqualTo("Pexels License");
    assertThat(best.licence().url()).contains("1448735");
    // The three-second clip is shorter than the beat: it ranks below.
    assertThat(found.get(1).durationMillis()).isEqualTo(3000);
    assertThat(found.get(1).score()).isLessThan(best.score());
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> photos(),
          () -> getRequestedFor(urlPathEqualTo("/v1/search")),
          () -> photoResults(),
          () -> pexels.search(answerableQuery(EnumSet.of(VisualKind.IMAGE), 3)));
    }
  }
}
