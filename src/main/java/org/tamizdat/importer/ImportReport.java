package org.tamizdat.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: counts per type and per original status, warnings that name their post, and
 * skipped items with the reason. Warnings beyond {@value #KEPT} are counted, not kept, so a huge
 * export cannot fill memory with them.
 */
public final class ImportReport {
  private static final int KEPT = 1000;

  private final Map<String, Integer> counts = new TreeMap<>();
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final Map<String, Integer> skippedTypes = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<String> sticky = new ArrayList<>();
  private int warningCount;
  private int skippedCount;
  private boolean dryRun;

  void add(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  void set(String what, int value) {
    counts.put(what, value);
  }

  void status(String wordpressStatus) {
    statuses.merge(wordpressStatus, 1, Integer::sum);
  }

  void skippedType(String type) {
    skippedTypes.merge(type.isEmpty() ? "(no type)" : type, 1, Integer::sum);
  }

  void warn(String message) {
    if (warningCount++ < KEPT) {
      warnings.add(message);
    }
  }

  void skip(String item, String reason) {
    if (skippedCount++ < KEPT) {
      skipped.add(item + ": " + reason);
    }
  }

  void sticky(String item) {
    if (sticky.size() < KEPT) {
      sticky.add(item);
    }
  }

  void dryRun(boolean dryRun) {
    this.dryRun = dryRun;
  }

  public int count(String what) {
    return counts.getOrDefault(what, 0);
  }

  public Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  public Map<String, Integer> statuses() {
    return Map.copyOf(statuses);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public int warningCount() {
    return warningCount;
  }

  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  public List<String> sticky() {
    return List.copyOf(sticky);
  }

  public boolean isDryRun() {
    return dryRun;
  }

  /** The report as the command prints it. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(dryRun ? "dry run: nothing was written" : "import committed");
    counts.forEach((what, n) -> out.add(String.format("  %-24s %d", what, n)));
    if (!statuses.isEmpty()) {
      out.add("by WordPress status:");
      statuses.forEach(
          (status, n) -> out.add(String.format("  %-24s %d%s", status, n, note(status))));
    }
    if (!sticky.isEmpty()) {
      out.add("sticky in WordPress (pin them again if wanted): " + String.join(", ", sticky));
    }
    if (!skippedTypes.isEmpty()) {
      out.add("items of other types skipped (not articles):");
      skippedTypes.forEach((type, n) -> out.add(String.format("  %-24s %d", type, n)));
    }
    if (skippedCount > 0) {
      out.add("skipped (" + skippedCount + "):");
      skipped.forEach(s -> out.add("  " + s));
      more(out, skippedCount - skipped.size());
    }
    if (warningCount > 0) {
      out.add("warnings (" + warningCount + "):");
      warnings.forEach(w -> out.add("  " + w));
      more(out, warningCount - warnings.size());
    }
    return out;
  }

  private static String note(String status) {
    return switch (status) {
      case "pending" -> "  (awaiting review in WordPress: imported as drafts)";
      case "private" -> "  (private in WordPress: imported as drafts)";
      case "future" -> "  (scheduled: published at their future time)";
      default -> "";
    };
  }

  private static void more(List<String> out, int n) {
    if (n > 0) {
      out.add("  ... and " + n + " more");
    }
  }
}
