package dev.reelforge.app.security;

import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.RequestIdFilter;
import dev.reelforge.core.accounts.AuditLog;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/** Writes audit entries for the current caller (or the system, outside a request). */
public final class Audit {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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
            Optional.ofNullable(MDC.get(RequestIdFilter.MDC_KEY))));
  }
}
