package dev.reelforge.app.cluster;

import dev.reelforge.app.config.NodeSettings;
import dev.reelforge.app.security.AccessPolicy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Switches the API off on processes without the {@code api} role. */
@Configuration(proxyBeanMethods = false)
public class RolesConfiguration {

  @Bean
  FilterRegistrationBean<ApiRoleFilter> apiRoleFilter(NodeSettings settings) {
    FilterRegistrationBean<ApiRoleFilter> registration =
        new FilterRegistrationBean<>(new ApiRoleFilter(settings));
    registration.addUrlPatterns(AccessPolicy.GUARDED_PATTERNS.toArray(String[]::new));
    registration.addUrlPatterns("/"); // the dashboard's entry, which redirects to /ui
    // Before everything else: a worker spends nothing on requests it will not serve.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setEnabled(!settings.has(NodeSettings.Role.API));
    return registration;
  }
}
