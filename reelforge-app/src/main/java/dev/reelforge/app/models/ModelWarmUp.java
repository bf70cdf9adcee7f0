package dev.reelforge.app.models;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.app.jobs.JobsSettings;
import dev.reelforge.core.models.ModelRegistry;
import dev.reelforge.core.models.ModelStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Warms every registered model up when a worker starts (seed 003 AC6), on a background thread so
 * that startup — and the worker pools, which claim work at once — is not held up: a task that needs
 * a model still warming loads it itself. Only processes that run workers warm up; an API-only
 * process never loads a model.
 */
@Component
@ConditionalOnWebApplication
class ModelWarmUp implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ModelWarmUp.class);

  private final ModelRegistry registry;
  private final ModelsSettings settings;
  private final NodeSettings node;
  private final JobsSettings jobs;
  private volatile Thread thread;

  ModelWarmUp(
      ModelRegistry registry, ModelsSettings settings, NodeSettings node, JobsSettings jobs) {
    this.registry = registry;
    this.settings = settings;
    this.node = node;
    this.jobs = jobs;
  }

  /** Whether this process warms models up: it runs workers and the setting allows it. */
  boolean applies() {
    return settings.isWarmUpOnStart()
        && jobs.isWorkersEnabled()
        && node.has(NodeSettings.Role.WORKER)
        && !registry.isEmpty();
  }

  @Override
  public synchronized void start() {
    if (applies()) {
      thread = Thread.ofVirtual().name("model-warm-up").start(this::warmUp);
    }
  }

  private void warmUp() {
    for (ModelStatus model : registry.warmUpAll(settings.getWarmUpTimeout())) {
      if (model.state() == ModelStatus.State.FAILED) {
        log.warn(
            "model {} {} {} did not warm up ({} ms): {}",
            model.role(),
            model.name(),
            model.version(),
            model.warmUpMillis(),
            model.error());
      } else {
        log.info(
            "model {} {} {}: {} in {} ms",
            model.role(),
            model.name(),
            model.version(),
            model.state().name().toLowerCase(java.util.Locale.ROOT),
            model.warmUpMillis());
      }
    }
  }

  @Override
  public synchronized void stop() {
    Thread running = thread;
    if (running != null) {
      running.interrupt();
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  /** Waits for the warm-up to end (tests). */
  void awaitWarmUp() throws InterruptedException {
    Thread running = thread;
    if (running != null) {
      running.join();
    }
  }
}
