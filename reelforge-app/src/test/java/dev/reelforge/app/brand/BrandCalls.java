package dev.reelforge.app.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The brand routes as a client calls them: JSON and multipart uploads, polling until a state is
 * reached, downloads through signed links, and the pictures the tests upload (drawn here, so that
 * what the analysis should find is known).
 */
final class BrandCalls {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The logo's brand colour: what the palette must contain. */
  static final Color LOGO_RED = new Color(0xE6, 0x39, 0x46);

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  BrandCalls(int port) {
    this.port = port;
  }

  HttpResponse<String> send(String method, String path, String body, String token)
      throws Exception {
    return new ApiCalls(port).send(method, path, body, token);
  }

  /** A request with its own headers (an idempotency key). */
  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return new ApiCalls(port).send(request);
  }

  /** The answer's JSON, after checking its status. */
  JsonNode call(String method, String path, String body, String token, int status)
      throws Exception {
    HttpResponse<String> response = send(method, path, body, token);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }

  /** Seed 001's JSON upload of {@code bytes}. */
  HttpResponse<String> uploadJson(String filename, String mimeType, byte[] bytes, String token)
      throws Exception {
    String body =
        JSON.writeValueAsString(
            java.util.Map.of(
                "filename",
                filename,
                "mimeType",
                mimeType,
                "size",
                bytes.length,
                "data",
                Base64.getEncoder().encodeToString(bytes)));
    return send("POST", "/api/brand/uploads", body, token);
  }

  /** A multipart upload of {@code bytes} as the part {@code file}. */
  HttpResponse<String> uploadPart(String filename, String contentType, byte[] bytes, String token)
      throws Exception {
    String boundary = "----brand" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/brand/uploads"))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Reads {@code path} until {@code done} holds for its {@code data}, or fails after {@code limit}.
   */
  JsonNode await(String path, String token, Predicate<JsonNode> done, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode data = null;
    while (System.nanoTime() < deadline) {
      data = call("GET", path, null, token, 200).path("data");
      if (done.test(data)) {
        return data;
      }
      if (data.path("status").asString().equals("failed")) {
        throw new AssertionError(path + " failed: " + data);
      }
      Thread.sleep(250);
    }
    throw new AssertionError(path + " did not get there within " + limit + ": " + data);
  }

  /** A signed link's bytes, checking its content type. */
  byte[] download(String link, String contentType) throws Exception {
    assertThat(link).as("a link").isNotBlank();
    URI uri =
        link.startsWith("/") ? URI.create("http://127.0.0.1:" + port + link) : URI.create(link);
    HttpResponse<byte[]> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(link).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
    return response.body();
  }

  /**
   * A flat logo, 1024 pixels square: a red disc and a navy bar with a wordmark on white, drawn
   * without antialiasing so that its colours are exact.
   */
  static byte[] logoPng() throws IOException {
    BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1024, 1024);
    g.setColor(LOGO_RED);
    g.fillOval(262, 140, 500, 500);
    g.setColor(new Color(0x1D, 0x35, 0x57));
    g.fillRect(212, 700, 600, 40);
    g.setStroke(new BasicStroke(18));
    g.drawOval(232, 110, 560, 560);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 110));
    g.drawString("ACME", 372, 880);
    g.dispose();
    return png(image);
  }

  /** A small, soft blob: blurred and tiny, what the integrity filter flags. */
  static byte[] blurredThumbnailPng() throws IOException {
    BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new RadialGradientPaint(
            48f,
            48f,
            60f,
            new float[] {0f, 1f},
            new Color[] {new Color(0x9A, 0x8C, 0x7E), new Color(0x6E, 0x66, 0x60)}));
    g.fillRect(0, 0, 96, 96);
    g.dispose();
    return png(image);
  }

  /** A photo-like JPEG, 256 pixels square. */
  static byte[] smallJpeg() throws IOException {
    BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x2A, 0x9D, 0x8F));
    g.fillRect(0, 0, 256, 256);
    g.setColor(new Color(0xE9, 0xC4, 0x6A));
    g.fillRect(64, 64, 128, 128);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, "png", out)).isTrue();
    return out.toByteArray();
  }

  /** The distance between two colours in RGB (0 to 441). */
  static double distance(String hex, Color colour) {
    Color other = Color.decode(hex);
    int dr = other.getRed() - colour.getRed();
    int dg = other.getGreen() - colour.getGreen();
    int db = other.getBlue() - colour.getBlue();
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }
}
