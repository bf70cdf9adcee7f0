package dev.reelforge.clips;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of the clips feature: run inputs, stage outputs, checkpoints and the files
 * stages hand each other (transcripts, signals) are written and read here.
 */
public final class ClipsJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ClipsJson() {}

  public static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return JSON.readValue(json, type);
  }

  public static void writeFile(Path file, Object value) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, write(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T readFile(Path file, Class<T> type) {
    try {
      return read(Files.readString(file), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output of {@code stage} among a run's artifacts; empty while the stage has none. */
  public static <T> Optional<T> artifact(String artifacts, String stage, Class<T> type) {
    if (artifacts == null || artifacts.isBlank()) {
      return Optional.empty();
    }
    JsonNode output = JSON.readTree(artifacts).get(stage);
    return output == null || output.isNull()
        ? Optional.empty()
        : Optional.of(JSON.treeToValue(output, type));
  }
}
