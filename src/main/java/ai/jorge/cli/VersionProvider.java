package ai.jorge.cli;

import picocli.CommandLine;

/** The jar's implementation version, or {@code dev} when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"jorge " + (v == null ? "dev" : v)};
  }
}
