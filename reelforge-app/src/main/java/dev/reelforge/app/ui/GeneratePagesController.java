package dev.reelforge.app.ui;

import dev.reelforge.app.media.OwnMediaJobs;
import dev.reelforge.app.storage.NamedDownloads;
import dev.reelforge.app.web.IdempotencyFilter;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.engines.VideoEngines;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Generate page: a prompt made into a picture or a clip (from one of one's pictures or a link)
 * through the same service as the media API ({@link OwnMediaJobs}: the same checks, quota and
 * credits), the job followed live (htmx re-reads its panel every second while it is waiting or
 * running) and, once done, shown with its download; below, a gallery of one's outputs. Another
 * user's job is a 404 page.
 */
@Controller
public class GeneratePagesController {

  /** How many outputs the gallery shows, and how many pictures the start-picture list offers. */
  static final int GALLERY = 24;

  private final OwnMediaJobs media;
  private final VideoEngines engines;
  private final NamedDownloads downloads;

  GeneratePagesController(OwnMediaJobs media, VideoEngines engines, NamedDownloads downloads) {
    this.media = media;
    this.engines = engines;
    this.downloads = downloads;
  }

  /** The form; {@code start} preselects a clip from that picture ("Make a clip" on a picture). */
  @GetMapping("/ui/generate")
  String page(@RequestParam(name = "start", required = false) String start, Model model) {
    GenerateForm form = GenerateForm.defaults(engines.defaultEngine().orElse(""));
    if (start != null && Ids.isUuid(start)) {
      form = form.startingFrom(start);
    }
    return page(RequestOwner.current(), form, Map.of(), model);
  }

  @PostMapping("/ui/generate")
  String start(
      GenerateForm form,
      @RequestHeader HttpHeaders headers,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    Optional<String> key = IdempotencyFilter.key(headers::getFirst);
    try {
      RunRecord run =
          form.isVideo()
              ? media.startVideo(owner, form.video(), key)
              : media.startImage(owner, form.image(), key);
      return "redirect:/ui/generate/jobs/" + run.id();
    } catch (ReelForgeException e) {
      response.setStatus(e.code().httpStatus());
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldViolation violation : e.violations()) {
        errors.put(form.fieldOf(violation.field()), sentence(violation.message()));
      }
      if (errors.isEmpty()) {
        // Not a field's fault (a quota, the credits): said above the form.
        model.addAttribute("error", e.getMessage());
      }
      return page(owner, form, errors, model);
    }
  }

  @GetMapping("/ui/generate/jobs/{id}")
  String job(@PathVariable String id, Model model) {
    UUID owner = RequestOwner.current();
    JobView job = jobView(media.job(owner, Ids.parse(id, "Job")));
    model.addAttribute("job", job);
    GenerateForm form =
        GenerateForm.defaults(engines.defaultEngine().orElse("")).again(job.kind(), job.prompt());
    return page(owner, form, Map.of(), model);
  }

  /**
   * The job's panel alone, for htmx's polling; once the job has ended, the gallery comes with it
   * (swapped out of band) so that the new output is there without a reload.
   */
  @GetMapping("/ui/generate/jobs/{id}/panel")
  String panel(@PathVariable String id, Model model) {
    UUID owner = RequestOwner.current();
    JobView job = jobView(media.job(owner, Ids.parse(id, "Job")));
    model.addAttribute("job", job);
    if (job.finished()) {
      model.addAttribute("galleryOob", true);
      model.addAttribute("gallery", gallery(media.recent(owner, GALLERY)));
    }
    return "ui/generate :: panel";
  }

  private String page(UUID owner, GenerateForm form, Map<String, String> errors, Model model) {
    List<RunRecord> recent = media.recent(owner, GALLERY);
    List<JobView> outputs = gallery(recent);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("gallery", outputs);
    model.addAttribute(
        "pictures",
        outputs.stream()
            .filter(j -> j.kind().equals(MediaJobs.IMAGE))
            .map(j -> new StoryPagesController.Option(j.id(), j.label()))
            .toList());
    model.addAttribute("engines", List.copyOf(engines.names()));
    model.addAttribute("defaultEngine", engines.defaultEngine().orElse(""));
    return "ui/generate";
  }

  private List<JobView> gallery(List<RunRecord> recent) {
    List<JobView> outputs = new ArrayList<>();
    for (RunRecord run : recent) {
      if (run.status() == RunStatus.SUCCEEDED) {
        outputs.add(jobView(run));
      }
    }
    return outputs;
  }

  private JobView jobView(RunRecord run) {
    return JobView.of(run, media.view(run), downloads);
  }

  private static String sentence(String message) {
    String text = message.endsWith(".") ? message : message + ".";
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
