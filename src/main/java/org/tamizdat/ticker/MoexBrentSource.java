package org.tamizdat.ticker;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Brent: the front-month BR futures contract on the Moscow Exchange's FORTS market. */
public final class MoexBrentSource implements QuoteSource {
  static final String ASSET_CODE = "BR";
  private static final String PATH =
      "/engines/futures/markets/forts/securities.json"
          + "?assets="
          + ASSET_CODE
          + "&iss.meta=off&iss.only=securities,marketdata";

  private final Upstream upstream;
  private final URI base;
  private final MoexFuturesParser parser = new MoexFuturesParser();

  public MoexBrentSource(Upstream upstream, URI base) {
    this.upstream = upstream;
    this.base = base;
  }

  @Override
  public String name() {
    return "moex";
  }

  /** The current price; stored under the day of the exchange's data time, else {@code day}. */
  @Override
  public Fetched fetch(LocalDate day) throws UpstreamProblem {
    MoexFuturesParser.FrontMonth front =
        parser.parse(upstream.get(URI.create(base + PATH)), ASSET_CODE, day);
    LocalDate asOf = front.updated().map(t -> t.toLocalDate()).orElse(day);
    return new Fetched(
        List.of(Quote.onDay(Instrument.OIL, asOf, front.price(), name())), List.of());
  }
}
