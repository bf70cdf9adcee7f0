package dev.reelforge.core.brand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The director's storyboard for one vision job (seed 001 §3 {@code vision_job_video_prompts}).
 * Scenes, conversations and the finished videos are JSON in the brand module's shape; the store
 * keeps them as they are.
 *
 * @param id the storyboard's id
 * @param jobId its vision job
 * @param ownerId the vision job's owner
 * @param runId the storyboard's run on the job engine
 * @param productionEngine {@code KLING}, {@code LUMA} or {@code GEMINI_PRO}
 * @param routingReason why that engine
 * @param status the workflow state
 * @param stylePreset the chosen preset's id; empty for none
 * @param scenesJson seed 001's {@code scenes_data} (a JSON array)
 * @param conversationJson seed 001's {@code conversation_history} (a JSON array)
 * @param resultJson the finished videos (JSON); empty until completed
 * @param creditsUsed credits charged for production, net of refunds
 * @param errorMessage why it failed
 * @param version the optimistic-lock version, from 1
 * @param createdAt when made
 * @param updatedAt last change
 * @param completedAt when it completed or failed
 */
public record Storyboard(
    UUID id,
    UUID jobId,
    UUID ownerId,
    Optional<UUID> runId,
    String productionEngine,
    String routingReason,
    DirectorStatus status,
    Optional<String> stylePreset,
    String scenesJson,
    String conversationJson,
    Optional<String> resultJson,
    BigDecimal creditsUsed,
    Optional<String> errorMessage,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> completedAt) {

  public Storyboard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(scenesJson, "scenesJson");
    Objects.requireNonNull(conversationJson, "conversationJson");
    Objects.requireNonNull(creditsUsed, "creditsUsed");
  }
}
