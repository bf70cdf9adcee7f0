package dev.reelforge.providers.fal;

import static dev.reelforge.providers.videogen.VideoVendorContext.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.StyleReference;
import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.providers.brandvision.BrandAnalyses;
import dev.reelforge.providers.brandvision.BrandPictures;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.brand.stub.FalImg2ImgStub;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class FalStyleReferencerTest {

  private static final String KEY = "fal-key-id:secret";

  private final FalImg2ImgStub stub = new FalImg2ImgStub(KEY);
  private final VideoVendorContext cloud = new VideoVendorContext();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    stub.close();
  }

  private FalStyleReferencer fal(double strength) {
    return FalFactory.styleReferencer(
        FalOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setApiKey(KEY)
            .setStyleStrength(strength)
            .setPollEvery(Duration.ofSeconds(1))
            .setDeadline(Duration.ofSeconds(30))
            .setResilience(VideoVendorContext.resilience())
            .build(),
        cloud.context());
  }

  @Test
  void theUploadGoesAsADataUriWithTheEssenceStrengthAndSeedAndTheResultIsDownloaded()
      throws IOException {
    Path logo = BrandPictures.logo(dir.resolve("in"));
    StyleReference reference =
        fal(FalOptions.DEFAULT_STYLE_STRENGTH)
            .reference(logo, BrandAnalyses.orangeDisc(), 1234, dir.resolve("out"));

    assertThat(stub.submitted().getLast().path()).isEqualTo("/" + FalImg2ImgStub.MODEL);
    assertThat(stub.submitted().getLast().header("Authorization")).isEqualTo("Key " + KEY);
    JsonNode body = stub.lastSubmission();
    String image = body.path("image_url").asString();
    assertThat(image).startsWith("data:image/png;base64,");
    assertThat(Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1)))
        .isEqualTo(Files.readAllBytes(logo));
    assertThat(body.path("prompt").asString()).isEqualTo(BrandAnalyses.ESSENCE);
    assertThat(body.path("strength").asDouble()).isEqualTo(0.4);
    assertThat(body.path("seed").asLong()).isEqualTo(1234);
    assertThat(body.path("num_images").asInt()).isEqualTo(1);
    assertThat(cloud.waits).as("polled until COMPLETED").hasSize(2);

    assertThat(reference.method()).isEqualTo(StyleReference.FLUX_DEV_IMG2IMG);
    assertThat(reference.strength()).isBetween(0.3, 0.5).isEqualTo(0.4);
    assertThat(reference.seed()).isEqualTo(1234);
    assertThat(reference.file())
        .startsWith(dir.resolve("out"))
        .hasFileName("style-reference-1234.jpg");
    BufferedImage picture = ImageIO.read(reference.file().toFile());
    assertThat(picture.getWidth()).isEqualTo(BrandPictures.WIDTH);
    assertThat(picture.getHeight()).isEqualTo(BrandPictures.HEIGHT);
    // The disc is still orange in the middle: the reference keeps the brand.
    int centre = picture.getRGB(BrandPictures.WIDTH / 2, BrandPictures.HEIGHT / 2);
    assertThat((centre >> 16) & 0xFF).isGreaterThan(230);
    assertThat(centre & 0xFF).isLessThan(40);
    ProviderCall call = cloud.costs.calls().getLast();
    assertThat(call.provider()).isEqualTo("fal");
    assertThat(call.operation()).isEqualTo("style-reference");
    assertThat(call.model()).isEqualTo(FalImg2ImgStub.MODEL);
  }

  @Test
  void theConfiguredStrengthIsSentAndRecordedAndASeedOutsideFluxsRangeIsFolded()
      throws IOException {
    Path logo = BrandPictures.logo(dir);
    StyleReference reference = fal(0.3).reference(logo, BrandAnalyses.orangeDisc(), -1, dir);
    assertThat(stub.lastSubmission().path("strength").asDouble()).isEqualTo(0.3);
    assertThat(stub.lastSubmission().path("seed").asLong()).isEqualTo(4_294_967_295L);
    assertThat(reference.strength()).isEqualTo(0.3);
    assertThat(reference.seed())
        .as("the seed Flux used is the one stored")
        .isEqualTo(4_294_967_295L);
  }

  @Test
  void aFlaggedResultIsContentRefusedAndAFailedRequestIsAProviderError() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.flagNext();
    failsWith(
        () -> fal(0.4).reference(logo, BrandAnalyses.orangeDisc(), 7, dir),
        ErrorCode.CONTENT_REFUSED,
        false,
        "safety checker");
    stub.failNextRequest();
    failsWith(
        () -> fal(0.4).reference(logo, BrandAnalyses.orangeDisc(), 7, dir),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "fal.ai failed");
  }

  @Test
  void aRequestPastTheDeadlineIsCancelledAndFailsRetryably() throws IOException {
    stub.neverFinishNext();
    failsWith(
        () -> fal(0.4).reference(BrandPictures.logo(dir), BrandAnalyses.orangeDisc(), 7, dir),
        ErrorCode.EXTERNAL_API_TIMEOUT,
        true,
        "30 s");
    assertThat(stub.anyCancelled()).isTrue();
  }

  @Test
  void aRateLimitedSubmitIsRetriedAndARejectedKeyIsNot() throws IOException {
    Path logo = BrandPictures.logo(dir);
    stub.failNextSubmits(1, 429);
    fal(0.4).reference(logo, BrandAnalyses.orangeDisc(), 7, dir);
    assertThat(stub.submitted()).hasSize(2);
    assertThat(stub.submissions()).isEqualTo(1);

    FalStyleReferencer wrong =
        FalFactory.styleReferencer(
            FalOptions.newBuilder()
                .setBaseUrl(stub.baseUrl())
                .setApiKey("other")
                .setResilience(VideoVendorContext.resilience())
                .build(),
            cloud.context());
    failsWith(
        () -> wrong.reference(logo, BrandAnalyses.orangeDisc(), 7, dir),
        ErrorCode.EXTERNAL_API_ERROR,
        false,
        "HTTP 401",
        "reelforge.providers.fal.api-key");
  }
}
