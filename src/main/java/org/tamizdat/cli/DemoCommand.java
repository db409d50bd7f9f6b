package org.tamizdat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tamizdat.demo.DemoContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tamizdat demo}: loads the fictional demo newsroom (idempotently) and serves it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Load demo content and serve the site.")
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      description = "Properties file (default: ./tamizdat.properties if present).")
  Path configFile;

  @Override
  public Integer call() throws InterruptedException {
    return ServeCommand.run(ServeCommand.load(configFile, DemoContent.defaults()), true);
  }
}
