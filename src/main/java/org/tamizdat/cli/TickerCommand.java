package org.tamizdat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tamizdat ticker fetch|backfill}: the market ticker by hand. */
@Command(
    name = "ticker",
    mixinStandardHelpOptions = true,
    description = "Fetch ticker values now, or fill CBR history.",
    subcommands = {TickerFetchCommand.class, TickerBackfillCommand.class})
final class TickerCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
