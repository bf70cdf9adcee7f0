package dev.reelforge.core.licence;

import java.time.Instant;
import java.util.Objects;

/**
 * The evidence kept with a run for one media item it shows or plays (seed 002's licensing evidence
 * store): its licence, and what proves it — the prompt it was generated from, the provider's
 * response, a receipt.
 *
 * @param item what the item is in the run, e.g. {@code beat 2 picture}, {@code music}, {@code
 *     narration}
 * @param kind {@code picture}, {@code clip}, {@code music} or {@code voice}
 * @param licence its licence record
 * @param prompt the prompt it was generated from (empty for library media)
 * @param providerResponse what the provider answered about it (its id, model, revised prompt), as
 *     text
 * @param receipt a purchase or licence receipt, or the library's sidecar reference (empty when
 *     none)
 * @param recordedAt when it was recorded
 */
public record LicenceEvidence(
    String item,
    String kind,
    MediaLicence licence,
    String prompt,
    String providerResponse,
    String receipt,
    Instant recordedAt) {

  public LicenceEvidence {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(licence, "licence");
    prompt = Objects.requireNonNullElse(prompt, "");
    providerResponse = Objects.requireNonNullElse(providerResponse, "");
    receipt = Objects.requireNonNullElse(receipt, "");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
