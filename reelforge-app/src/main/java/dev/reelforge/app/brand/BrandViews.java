package dev.reelforge.app.brand;

import dev.reelforge.brand.BrandJson;
import dev.reelforge.brand.BrandVideos;
import dev.reelforge.brand.DirectorState;
import dev.reelforge.brand.ModerationHold;
import dev.reelforge.brand.Scene;
import dev.reelforge.brand.StyleReferenceRecord;
import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.StylePreset;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The brand director's answers in seed 001's snake_case field names: vision jobs ({@code
 * vision_jobs} with the analysis), storyboards ({@code vision_job_video_prompts}), scenes ({@code
 * SceneData}) and the whole state ({@code director.getState}). Files are stored as blob keys; here
 * each becomes a signed link, and a file that is gone (past its retention) becomes no link. Null
 * values are left out of the JSON answer, as everywhere in the API.
 */
@Component
final class BrandViews {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlobBrandFiles files;
  private final JobService jobs;

  BrandViews(BlobBrandFiles files, JobService jobs) {
    this.files = files;
    this.jobs = jobs;
  }

  /** A vision job (seed 001 §3 {@code vision_jobs}) with its analysis and style reference. */
  Map<String, Object> visionJob(VisionJob job) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", job.id().toString());
    view.put("status", job.status().wire());
    view.put("original_filename", job.originalFilename());
    view.put("stored_filename", job.storedFilename());
    view.put("mime_type", job.mimeType());
    view.put("file_size", job.fileSize());
    view.put("file_hash", job.fileHash());
    view.put("image_url", link(job.imageKey()));
    view.put("style_reference_url", job.styleReferenceKey().map(this::link).orElse(null));
    view.put(
        "style_reference",
        job.styleReferenceJson()
            .map(json -> styleReference(BrandJson.read(json, StyleReferenceRecord.class)))
            .orElse(null));
    view.put("brand_essence_prompt", job.brandEssencePrompt().orElse(null));
    Optional<Scores> scores = job.scores();
    view.put("physics_score", scores.map(Scores::physics).orElse(null));
    view.put("vibe_score", scores.map(Scores::vibe).orElse(null));
    view.put("logic_score", scores.map(Scores::logic).orElse(null));
    view.put("integrity_score", scores.map(Scores::integrity).orElse(null));
    view.put("flagged_reason", job.flaggedReason().orElse(null));
    view.put("error_message", job.errorMessage().orElse(null));
    view.put("retry_count", job.retryCount());
    view.put(
        "analysis",
        job.analysisJson()
            .map(json -> analysis(BrandJson.read(json, BrandAnalysis.class)))
            .orElse(null));
    view.put("run_id", job.runId().map(UUID::toString).orElse(null));
    view.put("created_at", job.createdAt().toString());
    view.put("updated_at", job.updatedAt().toString());
    view.put("processed_at", job.processedAt().map(Instant::toString).orElse(null));
    return view;
  }

  /** Seed 001 §2's {@code StyleReference}, files as links. */
  private Map<String, Object> styleReference(StyleReferenceRecord record) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("original_url", link(record.originalKey()));
    view.put("style_reference_url", link(record.styleReferenceKey()));
    view.put("brand_essence_prompt", record.brandEssencePrompt());
    view.put("color_palette", record.colorPalette());
    view.put("invariant_elements", record.invariantElements());
    Map<String, Object> processing = new LinkedHashMap<>();
    processing.put("method", record.processing().method());
    processing.put("strength", record.processing().strength());
    processing.put("seed", record.processing().seed());
    processing.put("provider", record.processing().provider());
    view.put("processing", processing);
    return view;
  }

  /** What the analyser measured: the facts behind the scores. */
  private static Map<String, Object> analysis(BrandAnalysis analysis) {
    Map<String, Object> view = new LinkedHashMap<>();
    List<Map<String, Object>> palette = new ArrayList<>();
    for (BrandAnalysis.PaletteColour colour : analysis.palette()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("hex", colour.hex());
      row.put("share", colour.share());
      row.put("role", colour.role().name().toLowerCase(Locale.ROOT));
      palette.add(row);
    }
    view.put("palette", palette);
    BrandAnalysis.Look look = analysis.look();
    view.put(
        "look",
        ordered(
            "brightness", look.brightness(),
            "contrast", look.contrast(),
            "saturation", look.saturation(),
            "colourfulness", look.colourfulness()));
    view.put(
        "texture",
        ordered(
            "edge_density", analysis.texture().edgeDensity(),
            "texture_density", analysis.texture().textureDensity()));
    BrandAnalysis.TextPresence text = analysis.text();
    view.put(
        "text",
        ordered(
            "present", text.present(),
            "text", text.text(),
            "coverage", text.coverage(),
            "reader", text.reader()));
    BrandAnalysis.Quality quality = analysis.quality();
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("width", quality.width());
    q.put("height", quality.height());
    q.put("sharpness", quality.sharpness());
    q.put("blockiness", quality.blockiness());
    q.put("resolution", quality.resolution());
    view.put("quality", q);
    view.put("invariant_elements", analysis.invariantElements());
    view.put("analyzer", analysis.analyzer());
    return view;
  }

  /** A storyboard's own fields (seed 001 §3 {@code vision_job_video_prompts}). */
  Map<String, Object> storyboard(Storyboard board) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", board.id().toString());
    view.put("job_id", board.jobId().toString());
    view.put("status", board.status().wire());
    view.put("production_engine", board.productionEngine());
    view.put("routing_reason", board.routingReason());
    view.put("style_preset", board.stylePreset().orElse(null));
    view.put("credits_used", board.creditsUsed());
    view.put("error_message", board.errorMessage().orElse(null));
    view.put("run_id", board.runId().map(UUID::toString).orElse(null));
    view.put("created_at", board.createdAt().toString());
    view.put("updated_at", board.updatedAt().toString());
    view.put("completed_at", board.completedAt().map(Instant::toString).orElse(null));
    return view;
  }

  /**
   * Seed 001's {@code getState}: the storyboard, its scenes, the storyboard-wide conversation, the
   * finished videos, the vision job it was made from and its run's progress.
   */
  Map<String, Object> state(DirectorState state) {
    Map<String, Object> view = storyboard(state.storyboard());
    view.put("all_green", state.allGreen());
    view.put("scenes", state.scenes().stream().map(this::scene).toList());
    view.put("conversation_history", conversation(state.storyboard().conversationJson()));
    view.put("videos", videos(state.result()));
    view.put("job", visionJob(state.job()));
    view.put("run", state.run().map(this::run).orElse(null));
    view.put("moderation", state.moderation().map(BrandViews::moderation).orElse(null));
    return view;
  }

  /** Why the moderation gate holds the storyboard: an operator answers it, not the owner. */
  private static Map<String, Object> moderation(ModerationHold hold) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", "awaiting_operator");
    view.put("policy", hold.policy());
    view.put(
        "findings",
        hold.findings().stream()
            .map(
                f ->
                    ordered(
                        "item", f.item(),
                        "category", f.category(),
                        "severity", f.severity().name().toLowerCase(java.util.Locale.ROOT),
                        "reason", f.reason()))
            .toList());
    return view;
  }

  /** One scene (seed 001 §3 {@code SceneData}) with its review and production. */
  Map<String, Object> scene(Scene scene) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", scene.id().toString());
    view.put("sequence_index", scene.sequenceIndex());
    view.put("cinematography_prompt", scene.cinematographyPrompt());
    view.put("camera_movement", scene.cameraMovement());
    view.put("lighting_notes", scene.lightingNotes());
    view.put("invariant_token", scene.invariantToken());
    view.put("caption", scene.caption());
    view.put("preview_image_url", scene.previewKey() == null ? null : link(scene.previewKey()));
    view.put("preview_seed", scene.previewSeed());
    view.put("traffic_light", scene.trafficLight().name());
    view.put("user_feedback", scene.userFeedback());
    view.put("revising", scene.pendingRevision() != null);
    view.put("final_video_url", scene.finalVideoKey() == null ? null : link(scene.finalVideoKey()));
    view.put("clip_seconds", scene.clipSeconds());
    view.put("engine_used", scene.engineUsed());
    view.put("fallback_triggered", scene.fallbackTriggered());
    view.put("production_error", scene.productionError());
    view.put("review_error", scene.reviewError());
    view.put("video_job_id", scene.videoJobId());
    view.put("credits_charged", scene.creditsCharged());
    view.put("attempt_count", scene.attemptCount());
    List<Map<String, Object>> messages = new ArrayList<>();
    for (YellowContext.Message message : scene.conversation()) {
      messages.add(
          ordered(
              "role", message.role(),
              "content", message.content(),
              "timestamp", message.timestamp().toString()));
    }
    view.put("conversation_history", messages);
    List<Map<String, Object>> prompts = new ArrayList<>();
    for (YellowContext.PromptAttempt attempt : scene.promptHistory()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("prompt", attempt.prompt());
      row.put("result_url", attempt.resultUrl() == null ? null : link(attempt.resultUrl()));
      row.put("feedback", attempt.feedback());
      prompts.add(row);
    }
    view.put("prompt_history", prompts);
    view.put("created_at", scene.createdAt() == null ? null : scene.createdAt().toString());
    view.put("updated_at", scene.updatedAt() == null ? null : scene.updatedAt().toString());
    return view;
  }

  /** Every scene's turns in time order, each naming its scene (seed 001's column). */
  private static List<Map<String, Object>> conversation(String json) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode entry : JSON.readTree(json)) {
      rows.add(
          ordered(
              "scene_id", entry.path("scene_id").asString(),
              "role", entry.path("role").asString(),
              "content", entry.path("content").asString(),
              "timestamp", entry.path("timestamp").asString()));
    }
    return rows;
  }

  /** The finished brand videos, one per shape. */
  private List<Map<String, Object>> videos(Optional<BrandVideos> result) {
    List<Map<String, Object>> videos = new ArrayList<>();
    for (BrandVideos.Video video : result.map(BrandVideos::videos).orElse(List.of())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("preset", video.preset());
      row.put("aspect_ratio", video.aspectRatio());
      row.put("width", video.width());
      row.put("height", video.height());
      row.put("video_url", link(video.videoKey()));
      row.put("thumbnail_url", link(video.thumbnailKey()));
      row.put("duration_ms", video.durationMillis());
      row.put("bytes", video.bytes());
      videos.add(row);
    }
    return videos;
  }

  /** The run behind the storyboard: its status, current stage and that stage's progress. */
  private Map<String, Object> run(RunRecord run) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", run.id().toString());
    view.put("status", run.status().wireName());
    view.put("stage", run.currentStage().orElse(null));
    Optional<TaskRecord> current =
        run.currentStage()
            .flatMap(
                stage ->
                    jobs.tasks(run.id()).stream().filter(t -> t.stage().equals(stage)).findFirst());
    view.put("progress", current.map(TaskRecord::progress).orElse(null));
    view.put("message", current.flatMap(TaskRecord::progressMessage).orElse(null));
    view.put("error", run.error().map(JobError::message).orElse(null));
    return view;
  }

  /** A style preset (seed 001 {@code style_presets}). */
  static Map<String, Object> stylePreset(StylePreset preset) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", preset.id());
    view.put("name", preset.name());
    view.put("description", preset.description());
    view.put("prompt_layer", preset.promptLayer());
    view.put("category", preset.category());
    view.put("premium", preset.premium());
    view.put("sort_order", preset.sortOrder());
    return view;
  }

  /** A signed link to a stored file, or null once the file is gone (past its retention). */
  private String link(String key) {
    try {
      return files.link(key);
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
