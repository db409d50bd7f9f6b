package org.tamizdat.ticker;

import java.time.LocalDate;
import java.util.List;

/**
 * Where ticker values come from. Another provider (say, another oil price) is one more
 * implementation, chosen by configuration in {@link OilSources}.
 */
public interface QuoteSource {
  /** What fetching one day gave: usable quotes, and why anything else was left out. */
  record Fetched(List<Quote> quotes, List<String> problems) {}

  /** Short and stable: used in logs, the history's source column and the job's lease name. */
  String name();

  /** The values for {@code day} (a market day); throws when nothing usable came back. */
  Fetched fetch(LocalDate day) throws UpstreamProblem;
}
