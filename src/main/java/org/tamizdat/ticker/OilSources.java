package org.tamizdat.ticker;

import java.net.URI;
import java.util.Optional;

/** The oil providers that {@code TAMIZDAT_TICKER_OIL_SOURCE} can name. */
public final class OilSources {
  private OilSources() {}

  /** Empty for {@code off}. A new provider is one more case here and one more allowed name. */
  public static Optional<QuoteSource> byName(String name, Upstream upstream, URI moexUrl) {
    return switch (name) {
      case "moex" -> Optional.of(new MoexBrentSource(upstream, moexUrl));
      case "off" -> Optional.empty();
      default -> throw new IllegalArgumentException("unknown oil source " + name);
    };
  }
}
