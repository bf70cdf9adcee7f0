package dev.reelforge.app.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.story.session.SessionFormats;
import dev.reelforge.story.session.StorySessions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Seed 002's {@code PipelineConfig}, as far as this application reads it: what to tell a story from
 * ({@code story_params}), the video's formats ({@code video_params.formats}), the platforms it is
 * meant for and whether moderation runs. The seed's {@code tts_params}, {@code image_params} and
 * {@code music_params} are accepted and not read: voice, visuals and music come from the user's
 * settings, as for a story started on the dashboard. Checked by {@link #check}, whose field errors
 * use the seed's snake_case names.
 */
record PipelineRequest(
    @JsonProperty("story_params") StoryParams storyParams,
    @JsonProperty("video_params") VideoParams videoParams,
    List<String> platforms,
    @JsonProperty("moderation_enabled") Boolean moderationEnabled) {

  /** Seed 002's default targets. */
  static final List<String> DEFAULT_PLATFORMS = List.of("youtube", "instagram", "tiktok");

  /** Longer than any story is rendered in at once: the studio's five shapes. */
  static final int MAX_FORMATS = 5;

  /**
   * One of {@code idea} (or the seed's {@code theme}, {@code topic}, {@code prompt}), {@code text},
   * {@code url} or {@code script}, with an optional {@code style}.
   */
  record StoryParams(
      String idea,
      String theme,
      String topic,
      String prompt,
      String text,
      String url,
      String script,
      String style) {}

  record VideoParams(List<String> formats) {}

  /** What the story starts from, once checked: the story API's input and input type. */
  record Source(String input, String inputType) {}

  private static final Set<String> STYLES = Set.of("default", "hype", "cozy");

  /**
   * The source of the story, its style, formats and platforms, checked.
   *
   * @throws ReelForgeException INVALID_INPUT naming every field that is wrong
   */
  Checked check() {
    List<FieldViolation> violations = new ArrayList<>();
    Source source = null;
    String style = "default";
    if (storyParams == null) {
      violations.add(new FieldViolation("story_params", "is required"));
    } else {
      Map<String, String> given = new LinkedHashMap<>();
      put(given, "idea", storyParams.idea());
      put(given, "theme", storyParams.theme());
      put(given, "topic", storyParams.topic());
      put(given, "prompt", storyParams.prompt());
      put(given, "text", storyParams.text());
      put(given, "url", storyParams.url());
      put(given, "script", storyParams.script());
      if (given.size() != 1) {
        violations.add(
            new FieldViolation(
                "story_params",
                "give exactly one of idea (or theme, topic, prompt), text, url or script"
                    + (given.isEmpty() ? "" : "; got " + String.join(", ", given.keySet()))));
      } else {
        Map.Entry<String, String> only = given.entrySet().iterator().next();
        String field = "story_params." + only.getKey();
        String type =
            switch (only.getKey()) {
              case "text" -> "paragraph";
              case "url" -> "link";
              case "script" -> "manual";
              default -> "idea";
            };
        if (!type.equals("manual") && only.getValue().length() > StorySessions.MAX_INPUT_CHARS) {
          violations.add(
              new FieldViolation(
                  field, "must be at most " + StorySessions.MAX_INPUT_CHARS + " characters"));
        } else {
          source = new Source(only.getValue(), type);
        }
      }
      if (storyParams.style() != null) {
        style = storyParams.style();
        if (!STYLES.contains(style)) {
          violations.add(new FieldViolation("story_params.style", "must be default, hype or cozy"));
        }
      }
    }
    List<String> formats = formats(violations);
    List<Platform> targets = targets(violations);
    if (Boolean.FALSE.equals(moderationEnabled)) {
      violations.add(
          new FieldViolation(
              "moderation_enabled",
              "moderation cannot be switched off for a run; leave it out or send true"));
    }
    if (!violations.isEmpty()) {
      throw ReelForgeException.invalidInput("the pipeline configuration is not valid", violations);
    }
    return new Checked(Objects.requireNonNull(source), style, formats, targets);
  }

  /** A checked request: what the story API is called with, and the platforms named. */
  record Checked(Source source, String style, List<String> formats, List<Platform> platforms) {}

  private List<String> formats(List<FieldViolation> violations) {
    if (videoParams == null || videoParams.formats() == null) {
      return List.of();
    }
    List<String> formats = videoParams.formats();
    if (formats.size() > MAX_FORMATS) {
      violations.add(
          new FieldViolation("video_params.formats", "at most " + MAX_FORMATS + " formats"));
      return List.of();
    }
    for (int i = 0; i < formats.size(); i++) {
      try {
        SessionFormats.preset(Objects.requireNonNullElse(formats.get(i), ""));
      } catch (ReelForgeException e) {
        String why =
            e.violations().isEmpty() ? e.getMessage() : e.violations().getFirst().message();
        violations.add(new FieldViolation("video_params.formats[" + i + "]", why));
      }
    }
    return formats;
  }

  private List<Platform> targets(List<FieldViolation> violations) {
    List<String> named = platforms == null ? DEFAULT_PLATFORMS : platforms;
    if (named.size() > Platform.values().length) {
      violations.add(
          new FieldViolation("platforms", "at most " + Platform.values().length + " platforms"));
      return List.of();
    }
    List<Platform> targets = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      String field = "platforms[" + i + "]";
      try {
        Platform platform = Platform.of(named.get(i), field);
        if (!targets.contains(platform)) {
          targets.add(platform);
        }
      } catch (ReelForgeException e) {
        violations.addAll(e.violations());
      }
    }
    return targets;
  }

  private static void put(Map<String, String> given, String name, String value) {
    if (value != null && !value.isBlank()) {
      given.put(name, value.strip());
    }
  }
}
