package dev.reelforge.app.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client a request came from, as rate limits count it and the audit log records it: the TCP
 * peer. Behind a proxy, Tomcat's {@code server.forward-headers-strategy} (or the proxy itself)
 * makes that the real client; a forwarded-for header is never read here, since any client can send
 * one.
 */
final class ClientAddress {

  private ClientAddress() {}

  static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
