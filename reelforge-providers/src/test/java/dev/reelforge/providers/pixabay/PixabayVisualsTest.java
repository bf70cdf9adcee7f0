package dev.reelforge.providers.pixabay;

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

class PixabayVisualsTest extends VisualSourceContract {

  private final StubServer stub = new StubServer();
  private final PixabayVisuals pixabay =
      PixabayFactory.visuals(
          PixabayOptions.newBuilder()
              .setBaseUrl(stub.baseUrl())
              .setApiKey("pb-key")
              .setResilience(StubServer.fastOptions())
              .build(),
          stub.context());

  @BeforeEach
  void answer() {
    StockMedia.serve(stub);
    stub.wireMock.stubFor(images().willReturn(imageResults()));
    stub.wireMock.stubFor(get(urlPathEqualTo("/api/videos/")).willReturn(videoResults()));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  static MappingBuilder images() {
    return get(urlPathEqualTo("/api/"));
  }

  private ResponseDefinitionBuilder imageResults() {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"total":4692,"totalHits":500,"hits":[
              {"id":195893,"pageURL":"https://pixabay.com/en/blossom-bloom-flower-195893/",
               "type":"photo","tags":"blossom, bloom, flower",
               "previewURL":"%1$s?preview","webformatURL":"%1$s?web","largeImageURL":"%1$s",
               "imageWidth":2400,"imageHeight":3600,"user_id":48777,"user":"Josch13"}]}
            """
                .formatted(stub.baseUrl() + "/cdn/photo.jpg"));
  }

  private ResponseDefinitionBuilder videoResults() {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"total":2,"totalHits":2,"hits":[
              {"id":125,"pageURL":"https://pixabay.com/videos/id-125/","type":"film",
               "tags":"flowers, yellow, blossom","duration":12,
               "videos":{"large":{"url":"%1$s?wide","width":1920,"height":1080,"size":6615235},
                         "medium":{"url":"%1$s?m","width":1280,"height":720,"size":3562083}},
               "user_id":1281706,"user":"Coverr-Free-Footage"},
              {"id":126,"pageURL":"https://pixabay.com/videos/id-126/","type":"film",
               "tags":"flowers","duration":10,
               "videos":{"large":{"url":"%1$s","width":1080,"height":1920,"size":5000000}},
               "user":"Vertical"}]}
            """
                .formatted(stub.baseUrl() + "/cdn/clip.mp4"));
  }

  @Override
  protected VisualSource source() {
    return pixabay;
  }

  @Override
  protected VisualQuery answerableQuery(EnumSet<VisualKind> kinds, int limit) {
    return new VisualQuery(List.of("flowers"), Orientation.PORTRAIT, kinds, 5000, limit, 1);
  }

  @Test
  void theKeyAndQueryGoInTheQueryStringWithSafeSearch() {
    pixabay.search(answerableQuery(EnumSet.of(VisualKind.IMAGE), 2));
    stub.wireMock.verify(
        getRequestedFor(urlPathEqualTo("/api/"))
            .withQueryParam("key", equalTo("pb-key"))
            .withQueryParam("q", equalTo("flowers"))
            .withQueryParam("safesearch", equalTo("true"))
            .withQueryParam("image_type", equalTo("photo"))
            .withQueryParam("orientation", equalTo("vertical"))
            .withQueryParam("per_page", equalTo("3")));
  }

  @Test
  void clipsOfTheRightShapeRankFirstAndCarryTheirCredit() {
    List<VisualCandidate> clips = pixabay.search(answerableQuery(EnumSet.of(VisualKind.VIDEO), 5));
    assertThat(clips.getFirst().id()).isEqualTo("video-126");
    assertThat(clips.getFirst().licence().licence()).isEqualTo("Pixabay Content License");
    assertThat(clips.getFirst().licence().url()).isEqualTo("https://pixabay.com/videos/id-126/");
    assertThat(clips.get(1).description()).isEqualTo("flowers, yellow, blossom");
  }

  @Nested
  class Failures extends ProtocolFailures {
    Failures() {
      super(
          stub,
          () -> images(),
          () -> getRequestedFor(urlPathEqualTo("/api/")),
          () -> imageResults(),
          () -> pixabay.search(answerableQuery(EnumSet.of(VisualKind.IMAGE), 3)));
    }
  }
}
