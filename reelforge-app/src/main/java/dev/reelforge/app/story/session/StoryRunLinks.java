package dev.reelforge.app.story.session;

import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.app.jobs.RunLinks;
import dev.reelforge.app.storage.NamedDownloads;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.story.session.RunFiles;
import dev.reelforge.story.session.StorySessions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How a run reaches what belongs to it, for {@code GET /api/runs/{id}} and the runs list: its
 * title, its dashboard page, its story session (API and page) and, once it succeeded, each file it
 * made as a signed download link named after the title. Links are signed for {@code
 * reelforge.storage.signed-url-ttl}; a server path never appears.
 */
@Component
public class StoryRunLinks implements RunLinks {

  private final StorySessions sessions;
  private final StorageSettings storage;
  private final NamedDownloads names;

  StoryRunLinks(StorySessions sessions, StorageSettings storage, NamedDownloads names) {
    this.sessions = sessions;
    this.storage = storage;
    this.names = names;
  }

  @Override
  public Set<String> skippedStages(RunRecord run) {
    return RunFiles.skippedStages(run);
  }

  /** The run's title, page and session: cheap enough for every row of a list. */
  @Override
  public Map<String, Object> summary(RunRecord run) {
    Map<String, Object> data = new LinkedHashMap<>();
    RunFiles.title(run).ifPresent(title -> data.put("title", title));
    data.put("page", "/ui/runs/" + run.id());
    RunFiles.sessionId(run)
        .ifPresent(
            id -> {
              Map<String, Object> session = new LinkedHashMap<>();
              session.put("id", id);
              session.put("href", "/api/story/" + id);
              session.put("page", "/ui/stories/" + id);
              data.put("session", session);
            });
    return data;
  }

  /**
   * The files a succeeded run made: kind (video, thumbnail, captions, manifest), format, file name,
   * type, size and a signed {@code url}; empty otherwise, and for {@code make} runs (no session).
   */
  @Override
  public List<Map<String, Object>> outputs(RunRecord run) {
    Optional<String> sessionId = RunFiles.sessionId(run);
    if (sessionId.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> outputs = new ArrayList<>();
    for (RunFiles.File file : RunFiles.files(run)) {
      sessions
          .folders()
          .download(sessionId.get(), file.stored(), storage.getSignedUrlTtl())
          .ifPresent(
              download -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("kind", file.kind());
                if (!file.format().isEmpty()) {
                  out.put("format", file.format());
                }
                out.put("name", file.downloadName());
                out.put("type", file.type());
                out.put("bytes", download.bytes());
                out.put("url", names.named(download.url(), file.downloadName()).toString());
                outputs.add(out);
              });
    }
    return outputs;
  }
}
