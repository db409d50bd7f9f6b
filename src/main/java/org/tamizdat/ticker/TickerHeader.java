package org.tamizdat.ticker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The header strip's items in configured order. An instrument never fetched has no item; one older
 * than its maximum age is still shown, marked stale.
 */
public final class TickerHeader {
  private final TickerRepository repository;
  private final List<Instrument> instruments;
  private final Clock clock;

  public TickerHeader(TickerRepository repository, List<Instrument> instruments, Clock clock) {
    this.repository = repository;
    this.instruments = List.copyOf(instruments);
    this.clock = clock;
  }

  public List<TickerItem> items() {
    List<TickerItem> items = new ArrayList<>();
    for (Instrument instrument : instruments) {
      repository
          .latest(instrument.code())
          .ifPresent(latest -> {
            Quote quote = latest.quote();
            boolean stale = clock.instant().isAfter(quote.asOf().plus(instrument.maxAge()));
            items.add(
                new TickerItem(
                    quote.code(),
                    quote.value(),
                    TickerItem.Direction.between(latest.previousDistinct(), quote.value()),
                    quote.day(),
                    stale));
          });
    }
    return items;
  }

  public List<Instrument> instruments() {
    return instruments;
  }
}
