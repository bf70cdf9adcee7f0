package dev.reelforge.app.web;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.core.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a process without the {@code api} role, answers the API, dashboard and download routes with
 * 404 and says which roles it has; {@code /api/health} and {@code /actuator/*} stay served, so
 * probes and Prometheus reach workers and schedulers too.
 */
public final class ApiRoleFilter extends OncePerRequestFilter {

  private final String roles;

  public ApiRoleFilter(NodeSettings settings) {
    this.roles =
        settings.getRoles().stream().map(NodeSettings.Role::id).collect(Collectors.joining(","));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().equals("/api/health");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ErrorEnvelopeWriter.write(
        request,
        response,
        ErrorCode.RESOURCE_NOT_FOUND,
        "this process runs as "
            + roles
            + " and does not serve the API; send requests to an api node",
        List.of());
  }
}
