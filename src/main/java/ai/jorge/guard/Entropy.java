package ai.jorge.guard;

/** Shannon entropy in bits per character. */
final class Entropy {
  private Entropy() {}

  static double bitsPerChar(CharSequence s) {
    if (s.isEmpty()) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double n = s.length();
    double h = other == 0 ? 0 : -(other / n) * log2(other / n);
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * log2(p);
      }
    }
    return h;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
