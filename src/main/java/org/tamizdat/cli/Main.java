package org.tamizdat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tamizdat} command. Subcommands are thin: they parse arguments and call the feature.
 */
@Command(
    name = "tamizdat",
    mixinStandardHelpOptions = true,
    version = "tamizdat 0.1.0",
    description = "Self-hosted bilingual publishing for newsrooms under censorship.",
    subcommands = {ServeCommand.class, DemoCommand.class, TickerCommand.class, DigestCommand.class})
public final class Main implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    // Undertow logs through JBoss Logging; send it to the same one-line format as ours.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(new OneLineErrors());
  }
}
