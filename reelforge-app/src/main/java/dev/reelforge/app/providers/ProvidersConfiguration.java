package dev.reelforge.app.providers;

import dev.reelforge.app.observability.ProviderCalls;
import dev.reelforge.app.observability.ProviderMetrics;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ProviderHttp;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers every provider this build carries: each cloud vendor once its key is configured ({@link
 * CloudVendors} maps the settings onto the vendor's options and factory), then the offline defaults
 * ({@link OfflineProviders}); then applies the configured selection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvidersSettings.class)
class ProvidersConfiguration {

  @Bean
  CostRecorder providerCosts(ProviderMetrics metrics) {
    return new LoggedCosts(metrics);
  }

  @Bean
  ProviderRegistry providerRegistry(
      ProvidersSettings settings,
      CostRecorder providerCosts,
      ProviderCalls calls,
      ObjectProvider<FfmpegInstallation> ffmpeg,
      Clock clock) {
    return registry(
        settings, providerCosts, ffmpeg::getObject, CloudVendors.systemEnvironment(), calls, clock);
  }

  /** The registry for {@code settings}, with keys missing from them looked up in {@code env}. */
  static ProviderRegistry registry(
      ProvidersSettings settings,
      CostRecorder providerCosts,
      Supplier<FfmpegInstallation> ffmpeg,
      Function<String, String> env,
      Clock clock) {
    return registry(settings, providerCosts, ffmpeg, env, ProviderHttp.Observer.NONE, clock);
  }

  static ProviderRegistry registry(
      ProvidersSettings settings,
      CostRecorder providerCosts,
      Supplier<FfmpegInstallation> ffmpeg,
      Function<String, String> env,
      ProviderHttp.Observer calls,
      Clock clock) {
    OfflineProviders offline = new OfflineProviders(settings, ffmpeg, clock);
    ProviderRegistry registry = new ProviderRegistry();
    CloudContext context = CloudContext.of(providerCosts, clock, calls);
    for (ProviderChoice<?> cloud : new CloudVendors(settings, env).choices(context)) {
      registry.register(
          cloud.port() == ProviderPort.VISUALS ? offline.withFallbacks(cloud) : cloud);
    }
    offline.choices().forEach(registry::register);
    // A misspelt name is reported by doctor and by the first use of that role, with the setting
    // to fix and the names available.
    settings.selections().forEach(registry::select);
    return registry;
  }
}
