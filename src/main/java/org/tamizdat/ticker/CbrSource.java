package org.tamizdat.ticker;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Official CBR rates for the configured currencies. Stored under the date CBR gives, which may
 * differ from the one asked for (weekends and holidays repeat the last working day's rates).
 */
public final class CbrSource implements QuoteSource {
  private static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private final Upstream upstream;
  private final URI base;
  private final List<String> currencies;
  private final CbrDailyParser parser = new CbrDailyParser();

  public CbrSource(Upstream upstream, URI base, List<String> currencies) {
    this.upstream = upstream;
    this.base = base;
    this.currencies = List.copyOf(currencies);
  }

  @Override
  public String name() {
    return "cbr";
  }

  @Override
  public Fetched fetch(LocalDate day) throws UpstreamProblem {
    URI uri = URI.create(base + "?date_req=" + REQUEST_DATE.format(day));
    CbrDailyParser.Rates rates = parser.parse(upstream.get(uri), currencies);
    if (rates.perUnit().isEmpty()) {
      throw new UpstreamProblem(String.join("; ", rates.problems()));
    }
    List<Quote> quotes =
        rates.perUnit().entrySet().stream()
            .map(rate -> Quote.onDay(rate.getKey(), rates.date(), rate.getValue(), name()))
            .toList();
    return new Fetched(quotes, rates.problems());
  }
}
