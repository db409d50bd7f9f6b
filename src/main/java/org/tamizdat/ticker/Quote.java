package org.tamizdat.ticker;

import java.math.BigDecimal;
import java.time.Instant;

/** One instrument's value at one moment, as stored in {@code ticker_quote}. */
public record Quote(String code, Instant asOf, BigDecimal value) {}
