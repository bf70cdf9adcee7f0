package dev.reelforge.app.providers;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.providers.chat.ChatFactory;
import dev.reelforge.providers.chat.ChatOptions;
import dev.reelforge.providers.chat.StructuredOutput;
import dev.reelforge.providers.elevenlabs.ElevenLabsFactory;
import dev.reelforge.providers.elevenlabs.ElevenLabsOptions;
import dev.reelforge.providers.fal.FalFactory;
import dev.reelforge.providers.fal.FalOptions;
import dev.reelforge.providers.gemini.GeminiFactory;
import dev.reelforge.providers.gemini.GeminiOptions;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ResilienceOptions;
import dev.reelforge.providers.kling.KlingFactory;
import dev.reelforge.providers.kling.KlingOptions;
import dev.reelforge.providers.luma.LumaFactory;
import dev.reelforge.providers.luma.LumaOptions;
import dev.reelforge.providers.openai.OpenAiFactory;
import dev.reelforge.providers.openai.OpenAiOptions;
import dev.reelforge.providers.pexels.PexelsFactory;
import dev.reelforge.providers.pexels.PexelsOptions;
import dev.reelforge.providers.pixabay.PixabayFactory;
import dev.reelforge.providers.pixabay.PixabayOptions;
import dev.reelforge.providers.runway.RunwayFactory;
import dev.reelforge.providers.runway.RunwayOptions;
import dev.reelforge.providers.veo.VeoFactory;
import dev.reelforge.providers.veo.VeoOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps {@link ProvidersSettings} onto each cloud vendor's options, one method per vendor, and hands
 * them to the vendor's factory. A vendor is configured once it has a key: the setting, else the
 * variable the vendor's own tools read. The keys shared between trees are OpenAI's, which also
 * serves the chat API while that talks to OpenAI's URL, and Veo's, a Gemini API key that also
 * serves the Gemini brand analyser. Invalid values stop startup with the options' own error, which
 * names the setting.
 */
final class CloudVendors {

  private final ProvidersSettings settings;
  private final Function<String, String> environment;

  /**
   * @param environment looks up the vendors' usual key variables ({@code OPENAI_API_KEY}…)
   */
  CloudVendors(ProvidersSettings settings, Function<String, String> environment) {
    this.settings = settings;
    this.environment = environment;
  }

  /**
   * The adapters of every configured vendor. Within a role the first one is {@code auto}'s choice:
   * ElevenLabs before OpenAI for speech, OpenAI before fal.ai for images, Pexels before Pixabay,
   * Kling, then Luma, Runway and Veo for video (seed 001's chains start with Kling), Gemini before
   * OpenAI for brand analysis (seed 001's strategist is Gemini).
   */
  List<ProviderChoice<?>> choices(CloudContext context) {
    List<ProviderChoice<?>> choices = new ArrayList<>();
    chat().ifPresent(options -> choices.addAll(ChatFactory.choices(options, context)));
    gemini().ifPresent(options -> choices.addAll(GeminiFactory.choices(options, context)));
    elevenLabs().ifPresent(options -> choices.addAll(ElevenLabsFactory.choices(options, context)));
    openAi().ifPresent(options -> choices.addAll(OpenAiFactory.choices(options, context)));
    pexels().ifPresent(options -> choices.addAll(PexelsFactory.choices(options, context)));
    pixabay().ifPresent(options -> choices.addAll(PixabayFactory.choices(options, context)));
    fal().ifPresent(options -> choices.addAll(FalFactory.choices(options, context)));
    kling().ifPresent(options -> choices.addAll(KlingFactory.choices(options, context)));
    luma().ifPresent(options -> choices.addAll(LumaFactory.choices(options, context)));
    runway().ifPresent(options -> choices.addAll(RunwayFactory.choices(options, context)));
    veo().ifPresent(options -> choices.addAll(VeoFactory.choices(options, context)));
    return choices;
  }

  /**
   * The chat API of the script writer and the director. Seed 001 keeps DeepSeek's key in {@code
   * DEEPSEEK_API_KEY}: with no chat model, URL or key set, that variable alone turns on DeepSeek
   * ({@code deepseek-chat} in JSON mode, which is all DeepSeek offers); on DeepSeek's URL it is the
   * key and {@code deepseek-chat} the model when none is set.
   */
  Optional<ChatOptions> chat() {
    ContentVendorSettings.Chat chat = settings.getChat();
    String baseUrl = chat.getBaseUrl();
    String model = configured(chat.getModel());
    StructuredOutput output = chat.getStructuredOutput();
    String key = configured(chat.getApiKey());
    String deepSeekKey = key("", ChatOptions.DEEPSEEK_KEY_VARIABLE);
    if (model.isEmpty()
        && key.isEmpty()
        && ChatOptions.isOpenAi(baseUrl)
        && !deepSeekKey.isEmpty()) {
      baseUrl = ChatOptions.DEEPSEEK_BASE_URL;
      output = StructuredOutput.JSON_OBJECT;
    }
    boolean openAiUrl = ChatOptions.isOpenAi(baseUrl);
    boolean deepSeekUrl = ChatOptions.isDeepSeek(baseUrl);
    if (key.isEmpty()) {
      key = openAiUrl ? openAiKey() : deepSeekUrl ? deepSeekKey : "";
    }
    if (model.isEmpty() && deepSeekUrl) {
      model = ChatOptions.DEEPSEEK_MODEL;
    }
    // A model turns the writer on; OpenAI's URL also needs a key, other servers may need none.
    if (model.isEmpty() || (openAiUrl && key.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        ChatOptions.newBuilder()
            .setBaseUrl(baseUrl)
            .setApiKey(key)
            .setModel(model)
            .setStructuredOutput(output)
            .setTemperature(chat.getTemperature())
            .setResilience(resilience())
            .build());
  }

  Optional<ElevenLabsOptions> elevenLabs() {
    ContentVendorSettings.ElevenLabs eleven = settings.getElevenlabs();
    return withKey(eleven.getApiKey(), ElevenLabsOptions.KEY_VARIABLE)
        .map(
            key ->
                ElevenLabsOptions.newBuilder()
                    .setBaseUrl(eleven.getBaseUrl())
                    .setApiKey(key)
                    .setModel(eleven.getModel())
                    .setVoiceId(eleven.getVoiceId())
                    .setResilience(resilience())
                    .build());
  }

  Optional<OpenAiOptions> openAi() {
    ContentVendorSettings.OpenAi openai = settings.getOpenai();
    return Optional.of(openAiKey())
        .filter(key -> !key.isEmpty())
        .map(
            key ->
                OpenAiOptions.newBuilder()
                    .setBaseUrl(openai.getBaseUrl())
                    .setApiKey(key)
                    .setSpeechModel(openai.getSpeechModel())
                    .setVoice(openai.getVoice())
                    .setImageModel(openai.getImageModel())
                    .setModerationModel(openai.getModerationModel())
                    .setVisionModel(openai.getVisionModel())
                    .setResilience(resilience())
                    .build());
  }

  Optional<PexelsOptions> pexels() {
    StockVendorSettings.Pexels pexels = settings.getPexels();
    return withKey(pexels.getApiKey(), PexelsOptions.KEY_VARIABLE)
        .map(
            key ->
                PexelsOptions.newBuilder()
                    .setBaseUrl(pexels.getBaseUrl())
                    .setApiKey(key)
                    .setResilience(resilience())
                    .build());
  }

  Optional<PixabayOptions> pixabay() {
    StockVendorSettings.Pixabay pixabay = settings.getPixabay();
    return withKey(pixabay.getApiKey(), PixabayOptions.KEY_VARIABLE)
        .map(
            key ->
                PixabayOptions.newBuilder()
                    .setBaseUrl(pixabay.getBaseUrl())
                    .setApiKey(key)
                    .setResilience(resilience())
                    .build());
  }

  Optional<FalOptions> fal() {
    ContentVendorSettings.Fal fal = settings.getFal();
    return withKey(fal.getApiKey(), FalOptions.KEY_VARIABLE)
        .map(
            key ->
                FalOptions.newBuilder()
                    .setBaseUrl(fal.getBaseUrl())
                    .setApiKey(key)
                    .setModel(fal.getModel())
                    .setDeadline(fal.getDeadline())
                    .setStyleModel(fal.getStyleModel())
                    .setStyleStrength(fal.getStyleStrength())
                    .setResilience(resilience())
                    .build());
  }

  /**
   * Kling needs a key pair: either key (setting or variable) turns it on, and the options then name
   * the one that is missing.
   */
  Optional<KlingOptions> kling() {
    VideoVendorSettings.Kling kling = settings.getKling();
    String accessKey = key(kling.getAccessKey(), KlingOptions.ACCESS_KEY_VARIABLE);
    String secretKey = key(kling.getSecretKey(), KlingOptions.SECRET_KEY_VARIABLE);
    if (accessKey.isEmpty() && secretKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        KlingOptions.newBuilder()
            .setBaseUrl(kling.getBaseUrl())
            .setAccessKey(accessKey)
            .setSecretKey(secretKey)
            .setModel(kling.getModel())
            .setMode(kling.getMode())
            .setPollEvery(kling.getPollEvery())
            .setResilience(resilience())
            .build());
  }

  Optional<LumaOptions> luma() {
    VideoVendorSettings.Luma luma = settings.getLuma();
    return withKey(luma.getApiKey(), LumaOptions.KEY_VARIABLE)
        .map(
            key ->
                LumaOptions.newBuilder()
                    .setBaseUrl(luma.getBaseUrl())
                    .setApiKey(key)
                    .setModel(luma.getModel())
                    .setPollEvery(luma.getPollEvery())
                    .setCallbackUrl(luma.getCallbackUrl())
                    .setResilience(resilience())
                    .build());
  }

  Optional<RunwayOptions> runway() {
    VideoVendorSettings.Runway runway = settings.getRunway();
    return withKey(runway.getApiKey(), RunwayOptions.KEY_VARIABLE)
        .map(
            key ->
                RunwayOptions.newBuilder()
                    .setBaseUrl(runway.getBaseUrl())
                    .setApiKey(key)
                    .setModel(runway.getModel())
                    .setApiVersion(runway.getApiVersion())
                    .setPollEvery(runway.getPollEvery())
                    .setDeadline(runway.getDeadline())
                    .setResilience(resilience())
                    .build());
  }

  /** Google's SDKs read either variable; the setting, then GEMINI_API_KEY, then GOOGLE_API_KEY. */
  Optional<VeoOptions> veo() {
    VideoVendorSettings.Veo veo = settings.getVeo();
    return withKey(veo.getApiKey(), VeoOptions.KEY_VARIABLE)
        .or(() -> withKey("", VeoOptions.SECOND_KEY_VARIABLE))
        .map(
            key ->
                VeoOptions.newBuilder()
                    .setBaseUrl(veo.getBaseUrl())
                    .setApiKey(key)
                    .setModel(veo.getModel())
                    .setPollEvery(veo.getPollEvery())
                    .setDeadline(veo.getDeadline())
                    .setResilience(resilience())
                    .build());
  }

  /**
   * A Gemini API key serves both Gemini adapters: the setting, else Veo's, else GEMINI_API_KEY,
   * then GOOGLE_API_KEY (as Google's SDKs read them).
   */
  Optional<GeminiOptions> gemini() {
    BrandVendorSettings.Gemini gemini = settings.getGemini();
    return Optional.of(configured(gemini.getApiKey()))
        .filter(key -> !key.isEmpty())
        .or(() -> Optional.of(configured(settings.getVeo().getApiKey())).filter(k -> !k.isEmpty()))
        .or(() -> withKey("", GeminiOptions.KEY_VARIABLE))
        .or(() -> withKey("", GeminiOptions.SECOND_KEY_VARIABLE))
        .map(
            key ->
                GeminiOptions.newBuilder()
                    .setBaseUrl(gemini.getBaseUrl())
                    .setApiKey(key)
                    .setModel(gemini.getModel())
                    .setResilience(resilience())
                    .build());
  }

  /** {@code reelforge.providers.http.*}, the same for every vendor. */
  ResilienceOptions resilience() {
    ProvidersSettings.Http http = settings.getHttp();
    return ResilienceOptions.defaults()
        .withTimeout(http.getTimeout())
        .withMaxAttempts(http.getMaxAttempts())
        .withMaxConcurrent(http.getMaxConcurrent());
  }

  /** OpenAI's key as the OpenAI tree or its variable gives it, empty when neither does. */
  String openAiApiKey() {
    return openAiKey();
  }

  private String openAiKey() {
    return key(settings.getOpenai().getApiKey(), OpenAiOptions.KEY_VARIABLE);
  }

  private Optional<String> withKey(String configured, String variable) {
    return Optional.of(key(configured, variable)).filter(key -> !key.isEmpty());
  }

  /** The configured key, else the variable the vendor's own tools read, else empty. */
  private String key(String configured, String variable) {
    String key = configured(configured);
    if (!key.isEmpty()) {
      return key;
    }
    String fromEnvironment = environment.apply(variable);
    return fromEnvironment == null ? "" : fromEnvironment.strip();
  }

  private static String configured(String value) {
    return value == null ? "" : value.strip();
  }

  static Function<String, String> systemEnvironment() {
    Map<String, String> env = System.getenv();
    return env::get;
  }
}
