package dev.reelforge.app.brand;

import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a brand picture upload before anything keeps it (seed 001 §5.1–5.2), whether it came as a
 * multipart part ({@code file}) or as seed 001's {@code FileUploadSchema} in JSON ({@code filename,
 * mimeType, size, data}): the declared type is JPEG, PNG or WebP; the size is positive, at most 10
 * MB and what the data holds; the data is base64; the first bytes are the declared type's; the name
 * is made safe; then FFmpeg decodes it under a time limit (refusing what does not decode, is
 * smaller than {@link #MIN_SIDE} pixels a side or larger than 50 megapixels) and writes it as a
 * normalised PNG. Every refusal is {@code INVALID_INPUT} naming the field.
 */
public final class BrandUploads {

  /** Seed 001's upload limit: {@code size.max(10 * 1024 * 1024)}. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** The shortest side a brand picture may have: less says nothing about a brand. */
  public static final int MIN_SIDE = 64;

  /** The long side of the normalised PNG, at most (never enlarged). */
  public static final int NORMALISED_LONG_SIDE = 2048;

  /** How long decoding one upload may take, per FFmpeg process. */
  public static final Duration DEFAULT_DECODE_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern DATA_URL = Pattern.compile("^data:[^,;]*(;[^,;]*)*;base64,");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * Seed 001's {@code FileUploadSchema}, as a route binds it from JSON.
   *
   * @param filename the user's name for it (1–255 characters once trimmed of control characters)
   * @param mimeType {@code image/jpeg}, {@code image/png} or {@code image/webp}
   * @param size its length in bytes
   * @param data its bytes as base64 (a {@code data:…;base64,} prefix is allowed)
   */
  public record FileUpload(String filename, String mimeType, Long size, String data) {}

  /** The request fields each check answers on: JSON's own, or the one multipart part. */
  private record Fields(String filename, String mimeType, String size, String data) {
    static final Fields JSON = new Fields("filename", "mimeType", "size", "data");
    static final Fields MULTIPART = new Fields("file", "file", "file", "file");
  }

  private final PictureDecoder decoder;

  /**
   * @param ffmpeg the FFmpeg build to decode with (asked for on the first upload)
   * @param decodeTimeout how long each FFmpeg process (probe, then decode) may take
   */
  public BrandUploads(Supplier<FfmpegInstallation> ffmpeg, Duration decodeTimeout) {
    if (decodeTimeout.isNegative() || decodeTimeout.isZero()) {
      throw new IllegalArgumentException("the decode timeout must be positive");
    }
    this.decoder = new PictureDecoder(ffmpeg, decodeTimeout);
  }

  /**
   * Checks seed 001's JSON upload and writes its normalised PNG into {@code folder}.
   *
   * @param folder where the normalised PNG ({@code <sha256 prefix>.normalised.png}) is written
   *     (made when missing); scratch files made there are removed
   * @throws ReelForgeException INVALID_INPUT naming {@code filename}, {@code mimeType}, {@code
   *     size} or {@code data}
   */
  public CheckedUpload fromJson(FileUpload upload, Path folder) {
    Fields fields = Fields.JSON;
    List<FieldViolation> violations = new ArrayList<>();
    String cleanedName = UploadFilenames.cleaned(upload.filename());
    if (cleanedName.isEmpty()) {
      violations.add(new FieldViolation(fields.filename(), "is required"));
    } else if (cleanedName.length() > UploadFilenames.MAX_LENGTH) {
      violations.add(
          new FieldViolation(
              fields.filename(), "may be at most " + UploadFilenames.MAX_LENGTH + " characters"));
    }
    Optional<PictureType> declared = declaredType(upload.mimeType(), fields, violations);
    if (upload.size() == null) {
      violations.add(new FieldViolation(fields.size(), "is required"));
    } else {
      checkSize(upload.size(), fields, violations);
    }
    if (upload.data() == null || upload.data().isBlank()) {
      violations.add(new FieldViolation(fields.data(), "is required"));
    }
    refuseIfAny(violations);
    byte[] bytes = decodeBase64(upload.data(), fields);
    if (bytes.length != upload.size()) {
      throw ReelForgeException.invalidField(
          fields.size(), "is " + upload.size() + " but data holds " + bytes.length + " bytes");
    }
    return checked(bytes, declared.orElseThrow(), cleanedName, fields, folder);
  }

  /**
   * Checks a multipart upload's part {@code file}: its type is the part's declared content type,
   * or, when the client declared none ({@code application/octet-stream}), its name's extension.
   *
   * @param file the part, or null when the request had none
   * @param folder as for {@link #fromJson}
   * @throws ReelForgeException INVALID_INPUT naming {@code file}
   */
  public CheckedUpload fromMultipart(MultipartFile file, Path folder) {
    Fields fields = Fields.MULTIPART;
    if (file == null || file.isEmpty()) {
      throw ReelForgeException.invalidField(fields.data(), "is required: a JPEG, PNG or WebP");
    }
    String cleanedName = UploadFilenames.cleaned(file.getOriginalFilename());
    if (cleanedName.length() > UploadFilenames.MAX_LENGTH) {
      throw ReelForgeException.invalidField(
          fields.filename(),
          "has a name longer than " + UploadFilenames.MAX_LENGTH + " characters");
    }
    List<FieldViolation> violations = new ArrayList<>();
    Optional<PictureType> declared = partType(file.getContentType(), cleanedName, violations);
    checkSize(file.getSize(), fields, violations);
    refuseIfAny(violations);
    byte[] bytes;
    try {
      bytes = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checked(bytes, declared.orElseThrow(), cleanedName, fields, folder);
  }

  /** The checks both forms share, once the bytes are in hand and the declared type is known. */
  private CheckedUpload checked(
      byte[] bytes, PictureType declared, String cleanedName, Fields fields, Path folder) {
    PictureType actual =
        PictureType.ofContent(bytes)
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        fields.data(),
                        "is not a JPEG, PNG or WebP picture by its first bytes (declared "
                            + declared.mimeType()
                            + ")"));
    if (actual != declared) {
      throw ReelForgeException.invalidField(
          fields.data(),
          "is "
              + actual.mimeType()
              + " by its first bytes, but was declared "
              + declared.mimeType());
    }
    String sha256 = sha256(bytes);
    String stem = sha256.substring(0, 16);
    Path normalised = folder.resolve(stem + ".normalised.png");
    Path source = writeScratch(folder, bytes);
    try {
      PictureDecoder.Probe probe = decoder.probe(source, actual, fields.data());
      int shortSide = Math.min(probe.width(), probe.height());
      int longSide = Math.max(probe.width(), probe.height());
      if (shortSide < MIN_SIDE || longSide > PictureDecoder.MAX_SIDE) {
        throw ReelForgeException.invalidField(
            fields.data(),
            "is "
                + probe.width()
                + "×"
                + probe.height()
                + " pixels; a brand picture needs "
                + MIN_SIDE
                + " to "
                + PictureDecoder.MAX_SIDE
                + " pixels a side");
      }
      int[] size = normalisedSize(probe.width(), probe.height());
      decoder.writePng(source, actual, probe, size[0], size[1], normalised, fields.data());
      return new CheckedUpload(
          UploadFilenames.safe(cleanedName, actual),
          stem + "." + actual.extension(),
          actual.mimeType(),
          bytes.length,
          sha256,
          bytes,
          normalised,
          probe.width(),
          probe.height());
    } finally {
      try {
        Files.deleteIfExists(source);
      } catch (IOException e) {
        // The scratch copy is in the caller's folder; leaving it costs space, not correctness.
      }
    }
  }

  /** The normalised PNG's size: the long side at most {@link #NORMALISED_LONG_SIDE}. */
  static int[] normalisedSize(int width, int height) {
    int longSide = Math.max(width, height);
    if (longSide <= NORMALISED_LONG_SIDE) {
      return new int[] {width, height};
    }
    double scale = (double) NORMALISED_LONG_SIDE / longSide;
    return new int[] {
      Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))
    };
  }

  private static Optional<PictureType> declaredType(
      String mimeType, Fields fields, List<FieldViolation> violations) {
    Optional<PictureType> type = PictureType.ofMimeType(mimeType);
    if (type.isEmpty()) {
      violations.add(
          new FieldViolation(
              fields.mimeType(),
              mimeType == null || mimeType.isBlank()
                  ? "is required: " + PictureType.accepted()
                  : "must be " + PictureType.accepted()));
    }
    return type;
  }

  /** A part's declared type: its content type, or its name's when it declared none. */
  private static Optional<PictureType> partType(
      String contentType, String filename, List<FieldViolation> violations) {
    boolean undeclared =
        contentType == null
            || contentType.isBlank()
            || contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream");
    Optional<PictureType> type =
        undeclared ? PictureType.ofFilename(filename) : PictureType.ofMimeType(contentType);
    if (type.isEmpty()) {
      violations.add(
          new FieldViolation(
              Fields.MULTIPART.mimeType(),
              undeclared
                  ? "must be declared as "
                      + PictureType.accepted()
                      + " (the part's Content-Type) or named .jpg, .png or .webp"
                  : "is declared "
                      + abbreviated(contentType)
                      + "; it must be "
                      + PictureType.accepted()));
    }
    return type;
  }

  private static String abbreviated(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static void checkSize(long size, Fields fields, List<FieldViolation> violations) {
    if (size <= 0) {
      violations.add(new FieldViolation(fields.size(), "must be a positive number of bytes"));
    } else if (size > MAX_BYTES) {
      violations.add(
          new FieldViolation(
              fields.size(),
              "is " + size + " bytes; at most " + MAX_BYTES + " bytes (10 MB) are accepted"));
    }
  }

  private static byte[] decodeBase64(String data, Fields fields) {
    String text =
        WHITESPACE.matcher(DATA_URL.matcher(data.strip()).replaceFirst("")).replaceAll("");
    // Refuse what cannot fit before decoding it: 4 characters carry 3 bytes.
    if ((text.length() / 4L) * 3 > MAX_BYTES + 3) {
      throw ReelForgeException.invalidField(
          fields.data(), "holds more than " + MAX_BYTES + " bytes (10 MB)");
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notStandard) {
      try {
        return Base64.getUrlDecoder().decode(text);
      } catch (IllegalArgumentException notUrlSafe) {
        throw ReelForgeException.invalidField(fields.data(), "is not valid base64");
      }
    }
  }

  private static void refuseIfAny(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw ReelForgeException.invalidInput(
          violations.stream()
              .map(v -> v.field() + ": " + v.message())
              .collect(Collectors.joining("; ")),
          violations);
    }
  }

  private static Path writeScratch(Path folder, byte[] bytes) {
    try {
      Files.createDirectories(folder);
      Path scratch = Files.createTempFile(folder, ".upload-", ".bin");
      Files.write(scratch, bytes);
      return scratch;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of {@code bytes} in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
