package ai.jorge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar jorge.jar <command>}: the one entry point of the platform. */
@Command(
    name = "jorge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Answers, qualifies and scores a real estate team's inbound leads.",
    subcommands = {
      ServeCommand.class,
      MigrateCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      GuardCommand.class,
      WsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
      System.exit(code);
    }
  }
}
