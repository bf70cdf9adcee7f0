package dev.reelforge.providers.chat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PlatformLimits;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.script.CopyRequest;
import dev.reelforge.core.script.PlatformCopy;
import dev.reelforge.core.script.PostCopy;
import dev.reelforge.providers.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A post's copy written by a language model for one platform and locale: one chat call for {@code
 * {title, description, hashtags}}, the answer checked and fitted to the platform's limits. An
 * unusable answer (not JSON, the wrong shape, a refusal, a cut-off) gives the offline derivation
 * with a notice saying so, because copy is a draft the user edits before publishing and a run
 * should not fail for it. A failure of the service itself (an error status, a timeout, a rate
 * limit) is thrown, so that the caller's retries apply.
 */
final class ChatPostCopy {

  private final ChatCompletions completions;
  private final ChatOptions options;
  private final Function<CopyRequest, PostCopy> derived;

  ChatPostCopy(
      ChatCompletions completions, ChatOptions options, Function<CopyRequest, PostCopy> derived) {
    this.completions = completions;
    this.options = options;
    this.derived = derived;
  }

  PostCopy write(CopyRequest request) {
    Platform platform = request.platform();
    ArrayNode messages = Json.MAPPER.createArrayNode();
    messages.addObject().put("role", "system").put("content", systemPrompt(request));
    messages.addObject().put("role", "user").put("content", userPrompt(request));
    PostMetadata draft;
    try {
      draft =
          parse(
              completions.complete(
                  messages, CopySchema.NAME, CopySchema.schema(platform), "post copy"),
              request);
    } catch (ReelForgeException e) {
      if (e.code() != ErrorCode.SCRIPT_GENERATION_FAILED) {
        throw e;
      }
      PostCopy fallback = derived.apply(request);
      return new PostCopy(
          fallback.metadata(),
          fallback.writer(),
          ("The language model's copy for "
                  + platform.key()
                  + " was unusable ("
                  + e.getMessage()
                  + "), so this copy was derived from the script. "
                  + fallback.notice())
              .strip());
    }
    PostMetadata fitted = draft.fit(platform);
    return new PostCopy(
        fitted,
        ChatScriptWriter.NAME + "/" + options.model(),
        PlatformCopy.whatWasCut(draft, fitted, platform));
  }

  /**
   * The answer as copy, or {@code SCRIPT_GENERATION_FAILED} naming what is wrong with it. Hashtags
   * the model wrote into the description's last line are moved to the hashtags, where each platform
   * places them itself.
   */
  private static PostMetadata parse(String content, CopyRequest request) {
    JsonNode root = ChatCompletions.readJson(content);
    if (!root.isObject()
        || !root.path("title").isString()
        || !root.path("description").isString()
        || !root.path("hashtags").isArray()) {
      throw unusable("it is not an object with title, description and hashtags");
    }
    List<String> hashtags = new ArrayList<>();
    for (JsonNode tag : root.path("hashtags")) {
      if (!tag.isString()) {
        throw unusable("a hashtag is not a string");
      }
      hashtags.add(tag.asString());
    }
    String title = root.path("title").asString().strip();
    String description = root.path("description").asString().strip();
    int lastBreak = description.lastIndexOf('\n');
    String lastLine = description.substring(lastBreak + 1).strip();
    if (lastLine.matches("#\\S+(?:\\s+#\\S+)*")) {
      hashtags.addAll(List.of(lastLine.split("\\s+")));
      description = lastBreak < 0 ? "" : description.substring(0, lastBreak).strip();
    }
    Platform platform = request.platform();
    if (PlatformLimits.of(platform).titleChars() > 0 && title.isEmpty()) {
      throw unusable("it has no title, which " + platform.key() + " requires");
    }
    if (title.isEmpty() && description.isEmpty()) {
      throw unusable("it has neither a title nor a description");
    }
    return new PostMetadata(title, description, hashtags, request.locale());
  }

  private static ReelForgeException unusable(String why) {
    return new ReelForgeException(
        ErrorCode.SCRIPT_GENERATION_FAILED,
        "the model's copy is unusable: " + why,
        true,
        List.of(),
        null);
  }

  private String systemPrompt(CopyRequest request) {
    Platform platform = request.platform();
    PlatformLimits limits = PlatformLimits.of(platform);
    String shape =
        options.structuredOutput() == StructuredOutput.JSON_OBJECT
            ? " Answer with JSON only, matching this schema: "
                + Json.write(CopySchema.schema(platform))
            : "";
    String layout =
        switch (platform) {
          case YOUTUBE, LOCAL ->
              "a title of at most "
                  + limits.titleChars()
                  + " characters and a description; the hashtags are sent as tags";
          case TIKTOK, INSTAGRAM ->
              "a caption: the title is the hook that opens it, the description follows, and the"
                  + " hashtags close it";
          case FACEBOOK -> "a title and a description; the hashtags close the description";
        };
    return "You write the copy that goes with a short video posted on "
        + platform.key()
        + ": "
        + layout
        + ". Title, description and hashtags together must fit "
        + limits.captionChars()
        + " characters, with at most "
        + limits.maxHashtags()
        + " hashtags. Write in the language of the locale "
        + request.locale()
        + ". Use only what the narration says; make no claims it does not support."
        + shape;
  }

  private static String userPrompt(CopyRequest request) {
    return "Post copy\nPlatform: "
        + request.platform().key()
        + "\nLocale: "
        + request.locale()
        + "\nTitle: "
        + request.title()
        + "\nHashtags: "
        + String.join(" ", request.hashtags())
        + "\nNarration: "
        + request.narration().replaceAll("\\s+", " ");
  }
}
