package dev.reelforge.app.ui;

import dev.reelforge.app.brand.BrandLinks;
import dev.reelforge.brand.Scene;
import dev.reelforge.brand.SceneVideos;
import dev.reelforge.brand.TrafficLight;
import dev.reelforge.core.brand.YellowContext;
import java.util.List;
import java.util.Locale;

/**
 * One storyboard scene as its card shows it: the preview, the director's words, its review light
 * with the GREEN, YELLOW and RED actions while the storyboard is in review, its YELLOW
 * conversation, and once in production how its clip stands.
 *
 * @param index its place from 0, what the scene's forms post to ({@code …/scenes/{index}/…})
 * @param light {@code PENDING}, {@code GREEN}, {@code YELLOW} or {@code RED}
 * @param revising whether a revision or its preview is being made (the page polls meanwhile)
 * @param reviewable whether the GREEN, YELLOW and RED actions apply now
 * @param revisingWords what is being made, in words; empty when nothing is
 * @param production how its clip stands in words; empty before production
 * @param productionPercent the clip's progress while it is being made; -1 otherwise
 */
public record SceneView(
    String id,
    int index,
    int number,
    String prompt,
    String camera,
    String lighting,
    String invariantToken,
    String caption,
    String preview,
    String previewSeed,
    String light,
    String lightWords,
    boolean revising,
    boolean reviewable,
    String revisingWords,
    String feedback,
    List<Message> conversation,
    int attempts,
    String production,
    int productionPercent,
    String productionError) {

  /** One turn of the scene's YELLOW conversation. */
  public record Message(String role, String who, String content, String at) {}

  static SceneView of(Scene scene, boolean inReview, BrandLinks links, SceneVideos.State clip) {
    boolean revising = scene.pendingRevision() != null || scene.previewKey() == null;
    return new SceneView(
        scene.id().toString(),
        scene.sequenceIndex(),
        scene.sequenceIndex() + 1,
        scene.cinematographyPrompt(),
        text(scene.cameraMovement()),
        text(scene.lightingNotes()),
        text(scene.invariantToken()),
        text(scene.caption()),
        links.link(scene.previewKey()),
        scene.previewSeed() == null ? "" : Long.toString(scene.previewSeed()),
        scene.trafficLight().name(),
        StateWords.of(scene.trafficLight()),
        revising,
        inReview && scene.settled(),
        revisingWords(scene),
        text(scene.userFeedback()),
        scene.conversation().stream().map(SceneView::message).toList(),
        scene.attemptCount(),
        production(scene, clip),
        clip instanceof SceneVideos.Running running && scene.finalVideoKey() == null
            ? (int) Math.round(Math.max(0, Math.min(1, running.progress())) * 100)
            : -1,
        text(scene.productionError()));
  }

  public boolean approved() {
    return light.equals(TrafficLight.GREEN.name());
  }

  private static String revisingWords(Scene scene) {
    if (scene.pendingRevision() != null) {
      Scene.PendingRevision asked = scene.pendingRevision();
      return asked.light() == TrafficLight.YELLOW
          ? "Adjusting the scene to “" + text(asked.feedback()) + "”…"
          : "Re-rolling the scene: a new prompt and preview…";
    }
    return scene.previewKey() == null ? "Making the preview…" : "";
  }

  private static String production(Scene scene, SceneVideos.State clip) {
    if (scene.finalVideoKey() != null) {
      String engine = text(scene.engineUsed());
      return String.format(
          Locale.ROOT,
          "Clip made%s%s, %.1f s",
          engine.isEmpty() ? "" : " by " + engine,
          Boolean.TRUE.equals(scene.fallbackTriggered()) ? " (a fallback)" : "",
          scene.clipSeconds() == null ? 0.0 : scene.clipSeconds());
    }
    if (clip instanceof SceneVideos.Failed failed) {
      return "Clip failed: " + failed.message();
    }
    if (scene.videoJobId() != null) {
      return "Making the clip";
    }
    return "";
  }

  private static Message message(YellowContext.Message m) {
    boolean user = m.role().equals("user");
    return new Message(m.role(), user ? "You" : "Director", m.content(), Pages.when(m.timestamp()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
