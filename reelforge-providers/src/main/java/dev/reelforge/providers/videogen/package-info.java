/**
 * What the cloud video engines (Kling, Luma, Runway, Veo) share: finished clips stored, measured
 * from their MP4 index and metered ({@link dev.reelforge.providers.videogen.VideoFiles}, {@link
 * dev.reelforge.providers.videogen.Mp4Header}), frames cropped to the asked shape or sent inline
 * ({@link dev.reelforge.providers.videogen.FrameImages}), the lengths they make ({@link
 * dev.reelforge.providers.videogen.VideoLengths}), safety refusals in the port's {@code
 * CONTENT_REFUSED} ({@link dev.reelforge.providers.videogen.Refusals}) and jobs past their deadline
 * as {@code PRODUCTION_TIMEOUT} ({@link dev.reelforge.providers.videogen.Deadlines}). A vendor's
 * own rate limit reaches the port as {@code EXTERNAL_RATE_LIMIT} through the client's {@link
 * dev.reelforge.providers.http.VendorErrors}.
 */
package dev.reelforge.providers.videogen;
