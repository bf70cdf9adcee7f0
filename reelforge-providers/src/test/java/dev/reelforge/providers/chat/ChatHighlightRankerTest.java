package dev.reelforge.providers.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.clips.HighlightRanker.CandidateText;
import dev.reelforge.core.clips.HighlightRanker.RankedCandidate;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.highlights.stub.HighlightChatStub;
import dev.reelforge.testkit.highlights.stub.HighlightChatStub.Flaw;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatHighlightRankerTest {

  private static final String KEY = "sk-ranker";
  private static final List<CandidateText> CANDIDATES =
      List.of(
          new CandidateText(0, "Opening", "Welcome back everyone."),
          new CandidateText(
              1, "The twist", "Nobody expected the lighthouse to be empty that night at all."),
          new CandidateText(2, "", "It was quiet, then the gulls came."));

  private final VideoVendorContext cloud = new VideoVendorContext();
  private final HighlightChatStub stub = new HighlightChatStub(KEY);

  @AfterEach
  void stop() {
    stub.close();
  }

  private ChatHighlightRanker ranker() {
    return ChatFactory.highlightRanker(
        ChatOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setApiKey(KEY)
            .setModel("gpt-4o-mini")
            .setResilience(VideoVendorContext.resilience())
            .build(),
        cloud.context());
  }

  @Test
  void everyCandidateIsScoredWithAReasonBestFirst() {
    List<RankedCandidate> ranked = ranker().rank(CANDIDATES);
    assertThat(ranked)
        .containsExactly(
            new RankedCandidate(1, 1.0, "11 words"),
            new RankedCandidate(2, 0.64, "7 words"),
            new RankedCandidate(0, 0.27, "3 words"));
    assertThat(ranker().name()).isEqualTo("chat/gpt-4o-mini");
  }

  @Test
  void theCandidatesGoAsJsonUnderAStrictSchema() {
    ranker().rank(CANDIDATES);
    JsonNode sent = Json.MAPPER.readTree(stub.server().received().getFirst().body());
    assertThat(sent.path("response_format").path("json_schema").path("strict").asBoolean())
        .isTrue();
    JsonNode user = Json.MAPPER.readTree(sent.path("messages").path(1).path("content").asString());
    assertThat(user.path("candidates")).hasSize(3);
    assertThat(user.path("candidates").path(1).path("title").asString()).isEqualTo("The twist");
    assertThat(cloud.costs.calls().getLast().unit()).isEqualTo("tokens");
  }

  @Test
  void flawedAnswersAreRefusedSayingWhatIsWrong() {
    assertRefused(Flaw.NOT_JSON, "is not JSON: Sure! Candidate 0");
    assertRefused(Flaw.LEAVES_ONE_OUT, "leaves out candidate(s) [0]");
    assertRefused(Flaw.SCORE_ABOVE_ONE, "outside 0 to 1");
    assertRefused(Flaw.UNKNOWN_INDEX, "scores candidate 999, which was not sent");
  }

  @Test
  void aFailingServerIsATransientError() {
    stub.spoilNext(Flaw.SERVER_ERROR);
    assertThatThrownBy(() -> ranker().rank(CANDIDATES))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void nothingToRankCallsNobodyAndTooManyIsRefused() {
    assertThat(ranker().rank(List.of())).isEmpty();
    assertThat(stub.server().received()).isEmpty();
    List<CandidateText> many =
        java.util.stream.IntStream.range(0, 61)
            .mapToObj(i -> new CandidateText(i, "", "x"))
            .toList();
    assertThatThrownBy(() -> ranker().rank(many)).hasMessageContaining("at most 60");
  }

  private void assertRefused(Flaw flaw, String message) {
    stub.spoilNext(flaw);
    assertThatThrownBy(() -> ranker().rank(CANDIDATES))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
              assertThat(e.retryable()).isTrue();
            })
        .hasMessageContaining("the highlight ranker's answer")
        .hasMessageContaining(message);
  }
}
