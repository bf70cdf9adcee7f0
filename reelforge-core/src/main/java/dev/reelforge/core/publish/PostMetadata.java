package dev.reelforge.core.publish;

import dev.reelforge.core.error.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The copy a post shows on one platform.
 *
 * @param title the title (YouTube, Facebook, the local folder); where a platform has none it leads
 *     the caption
 * @param description the description or caption, without the hashtags
 * @param hashtags without the {@code #}, in order, no duplicates
 * @param locale a BCP 47 language tag, e.g. {@code en-US}
 */
public record PostMetadata(String title, String description, List<String> hashtags, String locale) {

  public PostMetadata {
    title = Objects.requireNonNullElse(title, "").strip();
    description = Objects.requireNonNullElse(description, "").strip();
    hashtags =
        List.copyOf(
            new LinkedHashSet<>(
                Objects.requireNonNullElse(hashtags, List.<String>of()).stream()
                    .map(PostMetadata::bare)
                    .filter(h -> !h.isEmpty())
                    .toList()));
    locale = locale == null || locale.isBlank() ? "en" : locale.strip();
  }

  private static String bare(String hashtag) {
    return hashtag == null ? "" : hashtag.strip().replaceFirst("^#+", "").replaceAll("\\s+", "");
  }

  /** The hashtags as written in a caption: {@code #honey #bees}. */
  public String hashtagLine() {
    return String.join(" ", hashtags.stream().map(h -> "#" + h).toList());
  }

  /**
   * The caption a platform without a separate title shows, or the description of one with tags:
   * title (when the platform has none) and description, then the hashtags where the platform takes
   * them in the caption.
   */
  public String caption(Platform platform) {
    PlatformLimits limits = PlatformLimits.of(platform);
    List<String> parts = new ArrayList<>();
    if (limits.titleChars() == 0 && !title.isEmpty()) {
      parts.add(title);
    }
    if (!description.isEmpty()) {
      parts.add(description);
    }
    if (limits.hashtagsInCaption() && !hashtags.isEmpty()) {
      parts.add(hashtagLine());
    }
    return String.join("\n\n", parts);
  }

  /**
   * What breaks {@code platform}'s limits, each naming the field under {@code prefix} (e.g. {@code
   * targets[0].metadata}); empty when the copy may be posted as it is.
   */
  public List<FieldViolation> violations(Platform platform, String prefix) {
    PlatformLimits limits = PlatformLimits.of(platform);
    List<FieldViolation> found = new ArrayList<>();
    if (limits.titleChars() > 0 && title.isEmpty()) {
      found.add(new FieldViolation(prefix + ".title", "a title is required on " + platform.key()));
    }
    if (limits.titleChars() > 0 && title.codePointCount(0, title.length()) > limits.titleChars()) {
      found.add(
          new FieldViolation(
              prefix + ".title",
              "at most " + limits.titleChars() + " characters on " + platform.key()));
    }
    if (limits.titleChars() > 0 && (title.contains("<") || title.contains(">"))) {
      found.add(new FieldViolation(prefix + ".title", "may not contain < or >"));
    }
    String caption = caption(platform);
    if (caption.codePointCount(0, caption.length()) > limits.captionChars()) {
      found.add(
          new FieldViolation(
              prefix + ".description",
              "the caption (with "
                  + (limits.titleChars() == 0 ? "the title and " : "")
                  + "hashtags) is over "
                  + limits.captionChars()
                  + " characters on "
                  + platform.key()));
    }
    if (hashtags.size() > limits.maxHashtags()) {
      found.add(
          new FieldViolation(
              prefix + ".hashtags",
              "at most " + limits.maxHashtags() + " hashtags on " + platform.key()));
    }
    for (String tag : hashtags) {
      if (!tag.matches("[\\p{L}\\p{N}_]+")) {
        found.add(
            new FieldViolation(
                prefix + ".hashtags", "'" + tag + "' may hold only letters, digits and _"));
      }
    }
    return List.copyOf(found);
  }

  /**
   * This copy cut to fit {@code platform}: the title at a word boundary, hashtags to the platform's
   * count, then the description shortened until the whole caption fits (hashtags dropped from the
   * end if even an empty description would not fit). Generated copy goes through here; copy a
   * person typed is checked with {@link #violations} instead, never cut silently.
   */
  public PostMetadata fit(Platform platform) {
    PlatformLimits limits = PlatformLimits.of(platform);
    String fittedTitle =
        limits.titleChars() > 0 ? cut(title.replaceAll("[<>]", ""), limits.titleChars()) : title;
    List<String> tags =
        hashtags.stream()
            .map(h -> h.replaceAll("[^\\p{L}\\p{N}_]", ""))
            .filter(h -> !h.isEmpty())
            .limit(limits.maxHashtags())
            .toList();
    PostMetadata fitted = new PostMetadata(fittedTitle, description, tags, locale);
    while (tooLong(fitted, platform)
        && !fitted.hashtags.isEmpty()
        && fitted.description.isEmpty()) {
      fitted = fitted.withHashtags(fitted.hashtags.subList(0, fitted.hashtags.size() - 1));
    }
    if (tooLong(fitted, platform)) {
      int over =
          fitted.caption(platform).codePointCount(0, fitted.caption(platform).length())
              - limits.captionChars();
      int keep =
          Math.max(0, fitted.description.codePointCount(0, fitted.description.length()) - over);
      fitted =
          new PostMetadata(fitted.title, cut(fitted.description, keep), fitted.hashtags, locale);
    }
    while (tooLong(fitted, platform) && !fitted.hashtags.isEmpty()) {
      fitted = fitted.withHashtags(fitted.hashtags.subList(0, fitted.hashtags.size() - 1));
    }
    if (tooLong(fitted, platform)) {
      // No separate title: the title leads the caption and is what is left to cut.
      fitted = new PostMetadata(cut(fitted.title, limits.captionChars()), "", List.of(), locale);
    }
    return fitted;
  }

  public PostMetadata withHashtags(List<String> tags) {
    return new PostMetadata(title, description, tags, locale);
  }

  private static boolean tooLong(PostMetadata metadata, Platform platform) {
    String caption = metadata.caption(platform);
    return caption.codePointCount(0, caption.length()) > PlatformLimits.of(platform).captionChars();
  }

  /** {@code text} in at most {@code max} code points, cut at a word boundary where there is one. */
  static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    if (max <= 1) {
      return max == 1 ? "…" : "";
    }
    String head = text.substring(0, text.offsetByCodePoints(0, max - 1));
    int space = head.lastIndexOf(' ');
    if (space > max / 2) {
      head = head.substring(0, space);
    }
    return head.stripTrailing().replaceFirst("[\\s,;:.—–-]+$", "") + "…";
  }

  /** The locale's language, lower case: {@code en} for {@code en-US}. */
  public String language() {
    return locale.split("[-_]")[0].toLowerCase(Locale.ROOT);
  }
}
