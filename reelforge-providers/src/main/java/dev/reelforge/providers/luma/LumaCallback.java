package dev.reelforge.providers.luma;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What Luma posts to a generation's {@code callback_url} when it starts dreaming, completes or
 * fails: the same Generation object a poll returns. The application uses {@link #parse} to learn
 * which job to poll at once instead of waiting for its next scheduled poll; the poll, which carries
 * the key, stays the source of truth (the callback is not signed).
 *
 * @param id the generation's id, as in {@code PendingVideo.externalId()}
 * @param state {@code queued}, {@code dreaming}, {@code completed} or {@code failed}
 * @param failureReason Luma's reason when failed, else empty
 * @param videoUrl the clip's address once completed, else empty
 */
public record LumaCallback(
    String id, String state, Optional<String> failureReason, Optional<String> videoUrl) {

  private static final Set<String> STATES = Set.of("queued", "dreaming", "completed", "failed");

  /** Whether the generation has ended, well or not. */
  public boolean finished() {
    return state.equals("completed") || state.equals("failed");
  }

  /**
   * Reads a callback body.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} for a body that is not a Generation
   */
  public static LumaCallback parse(byte[] body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (RuntimeException notJson) {
      throw ReelForgeException.invalidField("body", "is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw ReelForgeException.invalidField("body", "is not a Luma generation");
    }
    String id = root.path("id").asString("").strip();
    if (id.isEmpty()) {
      throw ReelForgeException.invalidField("id", "is missing");
    }
    String state = root.path("state").asString("");
    if (!STATES.contains(state)) {
      throw ReelForgeException.invalidField(
          "state", "must be queued, dreaming, completed or failed, not '" + state + "'");
    }
    return new LumaCallback(
        id, state, text(root.path("failure_reason")), text(root.path("assets").path("video")));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isString() && !node.asString().isBlank()
        ? Optional.of(node.asString())
        : Optional.empty();
  }
}
