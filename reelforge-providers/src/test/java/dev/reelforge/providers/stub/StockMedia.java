package dev.reelforge.providers.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Files a stock provider's CDN serves: a real JPEG, and the head of an MP4 (its ftyp box). */
public final class StockMedia {

  private StockMedia() {}

  public static byte[] jpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An ISO base media file: {@code ftyp} then an empty {@code mdat}. */
  public static byte[] mp4() {
    ByteBuffer buffer = ByteBuffer.allocate(32 + 8);
    buffer.putInt(32).put("ftyp".getBytes(StandardCharsets.ISO_8859_1));
    buffer.put("isom".getBytes(StandardCharsets.ISO_8859_1)).putInt(512);
    buffer.put("isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
    buffer.putInt(8).put("mdat".getBytes(StandardCharsets.ISO_8859_1));
    return buffer.array();
  }

  /** Serves {@code /cdn/photo.jpg} and {@code /cdn/clip.mp4} from {@code stub}. */
  public static void serve(StubServer stub) {
    stub.wireMock.stubFor(
        get("/cdn/photo.jpg")
            .willReturn(
                aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg(108, 192))));
    stub.wireMock.stubFor(
        get("/cdn/clip.mp4")
            .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(mp4())));
  }
}
