package org.tamizdat.config;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One edition's day counter: the date of day 1 (the edition's own or the common one) and an
 * optional phrase with {@code {days}} where the number goes, e.g. "Day {days} of the war".
 */
public record DayCounterEdition(Optional<LocalDate> start, Optional<String> label) {
  public static final String PLACEHOLDER = "{days}";
}
