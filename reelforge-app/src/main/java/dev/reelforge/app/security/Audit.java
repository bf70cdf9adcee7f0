package dev.reelforge.app.security;

import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.RequestIdFilter;
import dev.reelforge.core.accounts.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit entries for the current caller (or the system, outside a request), with the
 * request's client address and user agent when there is a request (seed 001 §3 {@code audit_logs}).
 */
public final class Audit {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Longer user agents are cut: the header is the client's to fill, the log is ours to keep. */
  static final int MAX_USER_AGENT = 512;

  /** The longest textual IPv6 address (with an embedded IPv4 one), the column's width. */
  static final int MAX_ADDRESS = 45;

  private final AuditLog log;

  public Audit(AuditLog log) {
    this.log = log;
  }

  /** Records {@code action} on a target, with the values before and after (null when none). */
  public void record(
      String action,
      String targetType,
      String targetId,
      Map<String, ?> before,
      Map<String, ?> after) {
    Optional<Caller> caller = Caller.current();
    log.record(
        new AuditLog.Entry(
            caller.map(Caller::id),
            caller.map(Caller::label).orElse("system"),
            action,
            targetType,
            targetId,
            before == null ? null : JSON.writeValueAsString(before),
            after == null ? null : JSON.writeValueAsString(after),
            Optional.ofNullable(MDC.get(RequestIdFilter.MDC_KEY)),
            currentRequest().map(r -> cut(ClientAddress.of(r), MAX_ADDRESS)),
            currentRequest()
                .map(r -> r.getHeader("User-Agent"))
                .filter(agent -> !agent.isBlank())
                .map(agent -> cut(agent, MAX_USER_AGENT))));
  }

  /** The request this thread is answering, if any (none on workers and the scheduler). */
  private static Optional<HttpServletRequest> currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? Optional.of(servlet.getRequest())
        : Optional.empty();
  }

  private static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    // Never split a surrogate pair.
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
