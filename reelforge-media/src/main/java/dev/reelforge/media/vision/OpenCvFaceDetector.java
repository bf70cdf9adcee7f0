package dev.reelforge.media.vision;

import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.FaceDetector;
import dev.reelforge.core.vision.GrayFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds frontal faces with one of OpenCV's cascade classifiers.
 *
 * <p>A {@link CascadeClassifier} is not safe to share between threads, so the detector keeps a pool
 * of them: each call borrows one (loading a new one when all are busy) and returns it.
 *
 * <p>The confidence of a box is how many neighbouring detection windows agreed on it, relative to
 * {@link Options#saturatingNeighbours()}: a face the cascade sees at many nearby positions and
 * scales is a sure one, a box that barely passed {@code minNeighbours} is not.
 */
public final class OpenCvFaceDetector implements FaceDetector {

  private final Options options;
  private final ConcurrentLinkedQueue<CascadeClassifier> idle = new ConcurrentLinkedQueue<>();
  private volatile Path cascadeFile;

  public OpenCvFaceDetector() {
    this(Options.defaults());
  }

  public OpenCvFaceDetector(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return options.cascade().detectorName();
  }

  @Override
  public String version() {
    return opencv_core.CV_VERSION() + "/" + options.cascade().fileName();
  }

  @Override
  public void warmUp() {
    idle.offer(borrow());
  }

  @Override
  public List<List<FaceBox>> detect(List<GrayFrame> batch) {
    CascadeClassifier classifier = borrow();
    try {
      List<List<FaceBox>> faces = new ArrayList<>(batch.size());
      for (GrayFrame frame : batch) {
        faces.add(detect(classifier, frame));
      }
      return faces;
    } finally {
      idle.offer(classifier);
    }
  }

  private List<FaceBox> detect(CascadeClassifier classifier, GrayFrame frame) {
    int minSide =
        (int) Math.round(Math.min(frame.width(), frame.height()) * options.minFaceFraction());
    try (BytePointer data = new BytePointer(frame.pixels());
        Mat gray = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC1, data);
        Mat equalized = new Mat();
        RectVector found = new RectVector();
        IntPointer neighbours = new IntPointer();
        Size minSize = new Size(minSide, minSide);
        Size maxSize = new Size()) {
      Mat searched = gray;
      if (options.equalize()) {
        opencv_imgproc.equalizeHist(gray, equalized);
        searched = equalized;
      }
      classifier.detectMultiScale2(
          searched,
          found,
          neighbours,
          options.scaleFactor(),
          options.minNeighbours(),
          0,
          minSize,
          maxSize);
      List<FaceBox> boxes = new ArrayList<>((int) found.size());
      for (int i = 0; i < found.size(); i++) {
        Rect r = found.get(i);
        int votes = i < neighbours.limit() ? neighbours.get(i) : options.minNeighbours();
        boxes.add(
            new FaceBox(
                (double) r.x() / frame.width(),
                (double) r.y() / frame.height(),
                (double) r.width() / frame.width(),
                (double) r.height() / frame.height(),
                Math.min(1.0, (double) votes / options.saturatingNeighbours())));
      }
      return boxes;
    }
  }

  private CascadeClassifier borrow() {
    CascadeClassifier classifier = idle.poll();
    if (classifier != null) {
      return classifier;
    }
    CascadeClassifier loaded = new CascadeClassifier(cascadeFile().toString());
    if (loaded.empty()) {
      throw new IllegalStateException("OpenCV could not load " + options.cascade().fileName());
    }
    return loaded;
  }

  /**
   * The cascade copied out of the jar once: OpenCV reads cascades only from files, and the jar may
   * be nested in the application's jar.
   */
  private synchronized Path cascadeFile() {
    if (cascadeFile == null) {
      String resource = options.cascade().resource();
      try (InputStream in =
          OpenCvFaceDetector.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              resource + " is not on the class path (org.bytedeco:opencv:linux-x86_64 is missing)");
        }
        Path file = Files.createTempFile("reelforge-", "-" + options.cascade().fileName());
        file.toFile().deleteOnExit();
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        cascadeFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cascadeFile;
  }

  /**
   * How the detector searches.
   *
   * @param cascade which cascade to use
   * @param scaleFactor how much the search window grows between scales (1.1 finds more, slower)
   * @param minNeighbours how many overlapping windows must agree before a box counts
   * @param saturatingNeighbours how many agreeing windows give a confidence of 1
   * @param minFaceFraction the smallest face searched for, as a fraction of the frame's shorter
   *     side: talking heads are never tiny, and skipping small scales is most of the speed
   * @param equalize whether frames are histogram-equalised before the search
   */
  public record Options(
      FaceCascade cascade,
      double scaleFactor,
      int minNeighbours,
      int saturatingNeighbours,
      double minFaceFraction,
      boolean equalize) {

    public static final double DEFAULT_SCALE_FACTOR = 1.1;
    public static final int DEFAULT_MIN_NEIGHBOURS = 6;
    public static final int DEFAULT_SATURATING_NEIGHBOURS = 30;
    public static final double DEFAULT_MIN_FACE_FRACTION = 0.1;

    public Options {
      if (cascade == null) {
        throw new IllegalArgumentException("a cascade is required");
      }
      if (scaleFactor <= 1 || scaleFactor > 2) {
        throw new IllegalArgumentException("scaleFactor must be in (1, 2]");
      }
      if (minNeighbours < 1 || saturatingNeighbours < minNeighbours) {
        throw new IllegalArgumentException("need 1 <= minNeighbours <= saturatingNeighbours");
      }
      if (minFaceFraction <= 0 || minFaceFraction >= 1) {
        throw new IllegalArgumentException("minFaceFraction must be in (0, 1)");
      }
    }

    /**
     * Haar frontal faces, scale step 1.1, 6 neighbours (fewer let a spacesuit pass for a face),
     * faces at least a tenth of the frame, no equalisation: on talking heads before plain walls,
     * global histogram equalisation spends the grey levels on the wall and lost 7 % of the faces
     * the raw frames kept (measured on the testkit's fixture), so it is left as an option for dim
     * footage.
     */
    public static Options defaults() {
      return new Options(
          FaceCascade.HAAR_FRONTALFACE,
          DEFAULT_SCALE_FACTOR,
          DEFAULT_MIN_NEIGHBOURS,
          DEFAULT_SATURATING_NEIGHBOURS,
          DEFAULT_MIN_FACE_FRACTION,
          false);
    }

    public Options withCascade(FaceCascade other) {
      return new Options(
          other, scaleFactor, minNeighbours, saturatingNeighbours, minFaceFraction, equalize);
    }

    public Options withMinFaceFraction(double fraction) {
      return new Options(
          cascade, scaleFactor, minNeighbours, saturatingNeighbours, fraction, equalize);
    }

    public Options withEqualize(boolean on) {
      return new Options(
          cascade, scaleFactor, minNeighbours, saturatingNeighbours, minFaceFraction, on);
    }
  }
}
