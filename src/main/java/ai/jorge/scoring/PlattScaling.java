package ai.jorge.scoring;

/**
 * Platt scaling: fits {@code p = sigmoid(slope * logit + intercept)} to outcomes by Newton's method
 * on the log-loss, with Platt's smoothed targets so that a small calibration set cannot push the
 * probabilities to exactly 0 or 1. Being affine in the logit, it keeps contributions additive.
 * Immutable.
 */
record PlattScaling(double slope, double intercept) {
  static final PlattScaling IDENTITY = new PlattScaling(1, 0);

  double apply(double logit) {
    return slope * logit + intercept;
  }

  static PlattScaling fit(double[] logits, boolean[] converted) {
    int positives = 0;
    for (boolean c : converted) {
      positives += c ? 1 : 0;
    }
    int negatives = converted.length - positives;
    double hi = (positives + 1.0) / (positives + 2.0);
    double lo = 1.0 / (negatives + 2.0);
    double a = 1;
    double b = 0;
    double loss = loss(logits, converted, hi, lo, a, b);
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-9;
      double hab = 0;
      double hbb = 1e-9;
      for (int i = 0; i < logits.length; i++) {
        double p = sigmoid(a * logits[i] + b);
        double r = p - (converted[i] ? hi : lo);
        double w = p * (1 - p);
        ga += r * logits[i];
        gb += r;
        haa += w * logits[i] * logits[i];
        hab += w * logits[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(logits, converted, hi, lo, a - da, b - db);
      while (next > loss && step > 1e-6) {
        step /= 2;
        next = loss(logits, converted, hi, lo, a - step * da, b - step * db);
      }
      a -= step * da;
      b -= step * db;
      boolean converged = loss - next < 1e-12;
      loss = next;
      if (converged) {
        break;
      }
    }
    return new PlattScaling(a, b);
  }

  private static double loss(
      double[] logits, boolean[] converted, double hi, double lo, double a, double b) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double z = a * logits[i] + b;
      double t = converted[i] ? hi : lo;
      // log(1 + e^z) - t*z, computed without overflow
      sum += Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z))) - t * z;
    }
    return sum;
  }

  static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }
}
