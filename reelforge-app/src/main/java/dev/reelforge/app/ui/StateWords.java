package dev.reelforge.app.ui;

import dev.reelforge.brand.TrafficLight;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.publish.TargetStatus;
import dev.reelforge.mediagen.engines.UserAction;
import dev.reelforge.story.session.SessionStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The words a creator reads for each state the dashboard shows: a run's, a stage's, a story's, a
 * brand upload's, a storyboard's and a scene's review light; and what to do about a failed media
 * job ({@link UserAction}). The API keeps the wire names ({@code clips_searched}); a badge says
 * "Visuals chosen". Every state has words (StateWordsTest), so a new state cannot reach a page as
 * its internal name.
 */
public final class StateWords {

  private static final Map<RunStatus, String> RUNS = new EnumMap<>(RunStatus.class);
  private static final Map<TaskStatus, String> STAGES = new EnumMap<>(TaskStatus.class);
  private static final Map<SessionStatus, String> STORIES = new EnumMap<>(SessionStatus.class);
  private static final Map<UserAction, String> ACTIONS = new EnumMap<>(UserAction.class);
  private static final Map<VisionStatus, String> VISION = new EnumMap<>(VisionStatus.class);
  private static final Map<DirectorStatus, String> BOARDS = new EnumMap<>(DirectorStatus.class);
  private static final Map<TrafficLight, String> LIGHTS = new EnumMap<>(TrafficLight.class);
  private static final Map<TargetStatus, String> TARGETS = new EnumMap<>(TargetStatus.class);

  static {
    RUNS.put(RunStatus.QUEUED, "Waiting to start");
    RUNS.put(RunStatus.RUNNING, "Making");
    RUNS.put(RunStatus.AWAITING_REVIEW, "Waiting for review");
    RUNS.put(RunStatus.SUCCEEDED, "Ready");
    RUNS.put(RunStatus.FAILED, "Failed");
    RUNS.put(RunStatus.CANCELLED, "Cancelled");

    STAGES.put(TaskStatus.BLOCKED, "Waiting");
    STAGES.put(TaskStatus.READY, "Up next");
    STAGES.put(TaskStatus.RUNNING, "Working");
    STAGES.put(TaskStatus.AWAITING_REVIEW, "Waiting for review");
    STAGES.put(TaskStatus.SUCCEEDED, "Done");
    STAGES.put(TaskStatus.DEAD, "Failed");
    STAGES.put(TaskStatus.CANCELLED, "Cancelled");

    STORIES.put(SessionStatus.DRAFT, "Draft");
    STORIES.put(SessionStatus.STORY_GENERATED, "Script written");
    STORIES.put(SessionStatus.PLANNED, "Shots planned");
    STORIES.put(SessionStatus.CLIPS_SEARCHED, "Visuals chosen");
    STORIES.put(SessionStatus.RENDERING, "Rendering");
    STORIES.put(SessionStatus.RENDERED, "Video ready");
    STORIES.put(SessionStatus.FAILED, "Render failed");
    STORIES.put(SessionStatus.CANCELLED, "Render cancelled");

    ACTIONS.put(UserAction.RETRY, "Try again in a little while: the same request may pass then.");
    ACTIONS.put(
        UserAction.CONTACT_SUPPORT,
        "Nothing to change on your side: tell the people who run this server.");
    ACTIONS.put(UserAction.CHANGE_ENGINE, "Try again with another engine.");
    ACTIONS.put(UserAction.CHANGE_PROMPT, "Change the prompt or the pictures, then try again.");

    VISION.put(VisionStatus.PENDING, "Waiting to start");
    VISION.put(VisionStatus.ANALYZING, "Analysing");
    VISION.put(VisionStatus.COMPLETED, "Analysed");
    VISION.put(VisionStatus.FLAGGED, "Flagged");
    VISION.put(VisionStatus.FAILED, "Analysis failed");

    BOARDS.put(DirectorStatus.SCRIPTING, "Writing the scenes");
    BOARDS.put(DirectorStatus.PREVIEW_GENERATION, "Making previews");
    BOARDS.put(DirectorStatus.REVIEW, "Waiting for your review");
    BOARDS.put(DirectorStatus.RENDERING, "In production");
    BOARDS.put(DirectorStatus.COMPLETED, "Videos ready");
    BOARDS.put(DirectorStatus.FAILED, "Failed");

    LIGHTS.put(TrafficLight.PENDING, "To review");
    LIGHTS.put(TrafficLight.GREEN, "Approved");
    LIGHTS.put(TrafficLight.YELLOW, "Being adjusted");
    LIGHTS.put(TrafficLight.RED, "Being re-rolled");

    TARGETS.put(TargetStatus.SCHEDULED, "Scheduled");
    TARGETS.put(TargetStatus.QUEUED, "Waiting to start");
    TARGETS.put(TargetStatus.UPLOADING, "Uploading");
    TARGETS.put(TargetStatus.PROCESSING, "Processing on the platform");
    TARGETS.put(TargetStatus.DEFERRED, "Waiting for the quota");
    TARGETS.put(TargetStatus.PUBLISHED, "Published");
    TARGETS.put(TargetStatus.FAILED, "Failed");
    TARGETS.put(TargetStatus.CANCELLED, "Cancelled");
  }

  private StateWords() {}

  public static String of(RunStatus status) {
    return RUNS.get(status);
  }

  public static String of(TaskStatus status) {
    return STAGES.get(status);
  }

  public static String of(SessionStatus status) {
    return STORIES.get(status);
  }

  public static String of(UserAction action) {
    return ACTIONS.get(action);
  }

  /** A brand upload's analysis. */
  public static String of(VisionStatus status) {
    return VISION.get(status);
  }

  /** A director storyboard's workflow. */
  public static String of(DirectorStatus status) {
    return BOARDS.get(status);
  }

  /** A storyboard scene's review light. */
  public static String of(TrafficLight light) {
    return LIGHTS.get(light);
  }

  /** A publication target's (one platform of a publication). */
  public static String of(TargetStatus status) {
    return TARGETS.get(status);
  }
}
