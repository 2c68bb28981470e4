package ai.jorge.scoring;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Tribuo's java.util.logging INFO lines (one per training epoch) out of the output. The
 * logger is held here because java.util.logging keeps only weak references to loggers.
 */
public final class TribuoLogging {
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

  private TribuoLogging() {}

  public static void quiet() {
    TRIBUO.setLevel(Level.WARNING);
  }
}
