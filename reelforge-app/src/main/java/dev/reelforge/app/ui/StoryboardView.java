package dev.reelforge.app.ui;

import dev.reelforge.app.brand.BrandLinks;
import dev.reelforge.app.storage.NamedDownloads;
import dev.reelforge.brand.BrandPipelines;
import dev.reelforge.brand.BrandVideos;
import dev.reelforge.brand.DirectorState;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A director storyboard as its page shows it: state, routed engine and why, its run's stages with
 * progress, the scene cards, whether production may be approved, and once completed the finished
 * videos with their players and downloads.
 *
 * @param status the API's word ({@code scripting}, {@code preview_generation}, {@code review},
 *     {@code rendering}, {@code completed}, {@code failed}), for styles, scripts and tests
 * @param live whether something is being made (the page re-reads its panel every 2 s meanwhile)
 * @param canProduce whether "Approve production" is enabled: in review with every scene GREEN, or
 *     failed in production with every scene GREEN (then it produces the missing clips again)
 * @param productionBlocked why "Approve production" is not enabled, in words; empty when it is
 * @param moderation while the moderation gate holds the storyboard for an operator, one line per
 *     finding; empty otherwise
 */
public record StoryboardView(
    String id,
    String shortId,
    String jobId,
    String status,
    String statusWords,
    String engine,
    String routingReason,
    String stylePreset,
    String created,
    String error,
    boolean live,
    boolean canProduce,
    String productionBlocked,
    String credits,
    List<RunPagesController.StageView> stages,
    List<SceneView> scenes,
    List<Video> videos,
    String music,
    List<String> moderation) {

  /** The stages' names in words, in the pipeline's order. */
  static final Map<String, String> STAGE_WORDS =
      Map.of(
          BrandPipelines.SCRIPT, "Writing the scenes",
          BrandPipelines.PREVIEWS, "Previews and review",
          BrandPipelines.MODERATION, "Moderation gate",
          BrandPipelines.PRODUCTION, "Producing the clips",
          BrandPipelines.ASSEMBLE, "Finishing the videos");

  /** One finished brand video. */
  public record Video(
      String preset,
      String aspect,
      String key,
      String size,
      String video,
      String thumbnail,
      String download,
      String downloadName,
      String duration,
      String bytes) {}

  static StoryboardView of(
      DirectorState state,
      List<SceneView> scenes,
      List<RunPagesController.StageView> stages,
      BrandLinks links,
      NamedDownloads downloads) {
    Storyboard board = state.storyboard();
    String id = board.id().toString();
    String shortId = id.substring(24);
    DirectorStatus status = board.status();
    boolean making =
        status == DirectorStatus.SCRIPTING
            || status == DirectorStatus.PREVIEW_GENERATION
            || status == DirectorStatus.RENDERING;
    boolean revising =
        status == DirectorStatus.REVIEW && scenes.stream().anyMatch(SceneView::revising);
    boolean allGreen = state.allGreen();
    boolean canProduce =
        allGreen && (status == DirectorStatus.REVIEW || status == DirectorStatus.FAILED);
    String blocked = "";
    if (!canProduce && status == DirectorStatus.REVIEW) {
      long waiting = scenes.stream().filter(s -> !s.approved()).count();
      blocked = waiting + " of " + scenes.size() + " scenes still need your GREEN.";
    }
    List<Video> videos =
        state.result().map(r -> videos(r, shortId, links, downloads)).orElse(List.of());
    return new StoryboardView(
        id,
        shortId,
        board.jobId().toString(),
        status.wire(),
        StateWords.of(status),
        board.productionEngine(),
        board.routingReason(),
        board.stylePreset().orElse(""),
        Pages.when(board.createdAt()),
        board.errorMessage().orElse(""),
        making || revising,
        canProduce,
        blocked,
        board.creditsUsed().signum() == 0 ? "" : board.creditsUsed().toPlainString(),
        stages,
        scenes,
        videos,
        state.result().map(BrandVideos::music).orElse(""),
        state
            .moderation()
            .map(
                hold ->
                    hold.findings().stream()
                        .map(dev.reelforge.core.moderation.gate.GateFinding::describe)
                        .toList())
            .orElse(List.of()));
  }

  /** Whether the moderation gate holds it until an operator reviews it. */
  public boolean held() {
    return !moderation.isEmpty();
  }

  public boolean completed() {
    return status.equals(DirectorStatus.COMPLETED.wire());
  }

  public boolean inReview() {
    return status.equals(DirectorStatus.REVIEW.wire());
  }

  public boolean failed() {
    return status.equals(DirectorStatus.FAILED.wire());
  }

  private static List<Video> videos(
      BrandVideos result, String shortId, BrandLinks links, NamedDownloads downloads) {
    return result.videos().stream()
        .map(
            v -> {
              String link = links.link(v.videoKey());
              String key = v.aspectRatio().replace(':', 'x');
              String name = "brand-" + shortId + "-" + key + ".mp4";
              return new Video(
                  v.preset(),
                  v.aspectRatio(),
                  key,
                  v.width() + "×" + v.height(),
                  link,
                  links.link(v.thumbnailKey()),
                  downloads.named(URI.create(link), name).toString(),
                  name,
                  Pages.seconds(v.durationMillis()),
                  Pages.megabytes(v.bytes()));
            })
        .toList();
  }
}
