package dev.reelforge.core.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which licences allow publishing, as the image generators and libraries word them. */
class LicencePolicyTest {

  @Test
  void generatedMediaAndTheImageVendorsTermsAllowPublishing() {
    assertThat(refusal(MediaLicence.generated("procedural").licence())).isEmpty();
    // What OpenAI's and fal.ai's image generators record for their previews.
    assertThat(refusal("OpenAI Terms of Use (output assigned to the user)")).isEmpty();
    assertThat(refusal("fal.ai Terms of Service; FLUX.1 model licence")).isEmpty();
    assertThat(refusal("CC BY 4.0")).isEmpty();
  }

  @Test
  void nonCommercialMissingAndUnknownLicencesDoNot() {
    assertThat(refusal("CC BY-NC 4.0"))
        .hasValueSatisfying(w -> assertThat(w).contains("commercial"));
    assertThat(refusal("")).hasValueSatisfying(w -> assertThat(w).contains("no licence"));
    assertThat(refusal("t")).hasValueSatisfying(w -> assertThat(w).contains("not one publishing"));
  }

  private static java.util.Optional<String> refusal(String licence) {
    return LicencePolicy.refusal(
        new LicenceEvidence(
            "scene 1 preview",
            "picture",
            new MediaLicence("vendor", "someone", licence, ""),
            "",
            "",
            "",
            Instant.EPOCH));
  }
}
