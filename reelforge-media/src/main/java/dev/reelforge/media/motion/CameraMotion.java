package dev.reelforge.media.motion;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The camera moves the offline video engine makes. A prompt that names one gets it ("push in",
 * "zoom out", "pan left", "orbit"…); otherwise the seed picks one, so the same request always moves
 * the same way.
 */
public enum CameraMotion {
  PUSH_IN("push-in", "push(?:es|ing)? in|zoom(?:s|ing)? in|dolly(?:ing)? in|moves? closer"),
  PULL_OUT(
      "pull-out", "pull(?:s|ing)? (?:out|back)|zoom(?:s|ing)? out|dolly(?:ing)? out|moves? away"),
  PAN_LEFT("pan-left", "pan(?:s|ning)? (?:to the )?left"),
  PAN_RIGHT("pan-right", "pan(?:s|ning)? (?:to the )?right"),
  ORBIT("orbit", "orbit(?:s|ing)?|parallax|circl(?:e|es|ing) around|arc(?:s|ing)? around");

  private final String label;
  private final Pattern words;

  CameraMotion(String label, String words) {
    this.label = label;
    this.words = Pattern.compile("\\b(?:" + words + ")\\b");
  }

  /** How the API and the clip's model name spell it: {@code push-in}, {@code orbit}. */
  public String label() {
    return label;
  }

  /**
   * The motion the prompt names first; when it names none, one picked by {@code seed}.
   *
   * @param prompt the request's prompt, possibly blank
   */
  public static CameraMotion choose(String prompt, long seed) {
    String text = prompt.toLowerCase(Locale.ROOT).replace('-', ' ');
    CameraMotion named = null;
    int earliest = Integer.MAX_VALUE;
    for (CameraMotion motion : values()) {
      Matcher m = motion.words.matcher(text);
      if (m.find() && m.start() < earliest) {
        earliest = m.start();
        named = motion;
      }
    }
    if (named != null) {
      return named;
    }
    List<CameraMotion> all = List.of(values());
    return all.get((int) Math.floor(SeedMix.unit(seed, 1) * all.size()));
  }
}
