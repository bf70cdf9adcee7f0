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
