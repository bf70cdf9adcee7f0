package dev.reelforge.providers.videogen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How video vendors word a safety refusal in a failed job's reason. They give no machine-readable
 * code for it (Kling's {@code task_status_msg}, Luma's {@code failure_reason} are prose), so the
 * words their documentation uses are matched: Luma's "Advanced prompt moderation failed", "Frame
 * moderation failed", "Contains blacklisted words"; Kling's "risk control" and content-security
 * wording.
 */
public final class Refusals {

  private static final Pattern SAFETY =
      Pattern.compile(
          "moderat|safety|risk control|content (policy|security|review)|sensitive|blacklist"
              + "|inappropriate|nsfw|violat");

  private Refusals() {}

  /** Whether {@code reason} says a safety filter refused the prompt, an image or the result. */
  public static boolean isSafetyRefusal(String reason) {
    return reason != null && SAFETY.matcher(reason.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * {@code CONTENT_REFUSED} (not retryable: the same prompt is refused again) for a prompt or a
   * picture the vendor's filter refused, naming the vendor and quoting its reason.
   */
  public static ReelForgeException refused(String vendor, String reason) {
    return refusal(vendor, "refused the request", reason);
  }

  /** The same for a clip the vendor made and then held back (Runway's, Veo's output filters). */
  public static ReelForgeException heldBack(String vendor, String reason) {
    return refusal(vendor, "held the clip back", reason);
  }

  private static ReelForgeException refusal(String vendor, String what, String reason) {
    return new ReelForgeException(
        ErrorCode.CONTENT_REFUSED,
        vendor
            + "'s safety filter "
            + what
            + (reason == null || reason.isBlank() ? "" : ": " + reason.strip())
            + "; change the prompt or the pictures",
        false,
        List.of(),
        null);
  }
}
