package org.tamizdat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {
  @Test
  void defaultsAreTwentyMegabytesAndFiftyMegapixels() {
    MediaSettings media = ConfigLoader.load(Map.of(), Optional.empty()).media();
    assertEquals(20L * 1024 * 1024, media.maxBytes());
    assertEquals(50_000_000L, media.maxPixels());
  }

  @Test
  void operatorSetsBoth() {
    MediaSettings media =
        ConfigLoader.load(
                Map.of("TAMIZDAT_MEDIA_MAX_MB", "5", "TAMIZDAT_MEDIA_MAX_MEGAPIXELS", "24"),
                Optional.empty())
            .media();
    assertEquals(5L * 1024 * 1024, media.maxBytes());
    assertEquals(24_000_000L, media.maxPixels());
  }

  @Test
  void badValuesAreNamed() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    Map.of("TAMIZDAT_MEDIA_MAX_MB", "0", "TAMIZDAT_MEDIA_MAX_MEGAPIXELS", "9000"),
                    Optional.empty()));
    assertTrue(e.getMessage().contains("TAMIZDAT_MEDIA_MAX_MB"), e.getMessage());
    assertTrue(
        e.getMessage().contains("TAMIZDAT_MEDIA_MAX_MEGAPIXELS: must be at most 200"),
        e.getMessage());
  }
}
