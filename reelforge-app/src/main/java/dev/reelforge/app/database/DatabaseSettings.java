package dev.reelforge.app.database;

import dev.reelforge.app.settings.CheckedTogether;
import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.postgres.DatabaseUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.annotation.Validated;

/** The PostgreSQL database ({@code reelforge.database.*}). */
@ConfigurationProperties("reelforge.database")
@Validated
public class DatabaseSettings implements CheckedTogether {

  public static final String DEFAULT_SCHEMA = "public";
  public static final int DEFAULT_MAX_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * External PostgreSQL server, as jdbc:postgresql://HOST:PORT/DB or
   * postgresql://USER:PASSWORD@HOST:PORT/DB. Empty starts the embedded server instead.
   */
  private String url = "";

  /** User name for the external server (overrides one given in the URL). */
  private String username = "";

  /** Password for the external server (overrides one given in the URL). Never logged. */
  private String password = "";

  /** Schema that holds ReelForge's tables; created by the migrations when missing. */
  @NotBlank
  @Pattern(regexp = "[a-z_][a-z0-9_]{0,62}", message = "must be a lower-case SQL identifier")
  private String schema = DEFAULT_SCHEMA;

  /** Largest number of pooled connections this process opens. */
  @Min(2)
  @Max(500)
  private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;

  /** How long to wait for a connection to the server before giving up. */
  @NotNull private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

  @Valid @NestedConfigurationProperty private Embedded embedded = new Embedded();

  /** The PostgreSQL server ReelForge starts itself when no URL is set. */
  public static class Embedded {

    public static final String DEFAULT_DATA_DIR = "./data/postgres";

    /**
     * Where the embedded server keeps its data; kept across restarts. Unset, the postgres folder of
     * reelforge.data-dir.
     */
    @NotNull private Path dataDir = Path.of(DEFAULT_DATA_DIR);

    /** TCP port of the embedded server on 127.0.0.1; 0 picks a free one at each start. */
    @Min(0)
    @Max(65535)
    private int port = 0;

    /**
     * Operating-system user the embedded server runs as when ReelForge runs as root (PostgreSQL
     * refuses to run as root).
     */
    @NotBlank private String unprivilegedUser = "nobody";

    /** How long to wait for the embedded server to initialise and start. */
    @NotNull private Duration startupTimeout = Duration.ofSeconds(60);

    public Path getDataDir() {
      return dataDir;
    }

    public void setDataDir(Path dataDir) {
      this.dataDir = dataDir;
    }

    public int getPort() {
      return port;
    }

    public void setPort(int port) {
      this.port = port;
    }

    public String getUnprivilegedUser() {
      return unprivilegedUser;
    }

    public void setUnprivilegedUser(String unprivilegedUser) {
      this.unprivilegedUser = unprivilegedUser;
    }

    public Duration getStartupTimeout() {
      return startupTimeout;
    }

    public void setStartupTimeout(Duration startupTimeout) {
      this.startupTimeout = startupTimeout;
    }
  }

  /** An external URL must be one the PostgreSQL driver understands. */
  @Override
  public void checkTogether() {
    if (isEmbedded()) {
      return;
    }
    try {
      DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw InvalidSettingException.of("reelforge.database.url", url, e.getMessage());
    }
  }

  /** Whether the embedded server is used (no URL configured). */
  public boolean isEmbedded() {
    return url == null || url.isBlank();
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public int getMaxPoolSize() {
    return maxPoolSize;
  }

  public void setMaxPoolSize(int maxPoolSize) {
    this.maxPoolSize = maxPoolSize;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Embedded getEmbedded() {
    return embedded;
  }

  public void setEmbedded(Embedded embedded) {
    this.embedded = embedded;
  }
}
