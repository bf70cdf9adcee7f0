package dev.reelforge.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The success body of every API response (seed 000): {@code {"success":true,"data":…}}. */
public final class ApiResponses {

  private ApiResponses() {}

  public static Map<String, Object> ok(Object data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("data", data);
    return body;
  }
}
