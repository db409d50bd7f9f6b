package org.tamizdat.ticker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Says each upstream problem once, naming the source and the reason, instead of on every attempt:
 * an unreachable source polled every five minutes leaves one line, plus one when it recovers.
 */
public final class FetchLog {
  private final Consumer<String> warn;
  private final Consumer<String> info;
  private final Map<String, List<String>> lastProblems = new HashMap<>();

  public FetchLog(Consumer<String> warn, Consumer<String> info) {
    this.warn = warn;
    this.info = info;
  }

  public synchronized void report(String source, List<String> problems) {
    List<String> before = lastProblems.getOrDefault(source, List.of());
    for (String problem : problems) {
      if (!before.contains(problem)) {
        warn.accept("ticker source " + source + ": " + problem);
      }
    }
    if (problems.isEmpty() && !before.isEmpty()) {
      info.accept("ticker source " + source + ": working again");
    }
    lastProblems.put(source, List.copyOf(problems));
  }
}
