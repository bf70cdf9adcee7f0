package dev.reelforge.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.reelforge.app.config.SettingsValidator;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders deploy/helm/reelforge with Helm itself (the Go library, through helm-java) and checks the
 * manifests: one Deployment per role with probes and resources, secrets wired by reference, every
 * environment variable a valid ReelForge setting, and the KEDA scaler's query valid SQL on our real
 * schema.
 */
@PostgresTest
class HelmChartTest {

  private static final Path CHART = Path.of("..", "deploy", "helm", "reelforge");

  private final TestDatabase database;

  HelmChartTest(TestDatabase database) {
    this.database = database;
  }

  private static TemplateCommand template() {
    return new Helm(CHART)
        .template()
        .withName("rf")
        .withKubeVersion("1.30.0")
        .set("database.url", "jdbc:postgresql://db.internal:5432/reelforge")
        .set("database.host", "db.internal")
        .set("database.password", "s3cret-db")
        .set("storage.s3.bucket", "videos")
        .set("storage.s3.endpoint", "https://minio.internal:9000")
        .set("storage.s3.pathStyle", "true")
        .set("storage.s3.accessKey", "AKIA")
        .set("storage.s3.secretKey", "s3cret-s3");
  }

  @Test
  void oneDeploymentPerRoleWithProbesResourcesAndItsRole() {
    List<Map<String, Object>> docs = parse(template().call());
    List<Map<String, Object>> deployments = kind(docs, "Deployment");
    assertThat(deployments)
        .extracting(d -> name(d))
        .containsExactlyInAnyOrder(
            "rf-reelforge-api", "rf-reelforge-worker", "rf-reelforge-scheduler");
    for (Map<String, Object> deployment : deployments) {
      Map<String, Object> container = container(deployment);
      String role = name(deployment).substring("rf-reelforge-".length());
      assertThat(env(container)).containsEntry("REELFORGE_NODE_ROLES", role);
      assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("port", "management");
      assertThat(map(container, "readinessProbe", "httpGet"))
          .containsEntry("path", "/actuator/health/readiness");
      assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
      assertThat(container.get("args")).isEqualTo(List.of("serve"));
    }
    Map<String, Object> worker =
        deployments.stream().filter(d -> name(d).endsWith("worker")).findFirst().orElseThrow();
    assertThat(map(worker, "spec")).as("KEDA owns the worker count").doesNotContainKey("replicas");
  }

  @Test
  void secretsAreReferencedNeverInlinedAndEveryVariableIsAValidSetting() {
    String rendered = template().call();
    List<Map<String, Object>> docs = parse(rendered);
    Map<String, Object> api =
        kind(docs, "Deployment").stream().filter(d -> name(d).endsWith("api")).findFirst().get();
    List<Map<String, Object>> variables = list(container(api), "env");
    for (String secret :
        List.of("REELFORGE_DATABASE_PASSWORD", "REELFORGE_STORAGE_S3_SECRET_KEY")) {
      Map<String, Object> variable =
          variables.stream().filter(v -> secret.equals(v.get("name"))).findFirst().orElseThrow();
      assertThat(variable).doesNotContainKey("value").containsKey("valueFrom");
    }
    assertThat(kind(docs, "Secret")).hasSize(1);

    // The chart's plain variables (secrets filled in) must bind and validate as ReelForge settings.
    Map<String, Object> environment = new LinkedHashMap<>(env(container(api)));
    environment.put("REELFORGE_DATABASE_PASSWORD", "x");
    environment.put("REELFORGE_STORAGE_S3_ACCESS_KEY", "AKIA");
    environment.put("REELFORGE_STORAGE_S3_SECRET_KEY", "x");
    StandardEnvironment spring = new StandardEnvironment();
    // Named as the process environment, so that Boot maps REELFORGE_A_B onto reelforge.a.b.
    spring
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    SettingsValidator.validate(spring);
    assertThat(SettingsValidator.unknownSettings(spring)).isEmpty();
  }

  @Test
  void theKedaScalerCountsWaitingAndRunningTasksWithAQueryOurSchemaRuns() throws Exception {
    List<Map<String, Object>> docs = parse(template().call());
    Map<String, Object> scaled = kind(docs, "ScaledObject").getFirst();
    assertThat(map(scaled, "spec", "scaleTargetRef")).containsEntry("name", "rf-reelforge-worker");
    Map<String, Object> trigger = list(map(scaled, "spec"), "triggers").getFirst();
    assertThat(trigger).containsEntry("type", "postgresql");
    Map<String, Object> metadata = map(trigger, "metadata");
    assertThat(metadata)
        .containsEntry("targetQueryValue", "2")
        .containsEntry("host", "db.internal");
    String query = (String) metadata.get("query");
    assertThat(query).contains("'render'").contains("public.task");
    assertThat(kind(docs, "TriggerAuthentication")).hasSize(1);

    try (Connection connection = database.dataSource().getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(query.replace("public.task", database.schema() + ".task"))) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isZero();
    }
  }

  private static TemplateCommand withPools() {
    return template()
        .set("workerPools.ingest.enabled", "true")
        .set("workerPools.analysis.enabled", "true")
        .set("workerPools.export.enabled", "true")
        .set("workerPools.gpu.enabled", "true");
  }

  @Test
  void eachEnabledWorkerPoolIsADeploymentServingItsOwnQueuesAndTheGeneralWorkerTheRest() {
    List<Map<String, Object>> docs = parse(withPools().call());
    Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
    kind(docs, "Deployment").forEach(d -> deployments.put(name(d), d));
    assertThat(deployments)
        .containsOnlyKeys(
            "rf-reelforge-api",
            "rf-reelforge-worker",
            "rf-reelforge-scheduler",
            "rf-reelforge-worker-ingest",
            "rf-reelforge-worker-analysis",
            "rf-reelforge-worker-export",
            "rf-reelforge-worker-gpu");
    Map<String, String> queues =
        Map.of(
            "ingest", "clips-ingest",
            "analysis", "clips-analysis",
            "export", "clips-export,render",
            "gpu", "clips-ingest,clips-analysis");
    queues.forEach(
        (pool, served) -> {
          Map<String, Object> deployment = deployments.get("rf-reelforge-worker-" + pool);
          Map<String, Object> env = env(container(deployment));
          assertThat(env)
              .as(pool)
              .containsEntry("REELFORGE_NODE_ROLES", "worker")
              .containsEntry("REELFORGE_JOBS_QUEUES", served);
          assertThat(map(deployment, "spec", "template", "metadata", "labels"))
              .containsEntry("app.kubernetes.io/component", "worker-" + pool);
          assertThat(map(deployment, "spec")).as("KEDA owns it").doesNotContainKey("replicas");
          if (pool.equals("gpu")) {
            assertThat(env).containsEntry("REELFORGE_JOBS_NODE_TAGS", "gpu");
          } else {
            assertThat(env).doesNotContainKey("REELFORGE_JOBS_NODE_TAGS");
          }
        });
    Map<String, Object> gpu = map(deployments.get("rf-reelforge-worker-gpu"), "spec", "template");
    assertThat(map(gpu, "spec", "nodeSelector")).containsEntry("nvidia.com/gpu.present", "true");
    assertThat(list(map(gpu, "spec"), "tolerations").getFirst())
        .containsEntry("key", "nvidia.com/gpu");
    assertThat(map(container(deployments.get("rf-reelforge-worker-gpu")), "resources", "limits"))
        .containsEntry("nvidia.com/gpu", 1);
    assertThat(map(deployments.get("rf-reelforge-worker-export"), "spec", "template", "spec"))
        .doesNotContainKey("nodeSelector");

    // The general worker keeps what no CPU pool took: story renders moved to the export pool.
    assertThat(env(container(deployments.get("rf-reelforge-worker"))))
        .containsEntry(
            "REELFORGE_JOBS_QUEUES", "ingest,analysis,generation,publish,image,video,brand");
    assertThat(
            env(
                container(
                    parse(template().call()).stream()
                        .filter(d -> "Deployment".equals(d.get("kind")))
                        .filter(d -> name(d).equals("rf-reelforge-worker"))
                        .findFirst()
                        .orElseThrow())))
        .as("without pools the worker serves every pool's queues")
        .doesNotContainKey("REELFORGE_JOBS_QUEUES");

    // Every pool's variables bind and validate as ReelForge settings (its queues have pools).
    for (Map<String, Object> deployment : deployments.values()) {
      assertThat(SettingsValidator.unknownSettings(springEnvironment(env(container(deployment)))))
          .as(name(deployment))
          .isEmpty();
    }
  }

  @Test
  void eachPoolIsScaledOnItsOwnQueuesWithQueriesOurSchemaRuns() throws Exception {
    List<Map<String, Object>> docs = parse(withPools().call());
    Map<String, Map<String, Object>> triggers = new LinkedHashMap<>();
    for (Map<String, Object> scaled : kind(docs, "ScaledObject")) {
      assertThat(map(scaled, "spec", "scaleTargetRef")).containsEntry("name", name(scaled));
      triggers.put(name(scaled), map(list(map(scaled, "spec"), "triggers").getFirst(), "metadata"));
    }
    assertThat(triggers)
        .containsOnlyKeys(
            "rf-reelforge-worker",
            "rf-reelforge-worker-ingest",
            "rf-reelforge-worker-analysis",
            "rf-reelforge-worker-export",
            "rf-reelforge-worker-gpu");
    assertThat(kind(docs, "TriggerAuthentication")).hasSize(1);
    String export = (String) triggers.get("rf-reelforge-worker-export").get("query");
    assertThat(export)
        .contains("queue in ('clips-export', 'render')")
        .contains("required_tags <@ array['cpu']");
    assertThat(triggers.get("rf-reelforge-worker-analysis")).containsEntry("targetQueryValue", "1");
    assertThat((String) triggers.get("rf-reelforge-worker-gpu").get("query"))
        .contains("queue in ('clips-ingest', 'clips-analysis')")
        .contains("required_tags && array['gpu']");
    assertThat((String) triggers.get("rf-reelforge-worker").get("query"))
        .doesNotContain("'render'")
        .doesNotContain("clips-")
        .contains("'brand'");

    // A ready CPU task on clips-export counts for the export pool only; a GPU task on
    // clips-analysis for the GPU pool only.
    String schema = database.schema();
    try (Connection connection = database.dataSource().getConnection()) {
      insertTask(connection, schema, "clips-export", "{cpu}");
      insertTask(connection, schema, "clips-analysis", "{cpu,gpu}");
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Map.Entry<String, Map<String, Object>> trigger : triggers.entrySet()) {
        String query =
            ((String) trigger.getValue().get("query")).replace("public.task", schema + ".task");
        try (ResultSet rows = connection.createStatement().executeQuery(query)) {
          assertThat(rows.next()).isTrue();
          counts.put(trigger.getKey().substring("rf-reelforge-".length()), rows.getLong(1));
        }
      }
      assertThat(counts)
          .containsEntry("worker", 0L)
          .containsEntry("worker-ingest", 0L)
          .containsEntry("worker-analysis", 0L)
          .containsEntry("worker-export", 1L)
          .containsEntry("worker-gpu", 1L);
    }
  }

  /** A ready task of a run of its own, as the engine would insert it. */
  private static void insertTask(Connection connection, String schema, String queue, String tags)
      throws Exception {
    java.util.UUID run = java.util.UUID.randomUUID();
    java.util.UUID owner = java.util.UUID.randomUUID();
    try (var insertRun =
        connection.prepareStatement(
            "insert into "
                + schema
                + ".run (id, owner_id, kind, status, inputs, created_at, updated_at)"
                + " values (?, ?, 'clips', 'queued', '{}', now(), now())")) {
      insertRun.setObject(1, run);
      insertRun.setObject(2, owner);
      insertRun.executeUpdate();
    }
    try (var insertTask =
        connection.prepareStatement(
            "insert into "
                + schema
                + ".task (id, run_id, owner_id, kind, stage, queue, priority, status, depends_on,"
                + " pending_deps, required_tags, max_attempts, timeout_ms, run_after, created_at,"
                + " updated_at) values (?, ?, ?, 'clips', 'analyse', ?, 0, 'ready', '{}', 0,"
                + " ?::text[], 3, 60000, now() - interval '1 minute', now(), now())")) {
      insertTask.setObject(1, java.util.UUID.randomUUID());
      insertTask.setObject(2, run);
      insertTask.setObject(3, owner);
      insertTask.setString(4, queue);
      insertTask.setString(5, tags);
      insertTask.executeUpdate();
    }
  }

  private static StandardEnvironment springEnvironment(Map<String, Object> variables) {
    Map<String, Object> environment = new LinkedHashMap<>(variables);
    environment.put("REELFORGE_DATABASE_PASSWORD", "x");
    environment.put("REELFORGE_STORAGE_S3_ACCESS_KEY", "AKIA");
    environment.put("REELFORGE_STORAGE_S3_SECRET_KEY", "x");
    StandardEnvironment spring = new StandardEnvironment();
    spring
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    SettingsValidator.validate(spring);
    return spring;
  }

  @Test
  void missingRequiredValuesStopTheRenderWithAClearMessage() {
    assertThatThrownBy(
            () -> new Helm(CHART).template().withName("rf").withKubeVersion("1.30.0").call())
        .hasMessageContaining("database.url is required");
    assertThatThrownBy(
            () ->
                new Helm(CHART)
                    .template()
                    .withName("rf")
                    .withKubeVersion("1.30.0")
                    .set("database.url", "jdbc:postgresql://db:5432/rf")
                    .set("database.password", "x")
                    .call())
        .hasMessageContaining("storage.s3.bucket is required");
  }

  @Test
  void theChartFolderHasItsDocs() {
    assertThat(Files.isRegularFile(CHART.resolve("../../README.md"))).isTrue();
  }

  // --- YAML helpers ---

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parse(String rendered) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(rendered)) {
      if (doc instanceof Map<?, ?> map) {
        docs.add((Map<String, Object>) map);
      }
    }
    return docs;
  }

  private static List<Map<String, Object>> kind(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  private static String name(Map<String, Object> doc) {
    return (String) map(doc, "metadata").get("name");
  }

  private static Map<String, Object> container(Map<String, Object> deployment) {
    return list(map(deployment, "spec", "template", "spec"), "containers").getFirst();
  }

  private static Map<String, Object> env(Map<String, Object> container) {
    Map<String, Object> env = new LinkedHashMap<>();
    for (Map<String, Object> variable : list(container, "env")) {
      if (variable.containsKey("value")) {
        env.put((String) variable.get("name"), variable.get("value"));
      }
    }
    return env;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> node, String... path) {
    Map<String, Object> current = node;
    for (String key : path) {
      current = (Map<String, Object>) current.get(key);
      assertThat(current).as(key).isNotNull();
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
    return (List<Map<String, Object>>) node.get(key);
  }
}
