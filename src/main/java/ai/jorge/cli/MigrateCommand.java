package ai.jorge.cli;

import ai.jorge.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Applies pending schema migrations and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply database migrations and exit.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    int applied = Database.migrateOnly(options.load().database());
    System.out.println("Applied " + applied + " migration(s).");
    return 0;
  }
}
