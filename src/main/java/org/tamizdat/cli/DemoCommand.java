package org.tamizdat.cli;

import java.util.concurrent.Callable;
import org.tamizdat.demo.DemoContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tamizdat demo}: loads the fictional demo newsroom (idempotently) and serves it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Load demo content and serve the site.")
final class DemoCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException {
    return ServeCommand.run(config.load(DemoContent.defaults()), true);
  }
}
