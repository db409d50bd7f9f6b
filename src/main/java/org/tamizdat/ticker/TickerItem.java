package org.tamizdat.ticker;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the header shows for one instrument: the latest value, where it moved, the market day it is
 * for, and whether it is older than the instrument allows.
 */
public record TickerItem(
    String code, BigDecimal value, Direction direction, LocalDate day, boolean stale) {

  /** Movement against the previous distinct stored value. */
  public enum Direction {
    UP,
    DOWN,
    FLAT;

    static Direction between(BigDecimal previous, BigDecimal latest) {
      if (previous == null) {
        return FLAT;
      }
      int cmp = latest.compareTo(previous);
      return cmp > 0 ? UP : cmp < 0 ? DOWN : FLAT;
    }
  }
}
