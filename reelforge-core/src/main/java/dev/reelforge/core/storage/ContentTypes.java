package dev.reelforge.core.storage;

import java.util.Locale;
import java.util.Map;

/** Content types of the files ReelForge stores, by extension. */
public final class ContentTypes {

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("mp4", "video/mp4"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("webp", "image/webp"),
          Map.entry("wav", "audio/wav"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("json", "application/json"),
          Map.entry("srt", "application/x-subrip"),
          Map.entry("vtt", "text/vtt"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  private ContentTypes() {}

  public static String of(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
  }
}
