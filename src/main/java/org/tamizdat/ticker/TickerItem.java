package org.tamizdat.ticker;

import java.math.BigDecimal;

/** What the header shows for one instrument: the latest value and where it moved. */
public record TickerItem(String code, BigDecimal value, Direction direction) {

  /** Movement against the previous stored value. */
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
