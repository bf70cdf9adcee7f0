package dev.reelforge.app.ui;

import dev.reelforge.app.clips.ClipViews;
import dev.reelforge.app.clips.VideoUploads;
import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.clips.Clips;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipSource.SourceStatus;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.render.CaptionStyles;
import dev.reelforge.core.render.RenderPreset;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Long video → clips from the dashboard, through the same services as the API ({@link Clips},
 * {@link VideoUploads}, {@link ClipViews}: the same checks, admission and audit entries): the
 * caller's sources with an upload form, and a source's page — its probe, the analysis followed live
 * (htmx re-reads its panel every 2 s and reloads the page once it ended), a timeline of the
 * candidates, each candidate's card with a preview and keep, discard, re-trim and framing, the
 * export form and the exports followed live with their downloads. Another user's source is a 404
 * page.
 */
@Controller
public class ClipsPagesController {

  private static final int LISTED = 100;

  private final Clips clips;
  private final ClipViews views;
  private final VideoUploads uploads;
  private final RecentForms forms;
  private final Audit audit;

  ClipsPagesController(
      Clips clips, ClipViews views, VideoUploads uploads, RecentForms forms, Audit audit) {
    this.clips = clips;
    this.views = views;
    this.uploads = uploads;
    this.forms = forms;
    this.audit = audit;
  }

  @GetMapping("/ui/clips")
  String list(Model model) {
    return list(RequestOwner.current(), Map.of(), model);
  }

  /** The upload form: checked, probed and stored; the browser goes on to the source's page. */
  @PostMapping("/ui/clips")
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "transcript", required = false) MultipartFile transcript,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    try {
      ClipSource source = uploads.fromMultipart(owner, file, transcript);
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("name", source.name());
      after.put("sizeBytes", source.sizeBytes());
      after.put("durationMs", source.probe().durationMillis());
      audit.record("clips.source", "clip_source", source.id().toString(), null, after);
      return "redirect:/ui/clips/" + source.id();
    } catch (ReelForgeException e) {
      response.setStatus(e.code().httpStatus());
      return list(owner, placed(e, List.of("file", "transcript")), model);
    }
  }

  @GetMapping("/ui/clips/{id}")
  String page(@PathVariable String id, Model model) {
    fill(own(id), Map.of(), model);
    return "ui/clip-source";
  }

  /**
   * The analysis panel alone, for htmx's polling; once the analysis has ended the whole page is
   * reloaded ({@code HX-Refresh}), since the candidates, timeline and export form change with it.
   */
  @GetMapping("/ui/clips/{id}/analysis")
  String analysisPanel(@PathVariable String id, Model model, HttpServletResponse response) {
    ClipSource source = own(id);
    fill(source, Map.of(), model);
    if (source.status() != SourceStatus.ANALYSING) {
      response.setHeader("HX-Refresh", "true");
    }
    return "ui/clip-source :: analysis";
  }

  /** The exports panel alone, re-read every 2 s while an export runs. */
  @GetMapping("/ui/clips/{id}/exports")
  String exportsPanel(@PathVariable String id, Model model) {
    fill(own(id), Map.of(), model);
    return "ui/clip-source :: exports";
  }

  /** Starts an analysis with the form's clip lengths and count. */
  @PostMapping("/ui/clips/{id}/analyze")
  String analyze(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> posted,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    ClipSource source = own(id);
    try {
      Clips.AnalysisRequest d = Clips.AnalysisRequest.DEFAULT;
      long min = seconds(posted, "minSeconds", d.minMillis());
      long max = seconds(posted, "maxSeconds", d.maxMillis());
      int count = whole(posted, "count", d.maxCount());
      Clips.AnalysisRequest request =
          new Clips.AnalysisRequest(min, max, Math.min(d.minCount(), count), count);
      forms.once(
          owner,
          posted.getFirst("formKey"),
          () -> clips.analyze(owner, source.id(), request, Optional.empty()).id());
      return "redirect:/ui/clips/" + source.id();
    } catch (ReelForgeException e) {
      return refused(e, source, List.of("minSeconds", "maxSeconds", "count"), model, response);
    }
  }

  /**
   * Changes one candidate ({@code candidate}): {@code action} keep, discard or restore; trim with
   * {@code startSeconds}/{@code endSeconds}; frame with {@code framing} (auto, fit, crop) and
   * {@code centerX}.
   */
  @PostMapping("/ui/clips/{id}/candidates")
  String change(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> posted,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    ClipSource source = own(id);
    String candidate = text(posted, "candidate");
    UUID candidateId = Ids.parse(candidate, "Candidate");
    try {
      clips.change(owner, source.id(), candidateId, changeOf(posted));
      return "redirect:/ui/clips/" + source.id() + "#c-" + candidateId;
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
      response.setStatus(e.code().httpStatus());
      fill(source, Map.of("candidate:" + candidateId, trimRefusal(e)), model);
      return "ui/clip-source";
    }
  }

  /** Starts an export of the ticked candidates into the ticked presets. */
  @PostMapping("/ui/clips/{id}/export")
  String export(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> posted,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    ClipSource source = own(id);
    try {
      List<UUID> ids = new ArrayList<>();
      for (String candidate : posted.getOrDefault("candidateIds", List.of())) {
        ids.add(Ids.parse(candidate, "Candidate"));
      }
      if (ids.isEmpty()) {
        throw ReelForgeException.invalidField("candidateIds", "tick at least one clip to export");
      }
      List<String> presets = posted.getOrDefault("presets", List.of());
      if (presets.isEmpty()) {
        throw ReelForgeException.invalidField("presets", "tick at least one format");
      }
      String style = Optional.ofNullable(text(posted, "captionStyle")).orElse("");
      String quality = Optional.ofNullable(text(posted, "quality")).orElse("standard");
      Clips.ExportRequest request =
          new Clips.ExportRequest(
              ids, presets, style.isBlank() ? CaptionStyles.NAMES.getFirst() : style, quality);
      String key = posted.getFirst("formKey");
      ClipExport export =
          clips.exportClips(
              owner,
              source.id(),
              request,
              key == null || key.isBlank() ? Optional.empty() : Optional.of("ui-" + key.strip()));
      audit.record(
          "clips.export",
          "clip_export",
          export.id().toString(),
          null,
          Map.of("candidates", export.candidateIds().size(), "presets", export.presets()));
      return "redirect:/ui/clips/" + source.id() + "#exports";
    } catch (ReelForgeException e) {
      return refused(
          e,
          source,
          List.of("candidateIds", "presets", "captionStyle", "quality"),
          model,
          response);
    }
  }

  private String refused(
      ReelForgeException e,
      ClipSource source,
      List<String> fields,
      Model model,
      HttpServletResponse response) {
    if (e.code() == ErrorCode.RESOURCE_NOT_FOUND && e.violations().isEmpty()) {
      throw e;
    }
    response.setStatus(e.code().httpStatus());
    fill(source, placed(e, fields), model);
    return "ui/clip-source";
  }

  /** A refusal's words next to the fields it names; the rest above the forms ({@code form}). */
  private static Map<String, String> placed(ReelForgeException e, List<String> fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldViolation v : e.violations()) {
      String field = fields.contains(v.field()) ? v.field() : "form";
      errors.merge(field, sentence(v.message()), (a, b) -> a + " " + b);
    }
    if (errors.isEmpty()) {
      errors.put("form", sentence(e.getMessage()));
    }
    return errors;
  }

  /** A candidate's refusal in words, its fields named as the card names them. */
  private static String trimRefusal(ReelForgeException e) {
    if (e.violations().isEmpty()) {
      return sentence(e.getMessage());
    }
    List<String> said = new ArrayList<>();
    for (FieldViolation v : e.violations()) {
      String field =
          switch (v.field()) {
            case "startMs", "startSeconds" -> "the start ";
            case "endMs", "endSeconds" -> "the end: ";
            case "centerX" -> "the centre: ";
            default -> "";
          };
      said.add(sentence(field + v.message()));
    }
    return String.join(" ", said.stream().distinct().toList());
  }

  private static Clips.CandidateChange changeOf(MultiValueMap<String, String> posted) {
    String action = Optional.ofNullable(text(posted, "action")).orElse("");
    Optional<CandidateState> state = Optional.empty();
    Optional<Long> start = Optional.empty();
    Optional<Long> end = Optional.empty();
    Optional<Optional<ReframeOverride>> reframe = Optional.empty();
    switch (action.toLowerCase(Locale.ROOT)) {
      case "keep" -> state = Optional.of(CandidateState.KEPT);
      case "discard" -> state = Optional.of(CandidateState.DISCARDED);
      case "restore" -> state = Optional.of(CandidateState.PROPOSED);
      case "trim" -> {
        start = Optional.of(seconds(posted, "startSeconds", -1));
        end = Optional.of(seconds(posted, "endSeconds", -1));
      }
      case "framing" -> reframe = Optional.of(framing(posted));
      default ->
          throw ReelForgeException.invalidField(
              "action", "use keep, discard, restore, trim or framing");
    }
    return new Clips.CandidateChange(state, start, end, reframe);
  }

  private static Optional<ReframeOverride> framing(MultiValueMap<String, String> posted) {
    String mode = Optional.ofNullable(text(posted, "framing")).orElse("");
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "auto" -> Optional.empty();
      case "fit" -> Optional.of(ReframeOverride.fit());
      case "crop" -> {
        double centre = number(posted, "centerX", Double.NaN);
        if (!(centre >= 0 && centre <= 1)) {
          throw ReelForgeException.invalidField(
              "centerX", "the crop's centre lies from 0 (left) to 1 (right)");
        }
        yield Optional.of(ReframeOverride.cropAt(centre));
      }
      default -> throw ReelForgeException.invalidField("framing", "choose auto, fit or crop");
    };
  }

  private void fill(ClipSource source, Map<String, String> errors, Model model) {
    Map<String, Object> view = views.source(source);
    String video = (String) view.get("video");
    List<ClipCandidate> candidates = clips.candidates(source.ownerId(), source.id());
    List<ClipCards.CandidateCard> cards =
        candidates.stream().map(c -> ClipCards.CandidateCard.of(c, source, video)).toList();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> exports =
        ((List<Map<String, Object>>) view.get("exports")).stream().map(this::worded).toList();
    @SuppressWarnings("unchecked")
    Map<String, Object> analysis =
        view.get("analysis") instanceof Map<?, ?> run ? worded((Map<String, Object>) run) : null;
    model.addAttribute("source", ClipCards.SourceRow.of(source));
    model.addAttribute("facts", ClipCards.facts(source));
    model.addAttribute("video", video);
    model.addAttribute("analysing", source.status() == SourceStatus.ANALYSING);
    model.addAttribute("analysis", analysis);
    model.addAttribute("candidates", cards);
    model.addAttribute("timeline", ClipCards.TIMELINE);
    model.addAttribute("sourceLength", ClipCards.clock(source.probe().durationMillis()));
    model.addAttribute(
        "canExport", source.status() == SourceStatus.ANALYSED && !candidates.isEmpty());
    model.addAttribute("exports", exports);
    model.addAttribute("exportsLive", exports.stream().anyMatch(e -> (boolean) e.get("live")));
    model.addAttribute("presets", Arrays.asList(RenderPreset.values()));
    model.addAttribute("captionStyles", CaptionStyles.NAMES);
    model.addAttribute("limits", clips.limits());
    model.addAttribute("defaults", Clips.AnalysisRequest.DEFAULT);
    model.addAttribute("errors", errors);
    model.addAttribute("formKey", UUID.randomUUID().toString());
  }

  /** A run's map (or an export's, holding one) with its state in words and whether it is live. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> worded(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    Map<String, Object> run =
        map.get("run") instanceof Map<?, ?> inner ? (Map<String, Object>) inner : copy;
    RunStatus status = RunStatus.valueOf(((String) run.get("status")).toUpperCase(Locale.ROOT));
    copy.put("status", run.get("status"));
    copy.put("statusWords", StateWords.of(status));
    copy.put("live", !status.isTerminal());
    copy.put("percent", Math.round(((Number) run.get("progress")).doubleValue() * 100));
    copy.put("stage", run.getOrDefault("stage", ""));
    copy.put("message", run.getOrDefault("message", ""));
    copy.put(
        "error",
        run.get("error") instanceof Map<?, ?> error ? String.valueOf(error.get("message")) : "");
    return copy;
  }

  private String list(UUID owner, Map<String, String> errors, Model model) {
    model.addAttribute(
        "sources", clips.sources(owner, LISTED).stream().map(ClipCards.SourceRow::of).toList());
    model.addAttribute("errors", errors);
    model.addAttribute("limits", clips.limits());
    return "ui/clips";
  }

  private ClipSource own(String id) {
    return clips.source(RequestOwner.current(), Ids.parse(id, "Source"));
  }

  private static String text(MultiValueMap<String, String> posted, String field) {
    String value = posted.getFirst(field);
    return value == null ? null : value.strip();
  }

  /** A seconds field as milliseconds; {@code fallback} (in milliseconds) when left empty. */
  private static long seconds(MultiValueMap<String, String> posted, String field, long fallback) {
    double value = number(posted, field, Double.NaN);
    if (Double.isNaN(value)) {
      if (fallback < 0) {
        throw ReelForgeException.invalidField(field, "give a number of seconds");
      }
      return fallback;
    }
    return Math.round(value * 1000);
  }

  private static int whole(MultiValueMap<String, String> posted, String field, int fallback) {
    double value = number(posted, field, fallback);
    if (value != Math.rint(value)) {
      throw ReelForgeException.invalidField(field, "give a whole number");
    }
    return (int) value;
  }

  private static double number(MultiValueMap<String, String> posted, String field, double empty) {
    String value = text(posted, field);
    if (value == null || value.isEmpty()) {
      return empty;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (!Double.isFinite(parsed) || Math.abs(parsed) > 1e7) {
        throw new NumberFormatException(value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ReelForgeException.invalidField(field, "'" + value + "' is not a number");
    }
  }

  private static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    String s = message.strip();
    s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return s.endsWith(".") ? s : s + ".";
  }
}
