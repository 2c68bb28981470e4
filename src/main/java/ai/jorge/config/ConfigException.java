package ai.jorge.config;

import ai.jorge.JorgeException;

/** Configuration that cannot be used; the message names the variable. */
public class ConfigException extends JorgeException {
  private final String variable;

  public ConfigException(String variable, String problem) {
    super("invalid_config", variable + ": " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
