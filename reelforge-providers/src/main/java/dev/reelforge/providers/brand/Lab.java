package dev.reelforge.providers.brand;

/**
 * CIE L*a*b* (D65) colour: the perceptual space the palette is clustered in, where a Euclidean
 * distance (ΔE 1976) of about 2 is barely visible and 10 is clearly another colour.
 */
record Lab(double l, double a, double b) {

  private static final double XN = 0.95047;
  private static final double YN = 1.0;
  private static final double ZN = 1.08883;

  /** From sRGB channels in 0–255 (fractional values allowed, as averaged pixels are). */
  static Lab fromRgb(double r, double g, double bl) {
    double lr = linear(r / 255);
    double lg = linear(g / 255);
    double lb = linear(bl / 255);
    double x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / XN;
    double y = (0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb) / YN;
    double z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / ZN;
    double fx = f(x);
    double fy = f(y);
    double fz = f(z);
    return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
  }

  static Lab fromHex(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return fromRgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
  }

  /** ΔE 1976. */
  double distance(Lab other) {
    double dl = l - other.l;
    double da = a - other.a;
    double db = b - other.b;
    return Math.sqrt(dl * dl + da * da + db * db);
  }

  /** Chroma: how far from grey. */
  double chroma() {
    return Math.hypot(a, b);
  }

  /** Hue angle in degrees, 0–360. */
  double hue() {
    double h = Math.toDegrees(Math.atan2(b, a));
    return h < 0 ? h + 360 : h;
  }

  static String hex(double r, double g, double b) {
    return String.format("#%02x%02x%02x", byte8(r), byte8(g), byte8(b));
  }

  private static int byte8(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  private static double linear(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }
}
