package dev.reelforge.app.ui;

import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.TargetStatus;
import dev.reelforge.publish.Publications;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * Publishing from the dashboard, through the same service as the API ({@link Publications}: the
 * same checks, licence gate and audit entries): the Publish form of a finished run's page, the
 * caller's publications, one publication followed live (htmx re-reads its panel every 2 s while a
 * target is unfinished) with copy editing, retry and cancel, and the calendar of scheduled and
 * deferred posts. Another user's publication is a 404 page; operators read (and retry) anyone's, as
 * through the API.
 */
@Controller
public class PublishPagesController {

  private static final int LISTED = 100;
  private static final Duration CALENDAR_AHEAD = Duration.ofDays(30);

  /** Deferred and overdue posts of the last day still show: they are about to go up. */
  private static final Duration CALENDAR_BEHIND = Duration.ofDays(1);

  private final Publications publications;
  private final PublishPanels panels;
  private final PublicationCards cards;
  private final JobService jobs;
  private final RecentForms forms;
  private final Audit audit;
  private final Clock clock;

  PublishPagesController(
      Publications publications,
      PublishPanels panels,
      PublicationCards cards,
      JobService jobs,
      RecentForms forms,
      Audit audit,
      Clock clock) {
    this.publications = publications;
    this.panels = panels;
    this.cards = cards;
    this.jobs = jobs;
    this.forms = forms;
    this.audit = audit;
    this.clock = clock;
  }

  @PostMapping("/ui/runs/{id}/publish")
  String publish(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> posted,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    RunRecord run = ownRun(owner, id);
    PublishForm form = PublishForm.read(posted);
    try {
      UUID made =
          forms.once(
              owner,
              form.formKey(),
              () -> {
                Publication publication = publications.publish(owner, form.request(run.id()));
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("runId", publication.runId().toString());
                after.put("format", publication.format());
                after.put(
                    "platforms",
                    publication.targets().stream().map(t -> t.platform().key()).toList());
                audit.record(
                    "publication.create", "publication", publication.id().toString(), null, after);
                return publication.id();
              });
      return "redirect:/ui/publications/" + made;
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
      response.setStatus(e.code().httpStatus());
      Map<String, String> errors = new LinkedHashMap<>();
      List<String> unplaced = new ArrayList<>();
      for (FieldViolation violation : e.violations()) {
        String field = form.fieldOf(violation.field());
        if (field.isEmpty()) {
          unplaced.add(PublishWords.sentence(violation.message()));
        } else {
          errors.merge(field, PublishWords.sentence(violation.message()), (a, b) -> a + " " + b);
        }
      }
      if (errors.isEmpty()) {
        // Not a field's fault (the licence gate, an unfinished run): said above the form.
        model.addAttribute(
            "error", unplaced.isEmpty() ? e.getMessage() : String.join(" ", unplaced));
      }
      // A fresh key: the refused post kept nothing, the corrected one is a new attempt.
      PublishForm again =
          new PublishForm(
              form.format(),
              form.platforms(),
              form.accounts(),
              form.privacy(),
              form.scheduleAt(),
              form.timeZone(),
              form.title(),
              form.description(),
              form.hashtags(),
              UUID.randomUUID().toString());
      panels.fill(owner, run, Optional.of(again), errors, model);
      model.addAttribute("run", RunRow.of(run));
      return "ui/publish";
    }
  }

  /** The caller's publications, newest first; of one run with {@code runId}. */
  @GetMapping("/ui/publications")
  String list(@RequestParam(name = "runId", required = false) String runId, Model model) {
    UUID owner = RequestOwner.current();
    Optional<UUID> run =
        runId == null || runId.isBlank() ? Optional.empty() : Optional.of(Ids.parse(runId, "Run"));
    model.addAttribute(
        "publications",
        publications.publications(owner, run, LISTED).stream()
            .map(p -> cards.card(p, true))
            .toList());
    model.addAttribute("runFilter", run.map(r -> ownRun(owner, r.toString())).map(RunRow::of));
    return "ui/publications";
  }

  /** Scheduled and deferred posts of the next 30 days by day; operators may see everyone's. */
  @GetMapping("/ui/publications/calendar")
  String calendar(@RequestParam(name = "all", defaultValue = "false") String all, Model model) {
    boolean everyone = Boolean.parseBoolean(all) && VisibleRuns.callerCan(Permission.OPERATE_RUNS);
    Instant now = clock.instant();
    List<PublicationTarget> due =
        publications.calendar(
            everyone ? Optional.empty() : Optional.of(RequestOwner.current()),
            now.minus(CALENDAR_BEHIND),
            now.plus(CALENDAR_AHEAD));
    Map<String, List<PublicationCards.CalendarEntry>> days = new LinkedHashMap<>();
    due.stream()
        // A cancelled post will not go up: it has no place in what is coming.
        .filter(t -> t.status() != TargetStatus.CANCELLED)
        .map(cards::entry)
        .sorted(java.util.Comparator.comparing(PublicationCards.CalendarEntry::at))
        .forEach(
            e -> days.computeIfAbsent(PublishWords.day(e.at()), d -> new ArrayList<>()).add(e));
    model.addAttribute("days", days);
    model.addAttribute("everyone", everyone);
    return "ui/calendar";
  }

  @GetMapping("/ui/publications/{id}")
  String page(@PathVariable String id, Model model) {
    card(visible(id), Map.of(), model);
    return "ui/publication";
  }

  @GetMapping("/ui/publications/{id}/panel")
  String panel(@PathVariable String id, Model model) {
    card(visible(id), Map.of(), model);
    return "ui/publication :: panel";
  }

  /** Replaces one target's copy while it has not gone up. */
  @PostMapping("/ui/publications/{id}/targets/{targetId}/copy")
  String editCopy(
      @PathVariable String id,
      @PathVariable String targetId,
      @RequestParam MultiValueMap<String, String> posted,
      Model model,
      HttpServletResponse response) {
    UUID owner = RequestOwner.current();
    Publication publication = publications.publication(owner, Ids.parse(id, "Publication"));
    UUID target = Ids.parse(targetId, "Publication target");
    String locale =
        publication.targets().stream()
            .filter(t -> t.id().equals(target))
            .findFirst()
            .orElseThrow(() -> ReelForgeException.notFound("Publication target", target))
            .metadata()
            .locale();
    PostMetadata copy =
        new PostMetadata(
            Optional.ofNullable(posted.getFirst("title")).orElse(""),
            Optional.ofNullable(posted.getFirst("description")).orElse(""),
            PublishForm.hashtagList(Optional.ofNullable(posted.getFirst("hashtags")).orElse("")),
            locale);
    try {
      publications.editCopy(owner, publication.id(), target, copy);
      audit.record(
          "publication.edit",
          "publication-target",
          target.toString(),
          null,
          Map.of(
              "title",
              copy.title(),
              "description",
              copy.description(),
              "hashtags",
              copy.hashtags()));
      return "redirect:/ui/publications/" + publication.id();
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
      response.setStatus(e.code().httpStatus());
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldViolation violation : e.violations()) {
        String field = violation.field().replaceFirst("^metadata\\.", "");
        errors.merge(
            target + ":" + field,
            PublishWords.sentence(violation.message()),
            (a, b) -> a + " " + b);
      }
      if (errors.isEmpty()) {
        model.addAttribute("error", e.getMessage());
      }
      model.addAttribute("typedTarget", target.toString());
      model.addAttribute("typed", copy);
      card(publications.publication(owner, publication.id()), errors, model);
      return "ui/publication";
    }
  }

  /** Tries a failed target again; its upload resumes the same session. */
  @PostMapping("/ui/publications/{id}/targets/{targetId}/retry")
  String retry(
      @PathVariable String id,
      @PathVariable String targetId,
      Model model,
      HttpServletResponse response) {
    Publication publication = visible(id);
    UUID target = Ids.parse(targetId, "Publication target");
    try {
      publications.retry(publication.ownerId(), publication.id(), target, Caller.currentLabel());
      audit.record(
          "publication.retry",
          "publication-target",
          target.toString(),
          Map.of("status", "failed"),
          Map.of("status", "queued"));
      return "redirect:/ui/publications/" + publication.id();
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
      response.setStatus(e.code().httpStatus());
      model.addAttribute("error", e.getMessage());
      card(visible(id), Map.of(), model);
      return "ui/publication";
    }
  }

  /** Cancels the targets not finished yet; published ones stay published. */
  @PostMapping("/ui/publications/{id}/cancel")
  String cancel(@PathVariable String id) {
    Publication cancelled =
        publications.cancel(RequestOwner.current(), Ids.parse(id, "Publication"));
    audit.record("publication.cancel", "publication", cancelled.id().toString(), null, null);
    return "redirect:/ui/publications/" + cancelled.id();
  }

  private void card(Publication publication, Map<String, String> errors, Model model) {
    boolean own = publication.ownerId().equals(RequestOwner.current());
    model.addAttribute("publication", cards.card(publication, own));
    model.addAttribute("copyErrors", errors);
  }

  /** The caller's publication; anyone's for operators, as through the API. */
  private Publication visible(String id) {
    UUID publication = Ids.parse(id, "Publication");
    if (VisibleRuns.callerCan(Permission.OPERATE_RUNS)) {
      return publications.anyPublication(publication);
    }
    return publications.publication(RequestOwner.current(), publication);
  }

  /** The caller's own run: publishing someone else's is not found, operators included. */
  private RunRecord ownRun(UUID owner, String id) {
    UUID runId = Ids.parse(id, "Run");
    try {
      RunRecord run = jobs.run(runId);
      if (run.ownerId().equals(owner)) {
        return run;
      }
    } catch (ReelForgeException e) {
      // unknown: not found below
    }
    throw ReelForgeException.notFound("Run", runId);
  }
}
