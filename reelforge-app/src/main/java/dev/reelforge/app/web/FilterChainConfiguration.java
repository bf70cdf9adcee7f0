package dev.reelforge.app.web;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.core.idempotency.IdempotencyStore;
import jakarta.servlet.Filter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The one place that registers the servlet filters: every {@link ChainFilter} the configurations
 * give, in the order of {@link ChainLink}, with the link's name and URL patterns. A link without
 * its filter, or with two, stops the startup: a missing authentication filter must not go
 * unnoticed. The web package's own filters (request id, role gate, idempotency) are given here.
 *
 * <p>The filters are built where their dependencies are (the security filters in the security
 * configuration), but no configuration registers one itself, and none is a bean: Spring Boot would
 * register a filter bean a second time, at an order of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FilterChainConfiguration {

  @Bean
  ChainFilter requestIdFilter() {
    return ChainFilter.of(ChainLink.REQUEST_ID, new RequestIdFilter());
  }

  @Bean
  ChainFilter apiRoleFilter(NodeSettings node) {
    return new ChainFilter(
        ChainLink.ROLE_GATE, new ApiRoleFilter(node), !node.has(NodeSettings.Role.API));
  }

  @Bean
  ChainFilter idempotencyFilter(IdempotencyStore store, IdempotencySettings settings) {
    return ChainFilter.of(ChainLink.IDEMPOTENCY, new IdempotencyFilter(store, settings));
  }

  /** The filters by link, checked: every application link has exactly one. */
  @Bean
  ChainFilters filterChain(List<ChainFilter> filters) {
    return new ChainFilters(filters);
  }

  /**
   * One {@link FilterRegistrationBean} per application link, each made by {@link
   * ChainFilters#registration}. They are registration beans of their own, not one initializer that
   * adds them all: Spring Boot sorts filter registrations among themselves (its character encoding
   * and tracing filters first, at {@code HIGHEST_PRECEDENCE} and {@code + 1}) and registers any
   * other initializer only after every filter.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor filterRegistrations() {
    return new BeanDefinitionRegistryPostProcessor() {
      @Override
      public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (ChainLink link : ChainLink.application()) {
          registry.registerBeanDefinition(
              link.filterName() + "Registration",
              BeanDefinitionBuilder.genericBeanDefinition()
                  .setFactoryMethodOnBean("registration", "filterChain")
                  .addConstructorArgValue(link)
                  .getBeanDefinition());
        }
      }

      @Override
      public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
    };
  }

  /** The application's filters by link, registered in the order of {@link ChainLink}. */
  static final class ChainFilters {

    /** Right after Spring Boot's character encoding and tracing filters. */
    static final int FIRST_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private final Map<ChainLink, ChainFilter> byLink = new EnumMap<>(ChainLink.class);

    ChainFilters(List<ChainFilter> filters) {
      for (ChainFilter filter : filters) {
        if (byLink.put(filter.link(), filter) != null) {
          throw new IllegalStateException("two filters for the chain link " + filter.link());
        }
      }
      for (ChainLink link : ChainLink.application()) {
        if (!byLink.containsKey(link)) {
          throw new IllegalStateException("no filter for the chain link " + link);
        }
      }
    }

    /** The registration of {@code link}'s filter: its name, URL patterns and place. */
    FilterRegistrationBean<Filter> registration(ChainLink link) {
      ChainFilter chained = byLink.get(link);
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(chained.filter());
      registration.setName(link.filterName());
      registration.setUrlPatterns(link.urlPatterns());
      registration.setEnabled(chained.enabled());
      registration.setOrder(FIRST_ORDER + ChainLink.application().indexOf(link));
      return registration;
    }
  }
}
