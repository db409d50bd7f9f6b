package org.tamizdat.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
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
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      TickerCommand.class,
      DigestCommand.class,
      SearchCommand.class,
      ExportCommand.class,
      SourcesCommand.class,
      UserCommand.class,
      ImportCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    })
public final class Main implements Runnable {
  /**
   * Lucene warns on every start that the incubating vector API is off and it uses plain Java code
   * instead; enabling an incubator module would print a JVM warning on every start instead. Held in
   * a field because JUL keeps loggers only weakly.
   */
  private static final Logger LUCENE_VECTORS =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

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
    LUCENE_VECTORS.setLevel(Level.SEVERE);
    return new CommandLine(new Main()).setExecutionExceptionHandler(new OneLineErrors());
  }
}
