package dev.nbguard.sanitizer.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Floats as Python's {@code repr} (and so {@code json.dumps}) writes them. */
final class PythonFloats {
  private PythonFloats() {}

  /** Python's {@code repr(float)}: shortest digits, exponent form below 1e-4 and from 1e16. */
  static String repr(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    return repr(shortest(d));
  }

  /** The fewest significant digits that read back as {@code d} (Java 17's toString is not always shortest). */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        return candidate;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  static String repr(BigDecimal value) {
    if (value.signum() == 0) {
      return "0.0";
    }
    BigDecimal v = value.stripTrailingZeros();
    String sign = v.signum() < 0 ? "-" : "";
    String digits = v.unscaledValue().abs().toString();
    // value = 0.digits × 10^decpt
    int decpt = digits.length() - v.scale();
    if (decpt <= -4 || decpt > 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int exp = decpt - 1;
      String e = String.format("%02d", Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
    }
    if (decpt <= 0) {
      return sign + "0." + "0".repeat(-decpt) + digits;
    }
    if (decpt >= digits.length()) {
      return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
    }
    return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
  }
}
