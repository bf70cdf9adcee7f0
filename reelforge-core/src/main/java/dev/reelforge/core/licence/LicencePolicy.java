package dev.reelforge.core.licence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which licences allow publishing a short on a social platform: commercial use and redistribution
 * inside a derivative work. Generated media, public-domain dedications and the stock libraries' own
 * licences do; non-commercial, no-derivatives, editorial-only and unknown licences do not.
 */
public final class LicencePolicy {

  /**
   * Words of a licence that grants commercial use in a derivative work: generated media ("no
   * third-party rights", an AI vendor's terms of service, which assign the output to the user),
   * public-domain dedications, the stock libraries' licences, the operator's own library (what its
   * sidecar does not license otherwise), attribution licences (the credit goes into the manifest
   * and the description), open font and software licences.
   */
  private static final List<String> ALLOWING =
      List.of(
          "no third-party rights",
          "terms of service",
          "terms of use",
          "composed for this video",
          "cc0",
          "public domain",
          "pexels license",
          "pixabay",
          "cc by",
          "cc-by",
          "mit licence",
          "mit license",
          "apache",
          "ofl",
          "royalty-free",
          "owned by the operator",
          "licensed for publishing");

  /** Words that take commercial or derivative use away, whatever else the licence says. */
  private static final List<String> REFUSING =
      List.of(
          "-nc",
          " nc",
          "noncommercial",
          "non-commercial",
          "-nd",
          " nd",
          "noderivatives",
          "editorial",
          "all rights reserved",
          "personal use");

  private LicencePolicy() {}

  /** Why {@code evidence} does not allow publishing, or empty when it does. */
  public static Optional<String> refusal(LicenceEvidence evidence) {
    String licence = evidence.licence().licence().strip().toLowerCase(Locale.ROOT);
    if (licence.isEmpty()) {
      return Optional.of(evidence.item() + " has no licence on record");
    }
    if (REFUSING.stream().anyMatch(licence::contains)) {
      return Optional.of(
          evidence.item()
              + "'s licence '"
              + evidence.licence().licence()
              + "' does not allow commercial use in a derivative work");
    }
    if (ALLOWING.stream().noneMatch(licence::contains)) {
      return Optional.of(
          evidence.item()
              + "'s licence '"
              + evidence.licence().licence()
              + "' is not one publishing accepts");
    }
    return Optional.empty();
  }
}
