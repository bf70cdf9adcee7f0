package dev.reelforge.providers.chat;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.providers.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the chat director sends as the user's turn, as JSON the model reads: the brief (brand
 * strategy, style reference, preset, scene count), seed 001's {@code YellowContextPayload} for an
 * edit, and the previous take for a re-roll. Scenes travel with seed 001's {@code SceneData} field
 * names.
 */
final class DirectorPayloads {

  private DirectorPayloads() {}

  /** The brand strategy and what to write. */
  static ObjectNode brief(DirectorBrief brief) {
    BrandAnalysis analysis = brief.analysis();
    ObjectNode payload = Json.object();
    payload.put("task", "storyboard");
    payload.put("scene_count", brief.sceneCount());
    payload.put("brand_essence_prompt", analysis.brandEssencePrompt());
    ArrayNode palette = payload.putArray("color_palette");
    brief.palette().forEach(palette::add);
    ArrayNode invariants = payload.putArray("invariant_elements");
    analysis.invariantElements().forEach(invariants::add);
    ObjectNode scores = payload.putObject("scores");
    scores.put("physics", analysis.scores().physics());
    scores.put("vibe", analysis.scores().vibe());
    scores.put("logic", analysis.scores().logic());
    scores.put("integrity", analysis.scores().integrity());
    payload.put("text_in_image", analysis.text().text());
    brief.styleReferenceUrl().ifPresent(url -> payload.put("style_reference_url", url));
    brief.stylePreset().ifPresent(preset -> payload.put("style_preset", preset));
    return payload;
  }

  /** The brief plus the scene to replace and how many takes it has had. */
  static ObjectNode reroll(DirectorBrief brief, int index, SceneScript previous, int attempt) {
    ObjectNode payload = brief(brief);
    payload.put("task", "reroll");
    payload.remove("scene_count");
    payload.put("sequence_index", index);
    payload.put("attempt", attempt);
    payload.set("previous_scene", scene(previous, index));
    return payload;
  }

  /** Seed 001 §4's {@code YellowContextPayload}, field for field. */
  static ObjectNode yellow(YellowContext context) {
    ObjectNode payload = Json.object();
    payload.put("brand_essence_prompt", context.brandEssencePrompt());
    payload.put("style_reference_url", context.styleReferenceUrl().orElse(null));
    payload.set("current_scene", scene(context.currentScene(), context.sequenceIndex()));
    ArrayNode history = payload.putArray("conversation_history");
    for (YellowContext.Message message : context.conversationHistory()) {
      history
          .addObject()
          .put("role", message.role())
          .put("content", message.content())
          .put("timestamp", message.timestamp().toString());
    }
    ArrayNode assets = payload.putArray("user_assets");
    for (YellowContext.UserAsset asset : context.userAssets()) {
      assets
          .addObject()
          .put("url", asset.url())
          .put("type", asset.type())
          .put("uploaded_at", asset.uploadedAt() == null ? null : asset.uploadedAt().toString());
    }
    ArrayNode prompts = payload.putArray("prompt_history");
    for (YellowContext.PromptAttempt attempt : context.promptHistory()) {
      prompts
          .addObject()
          .put("prompt", attempt.prompt())
          .put("result_url", attempt.resultUrl())
          .put("feedback", attempt.feedback());
    }
    payload.put("user_feedback", context.userFeedback());
    return payload;
  }

  /** A scene with seed 001's {@code SceneData} names. */
  static ObjectNode scene(SceneScript scene, int index) {
    ObjectNode node = Json.object();
    node.put("sequence_index", index);
    node.put("cinematography_prompt", scene.cinematographyPrompt());
    node.put("camera_movement", scene.cameraMovement());
    node.put("lighting_notes", scene.lightingNotes());
    node.put("invariant_token", scene.invariantToken());
    node.put("caption", scene.caption());
    return node;
  }
}
