package org.tamizdat.site;

import java.util.List;
import java.util.Locale;
import org.tamizdat.article.Language;
import org.tamizdat.ticker.TickerItem;

/** Turns ticker items into what an edition's header shows. */
final class TickerViews {
  private final Messages messages;
  private final Dates dates;

  TickerViews(Messages messages, Dates dates) {
    this.messages = messages;
    this.dates = dates;
  }

  List<TickerView> of(Language lang, List<TickerItem> items) {
    Messages.Bundle text = messages.bundle(lang);
    return items.stream().map(item -> view(lang, text, item)).toList();
  }

  private TickerView view(Language lang, Messages.Bundle text, TickerItem item) {
    String direction = item.direction().name().toLowerCase(Locale.ROOT);
    String arrow =
        switch (item.direction()) {
          case UP -> "▲";
          case DOWN -> "▼";
          case FLAT -> "";
        };
    String stale = item.stale() ? text.format("ticker.stale", dates.date(lang, item.day())) : null;
    return new TickerView(
        // Currencies without a translated label are shown by their ISO code in both editions.
        messages.find(lang, "ticker." + item.code()).orElse(item.code()),
        String.format(lang.locale(), "%.2f", item.value()),
        item.stale() ? direction + " stale" : direction,
        arrow,
        text.get("ticker." + direction),
        stale);
  }
}
