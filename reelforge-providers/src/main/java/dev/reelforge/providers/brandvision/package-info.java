/**
 * What the cloud brand analysers (Gemini, OpenAI vision) share: the brand image read once ({@link
 * dev.reelforge.providers.brandvision.BrandImage}), the instructions and the answer's schema in
 * both vendors' dialects ({@link dev.reelforge.providers.brandvision.BrandAnswerSchema}), and the
 * reading of the answer into a {@link dev.reelforge.core.brand.BrandAnalysis} ({@link
 * dev.reelforge.providers.brandvision.BrandAnswer}).
 */
package dev.reelforge.providers.brandvision;
