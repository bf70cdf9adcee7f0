package dev.reelforge.app.clips.uploads;

import dev.reelforge.core.clips.UploadSession;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON view of an upload, the same in every answer about it. */
public final class UploadViews {

  private UploadViews() {}

  /**
   * {@code id}, {@code name}, {@code size}, {@code received} (where the next chunk begins), {@code
   * complete}, {@code expiresAt}, and the {@code location} chunks are sent to.
   *
   * @param location the upload's URL path, e.g. {@code /api/clips/uploads/{id}}
   */
  public static Map<String, Object> view(UploadSession upload, String location) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", upload.id().toString());
    view.put("name", upload.name());
    view.put("size", upload.totalBytes());
    view.put("received", upload.receivedBytes());
    view.put("complete", upload.isComplete());
    view.put("expiresAt", upload.expiresAt().toString());
    view.put("location", location);
    return view;
  }
}
