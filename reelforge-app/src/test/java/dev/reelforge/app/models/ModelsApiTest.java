package dev.reelforge.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.app.doctor.Doctor;
import dev.reelforge.app.jobs.JobsSettings;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.core.models.ModelRegistry;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.FaceDetector;
import dev.reelforge.core.vision.GrayFrame;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry in a running server: the transcriber and face detector beans are registered by
 * name and version, warmed up in the background when the worker starts (a failing one recorded, the
 * other still warm), shown to operators at {@code GET /api/admin/models} and by doctor.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "reelforge.security.password-hash-cost=4",
      "reelforge.models.warm-up-on-start=true"
    })
class ModelsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger TRANSCRIBER_WARM_UPS = new AtomicInteger();

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired ModelWarmUp warmUp;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "ModelsApiTest");
  }

  @TestConfiguration
  static class Models {
    @Bean
    Transcriber testTranscriber() {
      return new Transcriber() {
        @Override
        public String name() {
          return "test-transcriber";
        }

        @Override
        public String version() {
          return "en-1.0";
        }

        @Override
        public void warmUp() {
          TRANSCRIBER_WARM_UPS.incrementAndGet();
          try {
            Thread.sleep(40);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }

        @Override
        public Transcript transcribe(TranscriptionRequest request, TranscriptionProgress progress) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Bean
    FaceDetector testDetector() {
      return new FaceDetector() {
        @Override
        public String name() {
          return "test-detector";
        }

        @Override
        public String version() {
          return "cascade-2";
        }

        @Override
        public void warmUp() {
          throw new IllegalStateException("cascade file missing");
        }

        @Override
        public List<List<FaceBox>> detect(List<GrayFrame> batch) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }

  @Test
  void workersWarmModelsUpInTheBackgroundAndOperatorsSeeHowThatWent() throws Exception {
    warmUp.awaitWarmUp();
    String operator = TestUsers.token(context, "models-operator", Role.OPERATOR);
    HttpResponse<String> response =
        new ApiCalls(port).send("GET", "/api/admin/models", null, operator);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode models = JSON.readTree(response.body()).path("data").path("models");

    JsonNode transcriber = find(models, "test-transcriber");
    assertThat(transcriber.path("role").asString()).isEqualTo("transcriber");
    assertThat(transcriber.path("version").asString()).isEqualTo("en-1.0");
    assertThat(transcriber.path("state").asString()).isEqualTo("warm");
    assertThat(transcriber.path("warmed").asBoolean()).isTrue();
    assertThat(transcriber.path("warmUpMillis").asLong()).isGreaterThanOrEqualTo(35);
    assertThat(transcriber.hasNonNull("error")).isFalse();
    assertThat(transcriber.path("warmedAt").asString()).isNotEmpty();

    JsonNode detector = find(models, "test-detector");
    assertThat(detector.path("role").asString()).isEqualTo("face-detector");
    assertThat(detector.path("state").asString()).isEqualTo("failed");
    assertThat(detector.path("warmed").asBoolean()).isFalse();
    assertThat(detector.path("error").asString()).isEqualTo("cascade file missing");

    String creator = TestUsers.token(context, "models-creator", Role.CREATOR);
    assertThat(new ApiCalls(port).status("GET", "/api/admin/models", null, creator)).isEqualTo(403);

    // Doctor reports the same models: the warm one as it is, the failed one tried again.
    List<Finding> findings = context.getBean(Doctor.class).findings();
    assertThat(findings)
        .anySatisfy(
            f -> {
              assertThat(f.component()).isEqualTo("model transcriber test-transcriber");
              assertThat(f.status()).isEqualTo(Finding.Status.OK);
              assertThat(f.summary()).contains("version en-1.0");
            })
        .anySatisfy(
            f -> {
              assertThat(f.component()).isEqualTo("model face-detector test-detector");
              assertThat(f.status()).isEqualTo(Finding.Status.WARN);
              assertThat(f.summary()).contains("cascade file missing");
            });
    assertThat(TRANSCRIBER_WARM_UPS).as("a warm model is not warmed again").hasValue(1);
  }

  @Test
  void onlyProcessesThatRunWorkersWarmModelsUp() {
    ModelRegistry registry = new ModelRegistry(Clock.systemUTC());
    registry.register("transcriber", "x", "1", () -> {});
    NodeSettings node = new NodeSettings();
    JobsSettings jobs = new JobsSettings();
    ModelsSettings settings = new ModelsSettings();
    assertThat(new ModelWarmUp(registry, settings, node, jobs).applies()).isTrue();

    node.setRoles(List.of(NodeSettings.Role.API, NodeSettings.Role.SCHEDULER));
    assertThat(new ModelWarmUp(registry, settings, node, jobs).applies()).isFalse();

    node.setRoles(List.of(NodeSettings.Role.WORKER));
    jobs.setWorkersEnabled(false);
    assertThat(new ModelWarmUp(registry, settings, node, jobs).applies()).isFalse();

    jobs.setWorkersEnabled(true);
    settings.setWarmUpOnStart(false);
    assertThat(new ModelWarmUp(registry, settings, node, jobs).applies()).isFalse();
  }

  private static JsonNode find(JsonNode models, String name) {
    for (JsonNode model : models) {
      if (model.path("name").asString().equals(name)) {
        return model;
      }
    }
    throw new AssertionError(name + " not in " + models);
  }
}
