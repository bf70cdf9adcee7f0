package dev.reelforge.publish;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;

/**
 * Writes a post's copy for one platform (the app's script writer: offline or the chat model). What
 * it answers is fitted to the platform's limits before it is stored.
 */
public interface CopyWriter {

  PostMetadata copyFor(RunCopy run, Platform platform, String locale);
}
