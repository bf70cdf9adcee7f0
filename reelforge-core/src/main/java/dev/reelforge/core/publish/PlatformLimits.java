package dev.reelforge.core.publish;

/**
 * What each platform accepts of a post's copy, from its documentation: YouTube's title 100 and
 * description 5,000 characters (and tags 500 in all); TikTok's caption 2,200; Instagram's caption
 * 2,200 with at most 30 hashtags; Facebook's reel description (we hold it to 5,000, far below its
 * post limit, so that it reads whole).
 *
 * @param titleChars the title's limit; 0 where the platform has no separate title (the title then
 *     leads the caption)
 * @param captionChars the description or caption, hashtags included where the platform puts them in
 *     the caption
 * @param maxHashtags the most hashtags the platform accepts (Instagram: 30)
 * @param hashtagsInCaption whether hashtags are written into the caption (TikTok, Instagram,
 *     Facebook) rather than sent as tags (YouTube)
 */
public record PlatformLimits(
    int titleChars, int captionChars, int maxHashtags, boolean hashtagsInCaption) {

  public static PlatformLimits of(Platform platform) {
    return switch (platform) {
      case YOUTUBE -> new PlatformLimits(100, 5_000, 15, false);
      case TIKTOK -> new PlatformLimits(0, 2_200, 30, true);
      case INSTAGRAM -> new PlatformLimits(0, 2_200, 30, true);
      case FACEBOOK -> new PlatformLimits(255, 5_000, 30, true);
      case LOCAL -> new PlatformLimits(100, 5_000, 30, false);
    };
  }
}
