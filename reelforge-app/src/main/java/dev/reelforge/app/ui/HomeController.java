package dev.reelforge.app.ui;

import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.story.session.StorySession;
import dev.reelforge.story.session.StorySessions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's front page: the viewer's videos and runs, newest first, and their credits. */
@Controller
public class HomeController {

  private static final int SHOWN = 25;

  private final StorySessions sessions;
  private final JobService jobs;
  private final CreditLedger credits;

  HomeController(StorySessions sessions, JobService jobs, CreditLedger credits) {
    this.sessions = sessions;
    this.jobs = jobs;
    this.credits = credits;
  }

  @GetMapping("/ui")
  String home(Model model) {
    UUID owner = RequestOwner.current();
    List<StorySession> recent = sessions.recent(owner, SHOWN);
    List<RunRecord> runs =
        jobs.runs(
            new RunQuery(Optional.of(owner), Set.of(), Optional.empty(), Optional.empty(), SHOWN));
    model.addAttribute("sessions", recent.stream().map(SessionRow::of).toList());
    model.addAttribute("runs", runs.stream().map(RunRow::of).toList());
    model.addAttribute("credits", credits.balance(owner));
    return "ui/home";
  }

  /** A session as the list shows it. */
  public record SessionRow(
      String id, String title, String status, String statusWords, String formats, String updated) {
    static SessionRow of(StorySession s) {
      String title =
          s.story() != null && s.story().title() != null && !s.story().title().isBlank()
              ? s.story().title()
              : abbreviate(s.input().text());
      return new SessionRow(
          s.id(),
          title,
          s.status().wireName(),
          StateWords.of(s.status()),
          String.join(", ", s.settings().formats()),
          Pages.when(s.updatedAt()));
    }
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 77) + "…";
  }
}
