/**
 * The brand director's offline providers: {@link dev.reelforge.providers.brand.PixelBrandAnalyzer}
 * measures a brand image's pixels (palette in CIE Lab with the background told apart from the
 * subject, tone, texture, lettering, technical quality) and scores it by documented rules; {@link
 * dev.reelforge.providers.brand.LocalStyleReferencer} crops, denoises and colour-normalises it into
 * a style reference; {@link dev.reelforge.providers.brand.TemplateDirector} writes, revises and
 * re-rolls storyboard scenes from the analysis with a cinematographer's vocabulary. All pure Java;
 * tesseract reads lettering when it is installed.
 */
package dev.reelforge.providers.brand;
