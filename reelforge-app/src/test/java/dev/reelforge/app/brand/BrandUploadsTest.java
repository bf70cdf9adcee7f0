package dev.reelforge.app.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Brand picture uploads checked with real pictures and the real FFmpeg: drawn PNGs and JPEGs, a
 * WebP made by FFmpeg, an executable, a PNG declared as a JPEG, a decompression bomb's header,
 * path-traversal names, sizes that lie, and base64 that is not — each accepted with a measured
 * normalised PNG, or refused with INVALID_INPUT naming the field.
 */
class BrandUploadsTest {

  private static FfmpegInstallation ffmpeg;

  @TempDir Path folder;

  private final BrandUploads uploads =
      new BrandUploads(() -> ffmpeg, BrandUploads.DEFAULT_DECODE_TIMEOUT);

  @BeforeAll
  static void findFfmpeg() {
    ffmpeg = FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
  }

  @Test
  void aDrawnPngIsAcceptedHashedNamedAndNormalisedPixelForPixel() throws Exception {
    byte[] png = drawn(320, 200, "png", false);
    CheckedUpload checked = uploads.fromJson(json("logo.png", "image/png", png), folder);

    assertThat(checked.mimeType()).isEqualTo("image/png");
    assertThat(checked.type()).isEqualTo(PictureType.PNG);
    assertThat(checked.size()).isEqualTo(png.length);
    assertThat(checked.bytes()).isEqualTo(png);
    assertThat(checked.sha256()).hasSize(64).isEqualTo(BrandUploads.sha256(png));
    assertThat(checked.sha256())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png)));
    assertThat(checked.storedFilename()).isEqualTo(checked.sha256().substring(0, 16) + ".png");
    assertThat(checked.originalFilename()).isEqualTo("logo.png");
    assertThat(checked.width()).isEqualTo(320);
    assertThat(checked.height()).isEqualTo(200);

    assertThat(checked.normalisedPng())
        .isEqualTo(folder.resolve(checked.sha256().substring(0, 16) + ".normalised.png"));
    BufferedImage normalised = ImageIO.read(checked.normalisedPng().toFile());
    assertThat(normalised.getWidth()).isEqualTo(320);
    assertThat(normalised.getHeight()).isEqualTo(200);
    assertColour(normalised.getRGB(40, 40), BRAND_RED);
    assertColour(normalised.getRGB(250, 150), Color.WHITE);
    // Only the normalised picture is left in the folder: the scratch copies are gone.
    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(checked.normalisedPng().getFileName().toString());
    }
  }

  @Test
  void aLargeJpegIsScaledToTwoThousandPixelsOnItsLongSideKeepingItsAspect() throws Exception {
    byte[] jpeg = drawn(3000, 1500, "jpg", false);
    CheckedUpload checked = uploads.fromJson(json("photo.JPEG", "image/jpeg", jpeg), folder);

    assertThat(checked.width()).isEqualTo(3000);
    assertThat(checked.height()).isEqualTo(1500);
    assertThat(checked.originalFilename()).isEqualTo("photo.jpeg");
    assertThat(checked.storedFilename()).endsWith(".jpg");
    BufferedImage normalised = ImageIO.read(checked.normalisedPng().toFile());
    assertThat(normalised.getWidth()).isEqualTo(2048);
    assertThat(normalised.getHeight()).isEqualTo(1024);
    assertColour(normalised.getRGB(150, 150), BRAND_RED);
    assertThat(BrandUploads.normalisedSize(1000, 4000)).containsExactly(512, 2048);
    assertThat(BrandUploads.normalisedSize(2048, 100)).containsExactly(2048, 100);
  }

  @Test
  void aPngWithTransparencyKeepsItsAlphaChannel() throws Exception {
    byte[] png = drawn(200, 200, "png", true);
    CheckedUpload checked = uploads.fromJson(json("cutout.png", "image/png", png), folder);
    BufferedImage normalised = ImageIO.read(checked.normalisedPng().toFile());
    assertThat(normalised.getColorModel().hasAlpha()).isTrue();
    assertThat(normalised.getRGB(180, 180) >>> 24).isZero();
    assertThat(normalised.getRGB(40, 40) >>> 24).isEqualTo(255);
  }

  @Test
  void aWebpMadeByFfmpegIsDecodedByFfmpeg() throws Exception {
    assumeTrue(
        ffmpeg.hasEncoder("libwebp"),
        "this FFmpeg (" + ffmpeg.origin() + ") has no libwebp encoder to make the WebP with");
    byte[] webp = webp(drawn(400, 300, "png", true));
    assertThat(PictureType.ofContent(webp)).contains(PictureType.WEBP);

    CheckedUpload checked = uploads.fromJson(json("brand.webp", "image/webp", webp), folder);
    assertThat(checked.mimeType()).isEqualTo("image/webp");
    assertThat(checked.storedFilename()).endsWith(".webp");
    assertThat(checked.width()).isEqualTo(400);
    assertThat(checked.height()).isEqualTo(300);
    BufferedImage normalised = ImageIO.read(checked.normalisedPng().toFile());
    assertThat(normalised.getWidth()).isEqualTo(400);
    assertColour(normalised.getRGB(40, 40), BRAND_RED);
    assertThat(normalised.getRGB(380, 280) >>> 24).as("transparent corner").isLessThan(16);
  }

  @Test
  void anExecutableIsRefusedByItsDeclaredTypeAndByItsBytes() {
    byte[] exe = executable();
    // Seed 001 §7 test 8: an invalid type.
    assertThat(
            refusal(
                () -> uploads.fromJson(json("test.exe", "application/x-executable", exe), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("mimeType");
    // Declared as a picture, its first bytes give it away.
    List<FieldViolation> byBytes =
        refusal(() -> uploads.fromJson(json("test.png", "image/png", exe), folder));
    assertThat(byBytes).extracting(FieldViolation::field).containsExactly("data");
    assertThat(byBytes.getFirst().message()).contains("not a JPEG, PNG or WebP", "image/png");
  }

  @Test
  void aPngDeclaredAsAJpegIsRefusedNamingBoth() throws Exception {
    byte[] png = drawn(100, 100, "png", false);
    List<FieldViolation> violations =
        refusal(() -> uploads.fromJson(json("photo.jpg", "image/jpeg", png), folder));
    assertThat(violations).extracting(FieldViolation::field).containsExactly("data");
    assertThat(violations.getFirst().message()).contains("image/png", "image/jpeg");
  }

  @Test
  void pathTraversalAndControlCharactersNeverSurviveInTheName() throws Exception {
    byte[] jpeg = drawn(100, 100, "jpg", false);
    CheckedUpload checked =
        uploads.fromJson(json("../../../etc/passwd.jpg", "image/jpeg", jpeg), folder);
    assertThat(checked.originalFilename()).isEqualTo("passwd.jpg");
    assertThat(checked.storedFilename()).doesNotContain("..", "/").matches("[0-9a-f]{16}\\.jpg");

    assertThat(safe("..\\..\\windows\\system32\\evil.jpg", PictureType.JPEG)).isEqualTo("evil.jpg");
    assertThat(safe("  re\u0000port\u001f\u007f.jpg  ", PictureType.JPEG)).isEqualTo("report.jpg");
    assertThat(safe("...hidden.png", PictureType.PNG)).isEqualTo("hidden.png");
    assertThat(safe("a..b....c.png", PictureType.PNG)).isEqualTo("a.b.c.png");
    assertThat(safe("../..", PictureType.PNG)).isEqualTo("upload.png");
    assertThat(safe("invoice.pdf.exe", PictureType.PNG)).isEqualTo("invoice.pdf.png");
    assertThat(safe("photo", PictureType.WEBP)).isEqualTo("photo.webp");
    assertThat(safe("photo.PNG", PictureType.PNG)).isEqualTo("photo.png");
    // Right-to-left override: "gnp.exe" shown backwards would pass for a picture.
    assertThat(safe("cat\u202Egnp.exe", PictureType.PNG)).isEqualTo("catgnp.png");
    assertThat(safe("a<b>c:d\"e|f?g*.png", PictureType.PNG)).isEqualTo("a_b_c_d_e_f_g_.png");
    assertThat(safe("CON.png", PictureType.PNG)).isEqualTo("_CON.png");
    assertThat(safe("/var/tmp/", PictureType.JPEG)).isEqualTo("tmp.jpg");
    assertThat(safe("Bräu 🍺 logo.png", PictureType.PNG)).isEqualTo("Bräu 🍺 logo.png");
    String longest = safe("x".repeat(300) + ".png", PictureType.PNG);
    assertThat(longest).hasSize(UploadFilenames.MAX_LENGTH).endsWith("x.png");
    String emoji = safe("🍺".repeat(200) + ".png", PictureType.PNG);
    assertThat(emoji.length()).isLessThanOrEqualTo(UploadFilenames.MAX_LENGTH);
    assertThat(
            emoji
                .codePoints()
                .allMatch(c -> c == "🍺".codePointAt(0) || c == '.' || Character.isLetter(c)))
        .isTrue();

    // Seed 001's filename schema: empty after cleaning, or longer than 255, is the caller's error.
    assertThat(refusal(() -> uploads.fromJson(json("\u0001\u0002 ", "image/jpeg", jpeg), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("filename");
    assertThat(
            refusal(
                () -> uploads.fromJson(json("x".repeat(256) + ".jpg", "image/jpeg", jpeg), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("filename");
  }

  @Test
  void sizesThatLieOrOverflowAreRefusedOnSize() throws Exception {
    byte[] png = drawn(100, 100, "png", false);
    String data = Base64.getEncoder().encodeToString(png);
    assertThat(
            refusal(
                () ->
                    uploads.fromJson(
                        new BrandUploads.FileUpload(
                            "a.png", "image/png", (long) png.length + 1, data),
                        folder)))
        .extracting(FieldViolation::field)
        .containsExactly("size");
    assertThat(
            refusal(
                () ->
                    uploads.fromJson(
                        new BrandUploads.FileUpload(
                            "a.png", "image/png", BrandUploads.MAX_BYTES + 1, data),
                        folder)))
        .extracting(FieldViolation::message)
        .singleElement()
        .asString()
        .contains("10485760");
    assertThat(
            refusal(
                () ->
                    uploads.fromJson(
                        new BrandUploads.FileUpload("a.png", "image/png", 0L, data), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("size");
    // A body that holds more than 10 MB is refused before it is decoded.
    byte[] big = Arrays.copyOf(png, (int) BrandUploads.MAX_BYTES + 10);
    assertThat(
            refusal(
                () ->
                    uploads.fromJson(
                        new BrandUploads.FileUpload(
                            "a.png",
                            "image/png",
                            BrandUploads.MAX_BYTES,
                            Base64.getEncoder().encodeToString(big)),
                        folder)))
        .extracting(FieldViolation::field)
        .containsExactly("data");
    // Everything missing is said at once.
    assertThat(
            refusal(
                () ->
                    uploads.fromJson(new BrandUploads.FileUpload(null, null, null, null), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("filename", "mimeType", "size", "data");
  }

  @Test
  void badBase64IsRefusedOnDataAndADataUrlOrLineBreaksAreAccepted() throws Exception {
    assertThat(
            refusal(
                () ->
                    uploads.fromJson(
                        new BrandUploads.FileUpload("a.png", "image/png", 10L, "base64data!!"),
                        folder)))
        .extracting(FieldViolation::field)
        .containsExactly("data");
    byte[] png = drawn(100, 80, "png", false);
    String dataUrl = "data:image/png;base64," + Base64.getMimeEncoder().encodeToString(png);
    CheckedUpload checked =
        uploads.fromJson(
            new BrandUploads.FileUpload("a.png", "image/png", (long) png.length, dataUrl), folder);
    assertThat(checked.bytes()).isEqualTo(png);
  }

  @Test
  void whatHasTheRightFirstBytesButDoesNotDecodeIsRefused() throws Exception {
    byte[] png = drawn(300, 300, "png", false);
    byte[] truncated = Arrays.copyOf(png, png.length / 2);
    assertThat(refusal(() -> uploads.fromJson(json("half.png", "image/png", truncated), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("data");
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    System.arraycopy(png, 0, garbage, 0, 8);
    List<FieldViolation> refused =
        refusal(() -> uploads.fromJson(json("noise.png", "image/png", garbage), folder));
    assertThat(refused.getFirst().message()).contains("PNG picture", "decoded");
    byte[] jpegMagicOnly = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 3};
    assertThat(refusal(() -> uploads.fromJson(json("x.jpg", "image/jpeg", jpegMagicOnly), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("data");
  }

  @Test
  void aTinyPictureAndADecompressionBombAreRefusedBeforeDecoding() throws Exception {
    byte[] icon = drawn(32, 200, "png", false);
    List<FieldViolation> tiny =
        refusal(() -> uploads.fromJson(json("icon.png", "image/png", icon), folder));
    assertThat(tiny.getFirst().message()).contains("32×200", "64");
    // A 12000×6000 header over a few bytes: FFmpeg refuses it by its size, unread.
    List<FieldViolation> bomb =
        refusal(
            () ->
                uploads.fromJson(json("bomb.png", "image/png", pngHeader(12_000, 6_000)), folder));
    assertThat(bomb.getFirst().message()).contains("more than 50000000 pixels");
  }

  @Test
  void aDecodeThatRunsOutOfTimeIsRefused() throws Exception {
    BrandUploads impatient = new BrandUploads(() -> ffmpeg, Duration.ofMillis(1));
    byte[] png = drawn(300, 300, "png", false);
    assertThat(refusal(() -> impatient.fromJson(json("slow.png", "image/png", png), folder)))
        .extracting(FieldViolation::message)
        .singleElement()
        .asString()
        .contains("within 1 ms");
  }

  @Test
  void aMultipartPartIsCheckedOnTheFieldFile() throws Exception {
    byte[] png = drawn(120, 90, "png", false);
    CheckedUpload declared =
        uploads.fromMultipart(
            new MockMultipartFile("file", "../logo.png", "image/png", png), folder);
    assertThat(declared.originalFilename()).isEqualTo("logo.png");
    assertThat(declared.width()).isEqualTo(120);
    // No declared type: the name's extension declares it, and the bytes must agree.
    CheckedUpload byName =
        uploads.fromMultipart(
            new MockMultipartFile("file", "logo.png", "application/octet-stream", png), folder);
    assertThat(byName.mimeType()).isEqualTo("image/png");
    assertThat(
            refusal(
                () ->
                    uploads.fromMultipart(
                        new MockMultipartFile("file", "logo.jpg", null, png), folder)))
        .extracting(FieldViolation::message)
        .singleElement()
        .asString()
        .contains("image/png", "image/jpeg");
    assertThat(
            refusal(
                () ->
                    uploads.fromMultipart(
                        new MockMultipartFile("file", "notes.txt", "text/plain", png), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("file");
    assertThat(refusal(() -> uploads.fromMultipart(null, folder)))
        .extracting(FieldViolation::field)
        .containsExactly("file");
    assertThat(
            refusal(
                () ->
                    uploads.fromMultipart(
                        new MockMultipartFile("file", "a.png", "image/png", new byte[0]), folder)))
        .extracting(FieldViolation::field)
        .containsExactly("file");
  }

  @Test
  void magicBytesFollowSeed001() {
    assertThat(PictureType.ofContent(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}))
        .contains(PictureType.JPEG);
    assertThat(PictureType.ofContent("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
        .contains(PictureType.WEBP);
    assertThat(PictureType.ofContent("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)))
        .as("a RIFF that is not WebP (a WAV)")
        .isEmpty();
    assertThat(PictureType.ofContent(new byte[] {(byte) 0x89, 'P', 'N'})).isEmpty();
    assertThat(PictureType.ofContent(new byte[0])).isEmpty();
    assertThat(PictureType.ofMimeType(" IMAGE/PNG; charset=binary")).contains(PictureType.PNG);
    assertThat(PictureType.ofMimeType("image/jpg")).isEmpty();
  }

  // --- pictures ---

  private static final Color BRAND_RED = new Color(200, 30, 40);

  /** A red square on white (or on transparency), written by Java's own encoders. */
  private static byte[] drawn(int width, int height, String format, boolean transparent)
      throws IOException {
    BufferedImage image =
        new BufferedImage(
            width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    if (!transparent) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
    }
    g.setColor(BRAND_RED);
    g.fillRect(0, 0, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  private byte[] webp(byte[] png) throws IOException {
    Path source = folder.resolve("source.png");
    Path target = folder.resolve("made.webp");
    Files.write(source, png);
    var result =
        ffmpeg
            .ffmpeg(
                List.of(
                    "-v",
                    "error",
                    "-i",
                    source.toString(),
                    "-frames:v",
                    "1",
                    "-c:v",
                    "libwebp",
                    "-pix_fmt",
                    "yuva420p",
                    "-y",
                    target.toString()),
                Duration.ofSeconds(30))
            .run();
    assertThat(result.succeeded()).as(result.output()).isTrue();
    byte[] webp = Files.readAllBytes(target);
    Files.delete(source);
    Files.delete(target);
    return webp;
  }

  /** A PNG signature and a valid header claiming {@code width}×{@code height}, then 64 bytes. */
  private static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[4096]);
    deflater.finish();
    byte[] idat = new byte[256];
    idat = Arrays.copyOf(idat, deflater.deflate(idat));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** The start of a Windows executable: "MZ", the DOS stub's message. */
  private static byte[] executable() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, exe, 78, stub.length);
    return exe;
  }

  // --- helpers ---

  private static BrandUploads.FileUpload json(String filename, String mimeType, byte[] bytes) {
    return new BrandUploads.FileUpload(
        filename, mimeType, (long) bytes.length, Base64.getEncoder().encodeToString(bytes));
  }

  private static String safe(String raw, PictureType type) {
    return UploadFilenames.safe(UploadFilenames.cleaned(raw), type);
  }

  private static List<FieldViolation> refusal(Runnable upload) {
    ReelForgeException refused =
        (ReelForgeException) org.assertj.core.api.Assertions.catchThrowable(upload::run);
    assertThat(refused).as("the upload was refused").isNotNull();
    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(refused.violations()).isNotEmpty();
    return refused.violations();
  }

  private static void assertColour(int argb, Color expected) {
    Color actual = new Color(argb, true);
    assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red of " + actual).isLessThan(12);
    assertThat(Math.abs(actual.getGreen() - expected.getGreen()))
        .as("green of " + actual)
        .isLessThan(12);
    assertThat(Math.abs(actual.getBlue() - expected.getBlue()))
        .as("blue of " + actual)
        .isLessThan(12);
  }
}
