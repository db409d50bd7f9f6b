package org.tamizdat.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far an index has followed the change log, saved with each index commit so a restart resumes
 * where it stopped.
 *
 * <p>On PostgreSQL a sequence number is taken when a transaction writes, not when it commits, so
 * seq 12 may become visible after seq 13. A consumer that only remembered "13" would miss 12 for
 * good; the cursor remembers such gaps and asks for them again until they appear or, after {@link
 * #GAP_PATIENCE_MILLIS}, are taken to be rolled back. {@code publicUntil} is the publication time
 * up to which scheduled articles have been picked up.
 */
record ChangeCursor(long seq, Map<Long, Long> gaps, long publicUntil) {
  /** Longer than any write transaction may run (statements time out after 15 s). */
  static final long GAP_PATIENCE_MILLIS = 60_000;

  /** A jump this large is a sequence reset or cache skip, not transactions in flight. */
  private static final long MAX_GAP_RUN = 1_000;

  ChangeCursor {
    gaps = Map.copyOf(gaps);
  }

  static ChangeCursor at(long seq, long publicUntil) {
    return new ChangeCursor(seq, Map.of(), publicUntil);
  }

  /**
   * After reading {@code seqs} (ascending: gap fills and rows after {@link #seq}) at {@code now}.
   */
  ChangeCursor advance(List<Long> seqs, long now, long newPublicUntil) {
    Map<Long, Long> open = new HashMap<>(gaps);
    open.values().removeIf(firstSeen -> now - firstSeen > GAP_PATIENCE_MILLIS);
    long top = seq;
    for (long s : seqs) {
      open.remove(s);
      if (s > top) {
        if (s - top - 1 <= MAX_GAP_RUN) {
          for (long missing = top + 1; missing < s; missing++) {
            open.put(missing, now);
          }
        }
        top = s;
      }
    }
    return new ChangeCursor(top, open, newPublicUntil);
  }

  /** Seeds the gaps behind a starting point: missing numbers among the last {@code existing}. */
  ChangeCursor withGapsBehind(List<Long> existing, long from, long now) {
    Map<Long, Long> open = new HashMap<>(gaps);
    long expected = from + 1;
    for (long s : existing) {
      for (long missing = expected; missing < s; missing++) {
        open.put(missing, now);
      }
      expected = s + 1;
    }
    return new ChangeCursor(seq, open, publicUntil);
  }

  /** The cursor to resume from when two indexes saved different ones: the one further behind. */
  ChangeCursor earliest(ChangeCursor other) {
    Map<Long, Long> union = new HashMap<>(gaps);
    other.gaps.forEach((s, t) -> union.merge(s, t, Math::min));
    return new ChangeCursor(
        Math.min(seq, other.seq), union, Math.min(publicUntil, other.publicUntil));
  }

  Map<String, String> toCommitData() {
    return Map.of(
        "seq", Long.toString(seq),
        "publicUntil", Long.toString(publicUntil),
        "gaps",
            new TreeMap<>(gaps)
                .entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(",")));
  }

  /** Reads what {@link #toCommitData()} wrote; {@code null} when the data has no cursor. */
  static ChangeCursor fromCommitData(Map<String, String> data) {
    if (!data.containsKey("seq") || !data.containsKey("publicUntil")) {
      return null;
    }
    Map<Long, Long> gaps = new HashMap<>();
    for (String pair : data.getOrDefault("gaps", "").split(",")) {
      int colon = pair.indexOf(':');
      if (colon > 0) {
        gaps.put(
            Long.parseLong(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
      }
    }
    return new ChangeCursor(
        Long.parseLong(data.get("seq")), gaps, Long.parseLong(data.get("publicUntil")));
  }
}
