package dev.reelforge.core.brand;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a conversational edit sees (seed 001 §4 {@code YellowContextPayload}).
 *
 * @param brandEssencePrompt the vision job's brand essence
 * @param styleReferenceUrl the style reference's address, when the server has a public one
 * @param currentScene the scene as it stands
 * @param sequenceIndex its place in the storyboard, from 0
 * @param conversationHistory this scene's earlier exchanges, oldest first
 * @param userAssets the owner's uploads this storyboard draws on
 * @param promptHistory the scene's earlier prompts, their previews and the feedback they got
 * @param userFeedback what the person asks now (≤ 500 characters)
 * @param palette the brand palette's hex codes
 */
public record YellowContext(
    String brandEssencePrompt,
    Optional<String> styleReferenceUrl,
    SceneScript currentScene,
    int sequenceIndex,
    List<Message> conversationHistory,
    List<UserAsset> userAssets,
    List<PromptAttempt> promptHistory,
    String userFeedback,
    List<String> palette) {

  public static final int MAX_FEEDBACK_CHARS = 500;

  public YellowContext {
    Objects.requireNonNull(brandEssencePrompt, "brandEssencePrompt");
    Objects.requireNonNull(styleReferenceUrl, "styleReferenceUrl");
    Objects.requireNonNull(currentScene, "currentScene");
    conversationHistory = List.copyOf(conversationHistory);
    userAssets = List.copyOf(userAssets);
    promptHistory = List.copyOf(promptHistory);
    Objects.requireNonNull(userFeedback, "userFeedback");
    palette = List.copyOf(palette);
  }

  /** One turn of the conversation: {@code role} is {@code user} or {@code assistant}. */
  public record Message(String role, String content, Instant timestamp) {
    public Message {
      if (!"user".equals(role) && !"assistant".equals(role)) {
        throw new IllegalArgumentException("a message's role is user or assistant, was " + role);
      }
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** An upload of the owner: {@code type} is {@code image} or {@code video}. */
  public record UserAsset(String url, String type, Instant uploadedAt) {}

  /** A prompt used before, the preview it gave and the feedback it got (null for none). */
  public record PromptAttempt(String prompt, String resultUrl, String feedback) {}
}
