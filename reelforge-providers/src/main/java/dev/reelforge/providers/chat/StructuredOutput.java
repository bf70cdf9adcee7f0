package dev.reelforge.providers.chat;

/** How the chat script writer makes the model answer in the script's JSON shape. */
public enum StructuredOutput {
  /** {@code response_format: {type: json_schema, strict: true}} (OpenAI, vLLM, Ollama ≥ 0.5). */
  JSON_SCHEMA,
  /** {@code response_format: {type: json_object}} with the schema in the prompt (DeepSeek). */
  JSON_OBJECT
}
