package dev.reelforge.core.script;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PlatformLimits;
import dev.reelforge.core.publish.PostMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A post's copy derived from the script alone, offline: what {@link ScriptWriter#copyFor} gives
 * unless a writer does better.
 *
 * <ul>
 *   <li>YouTube and the local folder: the title, and the narration as the description; the hashtags
 *       go as tags.
 *   <li>TikTok and Instagram (no title field): a caption that leads with the hook, goes on with the
 *       rest of the narration and ends with the hashtags.
 *   <li>Facebook: the title, and the narration followed by the hashtags.
 * </ul>
 *
 * Everything is cut to the platform's limits by {@link PostMetadata#fit}, and what was cut is said
 * in the notice, so that the user who edits the copy before publishing knows where to look.
 */
public final class PlatformCopy {

  /** Hashtags made from the narration when the run has none: a few, as on a script. */
  static final int DERIVED_HASHTAGS = ScriptMetadata.MAX_HASHTAGS;

  private PlatformCopy() {}

  /** The derived copy for {@code request}, fitted, naming {@code writer} as its maker. */
  public static PostCopy derive(CopyRequest request, String writer) {
    Platform platform = request.platform();
    List<String> hashtags =
        request.hashtags().isEmpty() ? hashtagsFrom(request.narration()) : request.hashtags();
    String title =
        request.title().isEmpty() ? ScriptMetadata.title(request.hook()) : request.title();
    PostMetadata draft =
        switch (platform) {
          case TIKTOK, INSTAGRAM ->
              new PostMetadata(request.hook(), request.afterHook(), hashtags, request.locale());
          case YOUTUBE, FACEBOOK, LOCAL ->
              new PostMetadata(title, request.narration(), hashtags, request.locale());
        };
    PostMetadata fitted = draft.fit(platform);
    return new PostCopy(fitted, writer, whatWasCut(draft, fitted, platform));
  }

  /**
   * What {@link PostMetadata#fit} took out of {@code draft} for {@code platform}, in a sentence per
   * field; empty when nothing.
   */
  public static String whatWasCut(PostMetadata draft, PostMetadata fitted, Platform platform) {
    PlatformLimits limits = PlatformLimits.of(platform);
    List<String> cuts = new ArrayList<>();
    if (!fitted.title().equals(draft.title())) {
      cuts.add(
          limits.titleChars() > 0
              ? "The title was shortened to " + limits.titleChars() + " characters."
              : "The hook was shortened.");
    }
    if (!fitted.description().equals(draft.description())) {
      cuts.add(
          "The "
              + (limits.hashtagsInCaption() || limits.titleChars() == 0 ? "caption" : "description")
              + " was shortened to fit "
              + platform.key()
              + "'s "
              + String.format(Locale.ROOT, "%,d", limits.captionChars())
              + " characters.");
    }
    int dropped = draft.hashtags().size() - fitted.hashtags().size();
    if (dropped > 0) {
      cuts.add(
          dropped
              + " hashtag"
              + (dropped == 1 ? " was" : "s were")
              + " left out to fit "
              + platform.key()
              + "'s limits.");
    }
    return String.join(" ", cuts);
  }

  /** Hashtags from the narration's keywords, letters and digits only, three characters or more. */
  static List<String> hashtagsFrom(String narration) {
    Set<String> tags = new LinkedHashSet<>();
    for (String word : Keywords.of(narration, DERIVED_HASHTAGS * 2)) {
      String tag = word.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
      if (tag.length() >= 3) {
        tags.add(tag);
      }
      if (tags.size() == DERIVED_HASHTAGS) {
        break;
      }
    }
    return List.copyOf(tags);
  }
}
