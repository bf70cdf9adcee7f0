package dev.reelforge.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The HTTP server ({@code reelforge.server.*}). */
@ConfigurationProperties("reelforge.server")
@Validated
public class ServerSettings {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  /**
   * Address the HTTP server listens on. The default accepts connections from this machine only; use
   * 0.0.0.0 to accept them from other machines.
   */
  @NotBlank private String host = DEFAULT_HOST;

  /** TCP port of the HTTP server (1-65535); 0 picks a free port at each start. */
  @Min(0)
  @Max(65535)
  private int port = DEFAULT_PORT;

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }
}
