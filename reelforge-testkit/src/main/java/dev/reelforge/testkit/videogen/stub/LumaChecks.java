package dev.reelforge.testkit.videogen.stub;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The request checks Luma's documentation lists for {@code POST /generations}, with its words. */
final class LumaChecks {

  private LumaChecks() {}

  /** What is wrong with {@code body}, or null. */
  static String problem(
      JsonNode body, List<String> models, List<String> aspects, List<String> resolutions) {
    String model = body.path("model").asString("");
    if (!models.contains(model)) {
      return "model must be one of " + models;
    }
    JsonNode keyframes = body.path("keyframes");
    boolean frame0 = keyframes.has("frame0") && !keyframes.path("frame0").isNull();
    boolean frame1 = keyframes.has("frame1") && !keyframes.path("frame1").isNull();
    String prompt = body.path("prompt").asString("");
    if (!frame0 && !frame1) {
      if (!keyframes.isMissingNode() && !keyframes.isNull()) {
        return "No keyframes provided";
      }
      if (prompt.isBlank()) {
        return "Prompt is required";
      }
    }
    if (!prompt.isEmpty() && prompt.length() < 3) {
      return "Prompt is too short, minimum length is 3 characters";
    }
    if (prompt.length() > 5000) {
      return "Prompt is too long, maximum length is 5000 characters";
    }
    if (!aspects.contains(body.path("aspect_ratio").asString("16:9"))) {
      return "aspect_ratio must be one of " + aspects;
    }
    if (!resolutions.contains(body.path("resolution").asString("720p"))) {
      return "resolution must be one of " + resolutions;
    }
    if (!List.of("5s", "9s").contains(body.path("duration").asString("5s"))) {
      return "duration must be 5s or 9s";
    }
    boolean loop = body.path("loop").asBoolean(false);
    if (loop && frame0 && frame1) {
      return "Loop is not supported for keyframes";
    }
    if (loop && frame1) {
      return "Loop is not supported for end frame";
    }
    for (String name : List.of("frame0", "frame1")) {
      JsonNode frame = keyframes.path(name);
      if (frame.isMissingNode() || frame.isNull()) {
        continue;
      }
      String type = frame.path("type").asString("");
      if (type.equals("image") && !isUrl(frame.path("url").asString(""))) {
        return "keyframes." + name + ".url must be an http(s) URL";
      }
      if (type.equals("generation") && frame.path("id").asString("").isBlank()) {
        return "keyframes." + name + ".id is required";
      }
      if (!type.equals("image") && !type.equals("generation")) {
        return "Unknown request type";
      }
    }
    String callback = body.path("callback_url").asString("");
    if (body.has("callback_url") && !isUrl(callback)) {
      return "callback_url must be an http(s) URL";
    }
    return null;
  }

  /** Whether every image keyframe can be fetched and decoded, as Luma's servers try to. */
  static boolean keyframesReadable(JsonNode body) {
    for (String name : List.of("frame0", "frame1")) {
      JsonNode frame = body.path("keyframes").path(name);
      if (frame.path("type").asString("").equals("image")
          && StubImages.decode(StubImages.fetch(frame.path("url").asString(""))) == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUrl(String value) {
    return value.startsWith("http://") || value.startsWith("https://");
  }
}
