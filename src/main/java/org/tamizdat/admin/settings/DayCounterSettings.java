package org.tamizdat.admin.settings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.Language;
import org.tamizdat.config.DayCounterEdition;

/**
 * Each edition's day counter: the configured one unless an editor changed it at run time. The
 * header asks for it on every render, so the stored overrides are read once per content epoch (a
 * change bumps the epoch through the change log, on every node).
 */
public final class DayCounterSettings {
  private static final Logger log = LoggerFactory.getLogger(DayCounterSettings.class);
  private static final int MAX_LABEL = 200;

  /** What an editor sets for one edition: empty start hides the counter, empty label: default. */
  public record Choice(Optional<LocalDate> start, Optional<String> label) {}

  private record Snapshot(long epoch, Map<String, String> values) {}

  private final RuntimeSettings settings;
  private final Map<Language, DayCounterEdition> configured;
  private final LongSupplier epoch;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  public DayCounterSettings(
      RuntimeSettings settings, Map<Language, DayCounterEdition> configured, LongSupplier epoch) {
    this.settings = settings;
    this.configured = Map.copyOf(configured);
    this.epoch = epoch;
  }

  static String startKey(Language lang) {
    return "day_counter.start." + lang.code();
  }

  static String labelKey(Language lang) {
    return "day_counter.label." + lang.code();
  }

  /** The counter the header shows now. */
  public DayCounterEdition edition(Language lang) {
    Map<String, String> values = values();
    DayCounterEdition base = configured.get(lang);
    if (!values.containsKey(startKey(lang))) {
      return base;
    }
    String start = values.get(startKey(lang));
    String label = values.getOrDefault(labelKey(lang), "");
    return new DayCounterEdition(
        start.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(start)),
        label.isEmpty() ? Optional.empty() : Optional.of(label));
  }

  /** Whether an edition's counter was changed here rather than configured. */
  public boolean isOverridden(Language lang) {
    return values().containsKey(startKey(lang));
  }

  public DayCounterEdition configured(Language lang) {
    return configured.get(lang);
  }

  /** Sets an edition's counter; {@code override} empty goes back to the configuration. */
  public void save(Language lang, Optional<Choice> override, Long staffId) {
    Map<String, String> values = new HashMap<>();
    if (override.isEmpty()) {
      values.put(startKey(lang), null);
      values.put(labelKey(lang), null);
    } else {
      Choice o = override.get();
      o.label().ifPresent(DayCounterSettings::checkLabel);
      values.put(startKey(lang), o.start().map(LocalDate::toString).orElse(""));
      values.put(labelKey(lang), o.label().map(String::strip).orElse(""));
    }
    settings.update(values, staffId);
    snapshot.set(null);
  }

  /** Parses a form's date field: blank is "no counter", anything else must be YYYY-MM-DD. */
  public static Optional<LocalDate> parseStart(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(raw.strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the start date must look like 2022-02-24");
    }
  }

  private static void checkLabel(String label) {
    if (!label.contains(DayCounterEdition.PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "the wording must contain " + DayCounterEdition.PLACEHOLDER + " where the number goes");
    }
    if (label.strip().length() > MAX_LABEL) {
      throw new IllegalArgumentException("the wording is longer than " + MAX_LABEL + " characters");
    }
  }

  private Map<String, String> values() {
    long now = epoch.getAsLong();
    Snapshot current = snapshot.get();
    if (current != null && current.epoch == now) {
      return current.values;
    }
    try {
      Snapshot fresh = new Snapshot(now, settings.all());
      snapshot.set(fresh);
      return fresh.values;
    } catch (RuntimeException e) {
      // The database is unreachable: error pages still render, with the last counter we had.
      log.warn("settings unavailable, using the last known: {}", e.getMessage());
      return current != null ? current.values : Map.of();
    }
  }

  /** Every edition's counter, for the settings page. */
  public Map<Language, DayCounterEdition> editions() {
    Map<Language, DayCounterEdition> all = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      all.put(lang, edition(lang));
    }
    return all;
  }
}
