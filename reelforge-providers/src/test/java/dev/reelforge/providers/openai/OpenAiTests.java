package dev.reelforge.providers.openai;

import dev.reelforge.providers.stub.StubServer;

/** The options every OpenAI adapter test builds its adapter with: the stub's /v1, a test key. */
final class OpenAiTests {

  private OpenAiTests() {}

  static OpenAiOptions options(StubServer stub) {
    return OpenAiOptions.newBuilder()
        .setBaseUrl(stub.baseUrl() + "/v1")
        .setApiKey("sk-test")
        .setResilience(StubServer.fastOptions())
        .build();
  }
}
