/**
 * Stateful stubs of the cloud APIs the brand director calls, over {@link
 * dev.reelforge.testkit.stub.StubHttpServer}: Gemini's {@code generateContent} and OpenAI's chat
 * completions looking at a brand image, fal.ai's Flux-dev image-to-image queue, and a chat
 * completions server (OpenAI or DeepSeek dialect) acting as the technical director. Each checks
 * authentication and requests as its vendor documents (the response schema dialect included),
 * answers in the vendor's envelope and error shape, keeps every request for assertions, and
 * produces failures switched on for the next so many calls: rate limits, server errors, refusals,
 * malformed or cut-off answers.
 */
package dev.reelforge.testkit.brand.stub;
