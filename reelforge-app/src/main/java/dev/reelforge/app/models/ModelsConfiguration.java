package dev.reelforge.app.models;

import dev.reelforge.core.models.ModelRegistry;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.vision.FaceDetector;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry of this process's models: every {@link Transcriber} and {@link FaceDetector} bean,
 * by name and version, with its own {@code warmUp}. Builds that have none yet get an empty
 * registry; a model of another role is registered by calling {@link ModelRegistry#register} on this
 * bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModelsSettings.class)
public class ModelsConfiguration {

  @Bean
  ModelRegistry modelRegistry(
      Clock clock,
      ObjectProvider<Transcriber> transcribers,
      ObjectProvider<FaceDetector> detectors) {
    ModelRegistry registry = new ModelRegistry(clock);
    transcribers
        .orderedStream()
        .forEach(
            t -> registry.register(ModelRegistry.TRANSCRIBER, t.name(), t.version(), t::warmUp));
    detectors
        .orderedStream()
        .forEach(
            d -> registry.register(ModelRegistry.FACE_DETECTOR, d.name(), d.version(), d::warmUp));
    return registry;
  }
}
