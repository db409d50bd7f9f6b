package org.tamizdat.ticker;

import java.time.Duration;

/** An item of the header strip: its code and how old its value may get before it is marked. */
public record Instrument(String code, Duration maxAge) {
  /** The code Brent is stored under, whichever source provides it. */
  public static final String OIL = "OIL";
}
