package dev.reelforge.core.script;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.Sentences;
import dev.reelforge.core.publish.Platform;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a script writer makes a post's copy from: what the run already has, and where and in which
 * language the post goes.
 *
 * @param title the run's title (blank: the writer makes one from the hook)
 * @param narration the narration as one text; its first sentence is the hook
 * @param hashtags the run's hashtags, without or with the {@code #}, most relevant first
 * @param platform where the post goes
 * @param locale a BCP 47 language tag, e.g. {@code en-US} ({@code _} accepted; blank: {@code en})
 */
public record CopyRequest(
    String title, String narration, List<String> hashtags, Platform platform, String locale) {

  /**
   * Far above a script's narration ({@link StoryLimits#MAX_TOTAL_CHARS}); bounds what a chat writer
   * is sent when the narration comes from elsewhere.
   */
  public static final int MAX_NARRATION_CHARS = 20_000;

  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");

  public CopyRequest {
    Objects.requireNonNull(platform, "platform");
    title = Objects.requireNonNullElse(title, "").strip();
    narration = Objects.requireNonNullElse(narration, "").strip();
    hashtags = List.copyOf(Objects.requireNonNullElse(hashtags, List.of()));
    if (title.isEmpty() && narration.isEmpty()) {
      throw ReelForgeException.invalidField("narration", "a title or a narration is required");
    }
    if (narration.length() > MAX_NARRATION_CHARS) {
      throw ReelForgeException.invalidField(
          "narration", "must be at most " + MAX_NARRATION_CHARS + " characters");
    }
    locale = locale == null || locale.isBlank() ? "en" : locale.strip().replace('_', '-');
    if (!LANGUAGE_TAG.matcher(locale).matches()
        || Locale.forLanguageTag(locale).getLanguage().isEmpty()) {
      throw ReelForgeException.invalidField(
          "locale", "'" + locale + "' is not a language tag such as en or en-US");
    }
  }

  /** The copy request for {@code script}'s title, narration and hashtags. */
  public static CopyRequest of(Script script, Platform platform, String locale) {
    return new CopyRequest(script.title(), script.narration(), script.hashtags(), platform, locale);
  }

  /** The narration's first sentence: the line that has to stop the scroll. */
  public String hook() {
    List<String> sentences = Sentences.split(narration);
    return sentences.isEmpty() ? title : sentences.getFirst();
  }

  /**
   * The narration after the hook (spaces collapsed as the hook's are); empty when the narration is
   * the hook alone.
   */
  public String afterHook() {
    String flat = narration.replaceAll("\\s+", " ");
    String hook = hook();
    return flat.startsWith(hook) ? flat.substring(hook.length()).strip() : flat;
  }
}
