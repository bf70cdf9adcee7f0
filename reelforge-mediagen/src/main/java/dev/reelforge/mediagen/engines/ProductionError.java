package dev.reelforge.mediagen.engines;

import dev.reelforge.core.error.ErrorCode;
import java.util.Objects;

/**
 * What an error of a video job means for its user (seed 001 §6.3's {@code ErrorState}): whether the
 * same request may pass later, whether another engine may take it, and what the user can do. The
 * API and the dashboard show it with a failed job's error; the video pipeline follows the same
 * table when it decides between retrying an engine, falling back and giving up.
 *
 * <table>
 *   <caption>advice by error code</caption>
 *   <tr><th>code</th><th>retryable</th><th>fallback</th><th>user action</th></tr>
 *   <tr><td>PRODUCTION_TIMEOUT</td><td>yes</td><td>yes</td><td>RETRY</td></tr>
 *   <tr><td>EXTERNAL_RATE_LIMIT</td><td>no (not on that engine)</td><td>yes</td>
 *       <td>CHANGE_ENGINE</td></tr>
 *   <tr><td>PREVIEW_FAILED</td><td>yes</td><td>no</td><td>RETRY</td></tr>
 *   <tr><td>CONTENT_REFUSED</td><td>no</td><td>no</td><td>CHANGE_PROMPT</td></tr>
 *   <tr><td>INVALID_INPUT, VALIDATION_FAILED</td><td>no</td><td>yes (another engine may take
 *       it)</td><td>CHANGE_PROMPT</td></tr>
 *   <tr><td>EXTERNAL_API_ERROR, EXTERNAL_API_TIMEOUT, SERVICE_UNAVAILABLE, TIMEOUT</td><td>yes</td>
 *       <td>yes</td><td>RETRY</td></tr>
 *   <tr><td>RATE_LIMIT_EXCEEDED, QUOTA_EXCEEDED (ours)</td><td>yes</td><td>no</td><td>RETRY</td></tr>
 *   <tr><td>anything else</td><td>as the code</td><td>yes</td><td>CONTACT_SUPPORT</td></tr>
 * </table>
 *
 * @param code the error's code
 * @param message what the user reads, in seed 001's words where it has them
 * @param retryable whether the same request may pass later
 * @param fallbackAvailable whether another engine may take the request
 * @param userAction what the user can do
 */
public record ProductionError(
    ErrorCode code,
    String message,
    boolean retryable,
    boolean fallbackAvailable,
    UserAction userAction) {

  public ProductionError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(userAction, "userAction");
  }

  /** The advice for {@code code}, as in the table above. */
  public static ProductionError of(ErrorCode code) {
    return switch (code) {
      case PRODUCTION_TIMEOUT ->
          new ProductionError(
              code,
              "Video generation is taking longer than expected.",
              true,
              true,
              UserAction.RETRY);
      case EXTERNAL_RATE_LIMIT ->
          new ProductionError(
              code,
              "Production service is busy. Trying alternate engine.",
              false,
              true,
              UserAction.CHANGE_ENGINE);
      case PREVIEW_FAILED ->
          new ProductionError(
              code, "Preview generation failed. Please try again.", true, false, UserAction.RETRY);
      case CONTENT_REFUSED ->
          new ProductionError(
              code,
              "The engine's safety filter refused the prompt or a picture. Change the prompt or"
                  + " the pictures.",
              false,
              false,
              UserAction.CHANGE_PROMPT);
      case INVALID_INPUT, VALIDATION_FAILED ->
          new ProductionError(
              code,
              "The engine cannot take this request. Change the prompt or the settings.",
              false,
              true,
              UserAction.CHANGE_PROMPT);
      case EXTERNAL_API_ERROR, EXTERNAL_API_TIMEOUT, SERVICE_UNAVAILABLE, TIMEOUT ->
          new ProductionError(
              code, "The video engine failed. Please try again.", true, true, UserAction.RETRY);
      case RATE_LIMIT_EXCEEDED, QUOTA_EXCEEDED ->
          new ProductionError(
              code, "Too many requests. Please try again later.", true, false, UserAction.RETRY);
      default ->
          new ProductionError(
              code, "Video generation failed.", code.retryable(), true, UserAction.CONTACT_SUPPORT);
    };
  }

  /** One line for a failure message: {@code user action: RETRY; another engine may take it}. */
  public String advice() {
    return "user action: "
        + userAction
        + (fallbackAvailable ? "; another engine may take it" : "; no other engine will help");
  }
}
