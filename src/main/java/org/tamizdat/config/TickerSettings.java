package org.tamizdat.config;

import java.time.Duration;
import java.util.List;

/**
 * The market ticker's settings.
 *
 * @param currencies CBR currencies shown, in order (ISO codes)
 * @param fetch whether {@code serve} fetches on a schedule (the {@code ticker} commands always do)
 * @param oilSource which provider supplies Brent, or {@code off} to show no oil price
 */
public record TickerSettings(
    List<String> currencies,
    Duration cbrInterval,
    Duration oilInterval,
    Duration cbrMaxAge,
    Duration oilMaxAge,
    boolean fetch,
    String oilSource) {

  public static final List<String> OIL_SOURCES = List.of("moex", "off");

  public boolean showsOil() {
    return !oilSource.equals("off");
  }
}
