package dev.reelforge.providers.chat;

import static dev.reelforge.providers.http.OptionChecks.optionalKey;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.text;
import static dev.reelforge.providers.http.OptionChecks.url;
import static dev.reelforge.providers.http.OptionChecks.within;

import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;

/**
 * How to reach an OpenAI-compatible chat completions API (OpenAI, DeepSeek, Ollama, vLLM) for
 * scripts, validated when built: errors name the setting of the {@code reelforge.providers.chat}
 * tree to fix. The key may be empty: local servers such as Ollama need none.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param apiKey the key, empty for servers without authentication
 * @param model e.g. {@code gpt-4o-mini}, {@code deepseek-chat}, {@code llama3.1}; required
 * @param structuredOutput how the script's shape is enforced
 * @param temperature sampling temperature, 0 to 2
 * @param resilience timeouts, retries, breaker and concurrency of the calls
 */
public record ChatOptions(
    String baseUrl,
    String apiKey,
    String model,
    StructuredOutput structuredOutput,
    double temperature,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.chat";

  /** OpenAI's API, whose key the application may lend the chat writer. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  /**
   * DeepSeek's API, seed 001's technical director. It answers in JSON mode only ({@link
   * StructuredOutput#JSON_OBJECT}); {@code /v1} is accepted too.
   */
  public static final String DEEPSEEK_BASE_URL = "https://api.deepseek.com";

  public static final String DEEPSEEK_MODEL = "deepseek-chat";

  /** The variable DeepSeek's documentation and seed 001 keep the key in. */
  public static final String DEEPSEEK_KEY_VARIABLE = "DEEPSEEK_API_KEY";

  public static final StructuredOutput DEFAULT_STRUCTURED_OUTPUT = StructuredOutput.JSON_SCHEMA;
  public static final double DEFAULT_TEMPERATURE = 0.7;

  public ChatOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = optionalKey(apiKey);
    model = text(SETTINGS + ".model", model);
    present(SETTINGS + ".structured-output", structuredOutput);
    within(SETTINGS + ".temperature", temperature, 0, 2);
    present(OptionChecks.HTTP_SETTINGS, resilience);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Endpoint endpoint() {
    return new Endpoint(baseUrl, apiKey);
  }

  /** Whether {@code baseUrl} is OpenAI's own API (trailing slashes and blanks ignored). */
  public static boolean isOpenAi(String baseUrl) {
    return baseUrl != null && baseUrl.strip().replaceAll("/+$", "").equals(DEFAULT_BASE_URL);
  }

  /** Whether {@code baseUrl} is DeepSeek's API, with or without {@code /v1}. */
  public static boolean isDeepSeek(String baseUrl) {
    return baseUrl != null
        && baseUrl.strip().replaceAll("/+$", "").replaceAll("/v1$", "").equals(DEEPSEEK_BASE_URL);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "ChatOptions["
        + baseUrl
        + (apiKey.isEmpty() ? ", no key, " : ", key set, ")
        + model
        + ", "
        + structuredOutput
        + ", temperature "
        + temperature
        + "]";
  }

  /** Starts from the defaults; the model has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = "";
    private StructuredOutput structuredOutput = DEFAULT_STRUCTURED_OUTPUT;
    private double temperature = DEFAULT_TEMPERATURE;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    public Builder setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder setApiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder setModel(String model) {
      this.model = model;
      return this;
    }

    public Builder setStructuredOutput(StructuredOutput structuredOutput) {
      this.structuredOutput = structuredOutput;
      return this;
    }

    public Builder setTemperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws dev.reelforge.core.error.ReelForgeException {@code INVALID_INPUT} naming the setting
     *     that is wrong
     */
    public ChatOptions build() {
      return new ChatOptions(baseUrl, apiKey, model, structuredOutput, temperature, resilience);
    }
  }
}
