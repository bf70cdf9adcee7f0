package dev.reelforge.providers.brand;

/** A raster converted to CIE Lab once, as three planes, for clustering and background tests. */
final class LabPlanes {

  final int width;
  final int height;
  final float[] l;
  final float[] a;
  final float[] b;

  LabPlanes(Raster raster) {
    this.width = raster.width;
    this.height = raster.height;
    int n = raster.pixels();
    l = new float[n];
    a = new float[n];
    b = new float[n];
    for (int i = 0; i < n; i++) {
      Lab lab = Lab.fromRgb(raster.red[i], raster.green[i], raster.blue[i]);
      l[i] = (float) lab.l();
      a[i] = (float) lab.a();
      b[i] = (float) lab.b();
    }
  }

  int pixels() {
    return width * height;
  }

  /** Squared ΔE between pixel {@code i} and {@code colour}. */
  double distanceSquared(int i, double cl, double ca, double cb) {
    double dl = l[i] - cl;
    double da = a[i] - ca;
    double db = b[i] - cb;
    return dl * dl + da * da + db * db;
  }
}
