package dev.reelforge.media.vision;

/**
 * The face cascades that ship inside the {@code org.bytedeco:opencv} jar. Haar is the more
 * accurate; LBP is several times faster and misses more faces that are turned or badly lit.
 */
public enum FaceCascade {
  HAAR_FRONTALFACE("opencv-haar-frontalface", "haarcascades/haarcascade_frontalface_default.xml"),
  LBP_FRONTALFACE("opencv-lbp-frontalface", "lbpcascades/lbpcascade_frontalface.xml");

  /** Where the jar keeps OpenCV's {@code share/opencv4} folder for this platform. */
  static final String SHARE = "org/bytedeco/opencv/linux-x86_64/share/opencv4/";

  private final String detectorName;
  private final String file;

  FaceCascade(String detectorName, String file) {
    this.detectorName = detectorName;
    this.file = file;
  }

  /** The detector's registered name. */
  public String detectorName() {
    return detectorName;
  }

  /** The cascade's file name, e.g. {@code haarcascade_frontalface_default.xml}. */
  public String fileName() {
    return file.substring(file.lastIndexOf('/') + 1);
  }

  /** The class-path resource holding the cascade. */
  String resource() {
    return SHARE + file;
  }
}
