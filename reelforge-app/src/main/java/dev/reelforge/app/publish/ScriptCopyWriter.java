package dev.reelforge.app.publish;

import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.script.CopyRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.publish.CopyWriter;
import dev.reelforge.publish.RunCopy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A post's copy from the selected script writer ({@code reelforge.providers.script-writer}):
 * offline writers derive it from the script; the chat writer asks its model once per platform and
 * locale. The run's own description leads when the writer derived nothing better.
 */
final class ScriptCopyWriter implements CopyWriter {

  private final ProviderRegistry providers;

  ScriptCopyWriter(ProviderRegistry providers) {
    this.providers = providers;
  }

  @Override
  public PostMetadata copyFor(RunCopy run, Platform platform, String locale) {
    ScriptWriter writer = providers.require(ProviderPort.SCRIPT_WRITER, ScriptWriter.class);
    List<String> hashtags = new ArrayList<>(new LinkedHashSet<>(run.hashtags()));
    PostMetadata copy =
        writer
            .copyFor(new CopyRequest(run.title(), run.narration(), hashtags, platform, locale))
            .metadata();
    return copy.fit(platform);
  }
}
