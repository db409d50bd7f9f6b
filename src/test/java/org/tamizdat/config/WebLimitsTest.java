package org.tamizdat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The abuse limits: sane defaults, settable, and a clear line for a bad value. */
class WebLimitsTest {
  @Test
  void defaultsAndSettings() {
    assertEquals(WebLimits.DEFAULTS, ConfigLoader.load(Map.of(), Optional.empty()).webLimits());
    WebLimits set =
        ConfigLoader.load(
                Map.of(
                    "TAMIZDAT_HTTP_REQUEST_TIMEOUT", "PT2S",
                    "TAMIZDAT_HTTP_IDLE_TIMEOUT", "PT30S",
                    "TAMIZDAT_HTTP_MAX_HEADER_BYTES", "8192",
                    "TAMIZDAT_SEARCH_RATE_LIMIT", "5"),
                Optional.empty())
            .webLimits();
    assertEquals(new WebLimits(Duration.ofSeconds(2), Duration.ofSeconds(30), 8192, 5), set);
  }

  @Test
  void badValuesAreNamed() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    Map.of(
                        "TAMIZDAT_HTTP_REQUEST_TIMEOUT", "PT0.1S",
                        "TAMIZDAT_HTTP_MAX_HEADER_BYTES", "100",
                        "TAMIZDAT_SEARCH_RATE_LIMIT", "0"),
                    Optional.empty()));
    List<String> names = e.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
    assertEquals(
        List.of(
            "TAMIZDAT_HTTP_REQUEST_TIMEOUT",
            "TAMIZDAT_HTTP_MAX_HEADER_BYTES",
            "TAMIZDAT_SEARCH_RATE_LIMIT"),
        names,
        e.problems().toString());
  }
}
