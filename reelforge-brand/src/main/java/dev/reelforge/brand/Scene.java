package dev.reelforge.brand;

import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.licence.MediaLicence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One scene of a storyboard as stored (seed 001 §3 {@code SceneData}), with what the review and
 * production add: its YELLOW conversation, its earlier prompts, a revision asked for and not yet
 * made, and the production job. Files are blob keys; the routes turn them into addresses.
 *
 * @param id the scene's id, what {@code /director/refine} and {@code /approve-scene} name
 * @param sequenceIndex its place, from 0
 * @param cinematographyPrompt from the director
 * @param cameraMovement from the director
 * @param lightingNotes from the director
 * @param invariantToken from the director
 * @param caption the on-screen line of the finished video
 * @param previewKey the preview's blob key; null while it is being made
 * @param previewSeed the seed the preview was made with
 * @param trafficLight the review light
 * @param userFeedback the last feedback given
 * @param pendingRevision a YELLOW or RED asked for and not yet made; null for none
 * @param conversation this scene's YELLOW exchanges, oldest first
 * @param promptHistory earlier prompts, their previews and the feedback they got
 * @param videoJobId the production job (a video job) of this scene
 * @param finalVideoKey the produced clip's blob key
 * @param clipSeconds the produced clip's length
 * @param engineUsed the engine that made the clip
 * @param fallbackTriggered whether it was not the routed engine
 * @param productionError why production of this scene failed
 * @param creditsCharged credits its production cost (0 when refunded)
 * @param productionFailures how often its production failed: a new try is a new job
 * @param reviewError why the last revision asked for could not be made (the scene kept its
 *     preview); null when it was
 * @param attemptCount scripts written for this scene: 1, then one more per revision
 * @param previewLicence the licence the image generator gave its preview (the moderation gate's
 *     licence evidence); null while there is none, or for a scene stored before it was kept
 */
public record Scene(
    UUID id,
    int sequenceIndex,
    String cinematographyPrompt,
    String cameraMovement,
    String lightingNotes,
    String invariantToken,
    String caption,
    String previewKey,
    Long previewSeed,
    TrafficLight trafficLight,
    String userFeedback,
    PendingRevision pendingRevision,
    List<YellowContext.Message> conversation,
    List<YellowContext.PromptAttempt> promptHistory,
    UUID videoJobId,
    String finalVideoKey,
    Double clipSeconds,
    String engineUsed,
    Boolean fallbackTriggered,
    String productionError,
    long creditsCharged,
    int productionFailures,
    String reviewError,
    int attemptCount,
    Instant createdAt,
    Instant updatedAt,
    MediaLicence previewLicence) {

  public Scene {
    Objects.requireNonNull(id, "id");
    trafficLight = Objects.requireNonNullElse(trafficLight, TrafficLight.PENDING);
    conversation = conversation == null ? List.of() : List.copyOf(conversation);
    promptHistory = promptHistory == null ? List.of() : List.copyOf(promptHistory);
  }

  /** A revision asked for: {@code light} YELLOW with {@code feedback}, or RED. */
  public record PendingRevision(TrafficLight light, String feedback, Instant requestedAt) {}

  /** A freshly written scene awaiting its preview. */
  public static Scene written(UUID id, int index, SceneScript script, Instant now) {
    return new Scene(
        id,
        index,
        script.cinematographyPrompt(),
        script.cameraMovement(),
        script.lightingNotes(),
        script.invariantToken(),
        script.caption(),
        null,
        null,
        TrafficLight.PENDING,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        null,
        1,
        now,
        now,
        null);
  }

  public SceneScript script() {
    return new SceneScript(
        cinematographyPrompt, cameraMovement, lightingNotes, invariantToken, caption);
  }

  /** Whether its preview exists and no revision is waiting. */
  public boolean settled() {
    return previewKey != null && pendingRevision == null;
  }

  public Scene withPreview(String key, long seed, MediaLicence licence, Instant now) {
    Builder b = new Builder(this).preview(key, seed).at(now);
    b.previewLicence = licence;
    return b.build();
  }

  public Scene withLight(TrafficLight light, Instant now) {
    Builder b = new Builder(this).at(now);
    b.trafficLight = light;
    return b.build();
  }

  /** Asks for a revision: the light turns YELLOW or RED until it is made. */
  public Scene asking(TrafficLight light, String feedback, Instant now) {
    Builder b = new Builder(this).at(now);
    b.trafficLight = light;
    b.userFeedback = feedback;
    b.pendingRevision = new PendingRevision(light, feedback, now);
    return b.build();
  }

  /**
   * The revision made: a new script, the old prompt kept in the history with its preview and the
   * feedback it got, the exchange appended (YELLOW), the light PENDING again and the preview to be
   * made anew.
   */
  public Scene revised(SceneScript script, List<YellowContext.Message> exchange, Instant now) {
    Builder b = new Builder(this).at(now);
    List<YellowContext.PromptAttempt> prompts = new ArrayList<>(promptHistory);
    prompts.add(
        new YellowContext.PromptAttempt(
            cinematographyPrompt,
            previewKey,
            pendingRevision == null ? null : pendingRevision.feedback()));
    b.promptHistory = prompts;
    List<YellowContext.Message> messages = new ArrayList<>(conversation);
    messages.addAll(exchange);
    b.conversation = messages;
    b.cinematographyPrompt = script.cinematographyPrompt();
    b.cameraMovement = script.cameraMovement();
    b.lightingNotes = script.lightingNotes();
    b.invariantToken = script.invariantToken();
    b.caption = script.caption();
    b.previewKey = null;
    b.previewSeed = null;
    // The licence stays until the new preview replaces it: a revision that fails shows the last
    // preview again, whose licence this is.
    b.pendingRevision = null;
    b.trafficLight = TrafficLight.PENDING;
    b.attemptCount = attemptCount + 1;
    b.reviewError = null;
    return b.build();
  }

  /**
   * The revision asked for could not be made: the request is dropped, the light is PENDING again
   * and {@code error} says why; {@code preview} is the preview to show (the last one made).
   */
  public Scene revisionFailed(String error, String preview, Long seed, Instant now) {
    Builder b = new Builder(this).at(now);
    b.pendingRevision = null;
    b.trafficLight = TrafficLight.PENDING;
    b.reviewError = error;
    if (b.previewKey == null) {
      b.previewKey = preview;
      b.previewSeed = seed;
    }
    return b.build();
  }

  public Scene producing(UUID jobId, Instant now) {
    Builder b = new Builder(this).at(now);
    b.videoJobId = jobId;
    b.productionError = null;
    return b.build();
  }

  public Scene produced(
      String clipKey, double seconds, String engine, boolean fallback, long credits, Instant now) {
    Builder b = new Builder(this).at(now);
    b.finalVideoKey = clipKey;
    b.clipSeconds = seconds;
    b.engineUsed = engine;
    b.fallbackTriggered = fallback;
    b.creditsCharged = credits;
    b.productionError = null;
    return b.build();
  }

  /** Production failed; the job is forgotten so that approving production again starts anew. */
  public Scene productionFailed(String error, Instant now) {
    Builder b = new Builder(this).at(now);
    b.productionError = error;
    b.videoJobId = null;
    b.creditsCharged = 0;
    b.productionFailures = productionFailures + 1;
    return b.build();
  }

  /** A copy with fields to change; {@link #build} makes the record. */
  private static final class Builder {
    private final Scene s;
    private String cinematographyPrompt;
    private String cameraMovement;
    private String lightingNotes;
    private String invariantToken;
    private String caption;
    private String previewKey;
    private Long previewSeed;
    private TrafficLight trafficLight;
    private String userFeedback;
    private PendingRevision pendingRevision;
    private List<YellowContext.Message> conversation;
    private List<YellowContext.PromptAttempt> promptHistory;
    private UUID videoJobId;
    private String finalVideoKey;
    private Double clipSeconds;
    private String engineUsed;
    private Boolean fallbackTriggered;
    private String productionError;
    private long creditsCharged;
    private int productionFailures;
    private String reviewError;
    private int attemptCount;
    private Instant updatedAt;
    private MediaLicence previewLicence;

    Builder(Scene s) {
      this.s = s;
      cinematographyPrompt = s.cinematographyPrompt;
      cameraMovement = s.cameraMovement;
      lightingNotes = s.lightingNotes;
      invariantToken = s.invariantToken;
      caption = s.caption;
      previewKey = s.previewKey;
      previewSeed = s.previewSeed;
      trafficLight = s.trafficLight;
      userFeedback = s.userFeedback;
      pendingRevision = s.pendingRevision;
      conversation = s.conversation;
      promptHistory = s.promptHistory;
      videoJobId = s.videoJobId;
      finalVideoKey = s.finalVideoKey;
      clipSeconds = s.clipSeconds;
      engineUsed = s.engineUsed;
      fallbackTriggered = s.fallbackTriggered;
      productionError = s.productionError;
      creditsCharged = s.creditsCharged;
      productionFailures = s.productionFailures;
      reviewError = s.reviewError;
      attemptCount = s.attemptCount;
      updatedAt = s.updatedAt;
      previewLicence = s.previewLicence;
    }

    Builder preview(String key, long seed) {
      previewKey = key;
      previewSeed = seed;
      return this;
    }

    Builder at(Instant now) {
      updatedAt = now;
      return this;
    }

    Scene build() {
      return new Scene(
          s.id,
          s.sequenceIndex,
          cinematographyPrompt,
          cameraMovement,
          lightingNotes,
          invariantToken,
          caption,
          previewKey,
          previewSeed,
          trafficLight,
          userFeedback,
          pendingRevision,
          conversation,
          promptHistory,
          videoJobId,
          finalVideoKey,
          clipSeconds,
          engineUsed,
          fallbackTriggered,
          productionError,
          creditsCharged,
          productionFailures,
          reviewError,
          attemptCount,
          s.createdAt,
          updatedAt,
          previewLicence);
    }
  }
}
