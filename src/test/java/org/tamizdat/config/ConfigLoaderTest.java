package org.tamizdat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsMatchTheDocumentedOnes() {
    Config config = ConfigLoader.load(Map.of("PATH", "/bin"), Optional.empty());
    assertEquals(Path.of("./data"), config.dataDir());
    assertEquals("jdbc:sqlite:./data/tamizdat.db", config.dbUrl());
    assertEquals("127.0.0.1", config.httpHost());
    assertEquals(8080, config.httpPort());
    assertEquals("http://127.0.0.1:8080", config.baseUrl().toString());
    assertEquals(ZoneId.of("Europe/Riga"), config.timeZone());
    assertTrue(config.dayCounterStart().isEmpty());
    assertTrue(config.smtpUrl().isEmpty());
    assertTrue(config.pageCache());
    assertFalse(config.accessLog());
    assertFalse(config.isPostgres());
    assertEquals(List.of(), config.mirrors());
    assertTrue(config.onionUrl().isEmpty());
    TickerSettings ticker = config.ticker();
    assertEquals(List.of("USD", "EUR"), ticker.currencies());
    assertEquals(Duration.ofHours(3), ticker.cbrInterval());
    assertEquals(Duration.ofMinutes(5), ticker.oilInterval());
    assertEquals(Duration.ofDays(4), ticker.cbrMaxAge());
    assertEquals(Duration.ofDays(3), ticker.oilMaxAge());
    assertTrue(ticker.fetch());
    assertEquals("moex", ticker.oilSource());
    assertEquals(new DayCounterEdition(Optional.empty(), Optional.empty()), config.dayCounterEn());
  }

  static final String ONION =
      "http://" + "abcdefghijklmnopqrstuvwxyz234567".repeat(2).substring(0, 56) + ".onion";

  @Test
  void theSearchIndexLivesInTheDataDirUnlessANodeGetsItsOwn() {
    assertEquals(
        Path.of("/srv/shared/search"),
        ConfigLoader.load(Map.of("TAMIZDAT_DATA_DIR", "/srv/shared"), Optional.empty())
            .searchDir());
    assertEquals(
        Path.of("/var/lib/node-a/search"),
        ConfigLoader.load(
                Map.of(
                    "TAMIZDAT_DATA_DIR", "/srv/shared",
                    "TAMIZDAT_SEARCH_DIR", "/var/lib/node-a/search"),
                Optional.empty())
            .searchDir());
  }

  @Test
  void mirrorsAreOriginsAndTheOnionAddressIsAV3One() {
    Config config =
        ConfigLoader.load(
            Map.of(
                "TAMIZDAT_MIRRORS",
                " https://mirror-one.example/, http://mirror-two.example:8080 ",
                "TAMIZDAT_ONION_URL",
                ONION.toUpperCase(java.util.Locale.ROOT).replace("HTTP", "http") + "/"),
            Optional.empty());
    assertEquals(
        List.of(
            URI.create("https://mirror-one.example"), URI.create("http://mirror-two.example:8080")),
        config.mirrors());
    assertEquals(Optional.of(URI.create(ONION)), config.onionUrl());
  }

  @Test
  void badMirrorsAndOnionAddressesAreNamed() {
    for (String[] bad :
        new String[][] {
          {
            "TAMIZDAT_MIRRORS", "ftp://mirror.example", "'ftp://mirror.example' must be an absolute"
          },
          {"TAMIZDAT_MIRRORS", "https://user.github.io/tamizdat", "without a path"},
          {
            "TAMIZDAT_MIRRORS",
            "https://a.example,https://a.example/",
            "lists https://a.example twice"
          },
          {"TAMIZDAT_ONION_URL", "http://facebookcorewwwi.onion", "v3 onion service"},
          {"TAMIZDAT_ONION_URL", ONION.replace("a", "1"), "56 base32 characters"},
          {"TAMIZDAT_ONION_URL", "ftp" + ONION.substring(4), "56 base32 characters"},
        }) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> ConfigLoader.load(Map.of(bad[0], bad[1]), Optional.empty()),
              bad[1]);
      assertEquals(1, e.problems().size(), e.getMessage());
      assertTrue(
          e.problems().get(0).startsWith(bad[0] + ": ") && e.problems().get(0).contains(bad[2]),
          e.problems().get(0));
    }
  }

  @Test
  void tickerAndDayCounterSettings() {
    Config config =
        ConfigLoader.load(
            Map.of(
                "TAMIZDAT_TICKER_CURRENCIES", "usd, eur ,CNY",
                "TAMIZDAT_TICKER_CBR_INTERVAL", "90",
                "TAMIZDAT_TICKER_OIL_INTERVAL", "pt10m",
                "TAMIZDAT_TICKER_OIL_MAX_AGE", "P1DT12H",
                "TAMIZDAT_TICKER_FETCH", "off",
                "TAMIZDAT_TICKER_OIL_SOURCE", "off",
                "TAMIZDAT_DAY_COUNTER_START", "2022-02-24",
                "TAMIZDAT_DAY_COUNTER_START_RU", "2023-03-14",
                "TAMIZDAT_DAY_COUNTER_LABEL_RU", "{days}-й день"),
            Optional.empty());
    TickerSettings ticker = config.ticker();
    assertEquals(List.of("USD", "EUR", "CNY"), ticker.currencies());
    assertEquals(Duration.ofMinutes(90), ticker.cbrInterval());
    assertEquals(Duration.ofMinutes(10), ticker.oilInterval());
    assertEquals(Duration.ofHours(36), ticker.oilMaxAge());
    assertFalse(ticker.fetch());
    assertFalse(ticker.showsOil());
    assertEquals(
        new DayCounterEdition(Optional.of(LocalDate.of(2022, 2, 24)), Optional.empty()),
        config.dayCounterEn(),
        "the common start date");
    assertEquals(
        new DayCounterEdition(Optional.of(LocalDate.of(2023, 3, 14)), Optional.of("{days}-й день")),
        config.dayCounterRu());
  }

  static ConfigException refused(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(env, Optional.empty()));
  }

  @Test
  void badTickerAndDayCounterValuesAreNamed() {
    ConfigException e =
        refused(
            Map.of(
                "TAMIZDAT_TICKER_CURRENCIES", "USD,EURO",
                "TAMIZDAT_TICKER_CBR_INTERVAL", "PT10S",
                "TAMIZDAT_TICKER_OIL_INTERVAL", "soon",
                "TAMIZDAT_TICKER_CBR_MAX_AGE", "0",
                "TAMIZDAT_TICKER_FETCH", "sometimes",
                "TAMIZDAT_TICKER_OIL_SOURCE", "brent-api",
                "TAMIZDAT_DAY_COUNTER_START_EN", "yesterday",
                "TAMIZDAT_DAY_COUNTER_LABEL_EN", "Day of the war"));
    assertEquals(
        List.of(
            "TAMIZDAT_TICKER_CURRENCIES: must be a comma-separated list of distinct three-letter"
                + " currency codes like USD,EUR, got 'USD,EURO'",
            "TAMIZDAT_TICKER_CBR_INTERVAL: must be at least one minute, got 'PT10S'",
            "TAMIZDAT_TICKER_OIL_INTERVAL: must be a duration like PT30M or P4D, or minutes, got"
                + " 'soon'",
            "TAMIZDAT_TICKER_CBR_MAX_AGE: must be a positive duration like P4D, got '0'",
            "TAMIZDAT_TICKER_FETCH: must be on or off, got 'sometimes'",
            "TAMIZDAT_TICKER_OIL_SOURCE: must be one of moex, off, got 'brent-api'",
            "TAMIZDAT_DAY_COUNTER_START_EN: must be a date like 2024-02-24, got 'yesterday'",
            "TAMIZDAT_DAY_COUNTER_LABEL_EN: must contain {days} where the number goes, got 'Day of"
                + " the war'"),
        e.problems());
  }

  @Test
  void environmentOverridesFileAndFileOverridesDefaults() throws Exception {
    Path file = dir.resolve("tamizdat.properties");
    Files.writeString(
        file,
        "tamizdat.http.port=9090\ntamizdat.time.zone=Asia/Tbilisi\ntamizdat.site.name.ru=Фонарь\n");
    Config config =
        ConfigLoader.load(
            Map.of("TAMIZDAT_HTTP_PORT", "7070", "TAMIZDAT_DAY_COUNTER_START", "2024-02-24"),
            Optional.of(file));
    assertEquals(7070, config.httpPort());
    assertEquals(ZoneId.of("Asia/Tbilisi"), config.timeZone());
    assertEquals("Фонарь", config.siteNameRu());
    assertEquals(Optional.of(LocalDate.of(2024, 2, 24)), config.dayCounterStart());
  }

  @Test
  void everyBadValueIsNamedInOneError() {
    ConfigException e =
        refused(
            Map.of(
                "TAMIZDAT_HTTP_PORT", "eighty",
                "TAMIZDAT_TIME_ZONE", "Mars/Olympus",
                "TAMIZDAT_DB_URL", "mysql://x",
                "TAMIZDAT_BASE_URL", "ftp://example.org",
                "TAMIZDAT_DAY_COUNTER_START", "24.02.2022",
                "TAMIZDAT_PAGE_CACHE", "maybe"));
    assertEquals(6, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage().contains("TAMIZDAT_HTTP_PORT: must be a port number"), e.getMessage());
    assertTrue(e.getMessage().contains("got 'Mars/Olympus'"), e.getMessage());
    assertTrue(e.getMessage().contains("TAMIZDAT_DB_URL"), e.getMessage());
    assertTrue(e.getMessage().contains("TAMIZDAT_BASE_URL"), e.getMessage());
    assertTrue(
        e.getMessage().contains("TAMIZDAT_DAY_COUNTER_START: must be a date"), e.getMessage());
    assertTrue(e.getMessage().contains("TAMIZDAT_PAGE_CACHE: must be on or off"), e.getMessage());
  }

  @Test
  void unknownNamesAreErrorsSoTyposDoNotSilentlyFallBack() throws Exception {
    ConfigException env =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(Map.of("TAMIZDAT_HTTP_PROT", "1"), Optional.empty()));
    assertTrue(env.getMessage().contains("TAMIZDAT_HTTP_PROT: unknown setting"), env.getMessage());
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "tamizdat.data.dri=/tmp\n");
    ConfigException inFile =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), Optional.of(file)));
    assertTrue(
        inFile.getMessage().contains("unknown setting 'tamizdat.data.dri'"), inFile.getMessage());
  }

  @Test
  void testAndDebugVariablesAreNotAppSettings() {
    Config config =
        ConfigLoader.load(
            Map.of(
                "TAMIZDAT_TEST_PG_URL", "jdbc:postgresql://x/y",
                "TAMIZDAT_TESTS_REQUIRE_ALL", "1",
                "TAMIZDAT_DEBUG_TRACE", "1"),
            Optional.empty());
    assertFalse(config.isPostgres());
  }

  @Test
  void postgresUrlSelectsPostgresAndBaseUrlLosesTrailingSlash() {
    Config config =
        ConfigLoader.load(
            Map.of(
                "TAMIZDAT_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/news",
                "TAMIZDAT_BASE_URL",
                "https://news.example/"),
            Optional.empty());
    assertTrue(config.isPostgres());
    assertEquals("https://news.example", config.baseUrl().toString());
  }

  @Test
  void demoDefaultsGiveWayToTheOperator() {
    Config config =
        ConfigLoader.load(
            Map.of("TAMIZDAT_SITE_NAME_EN", "Real Outlet"),
            Optional.empty(),
            Map.of("SITE_NAME_EN", "Demo", "SITE_NAME_RU", "Демо"));
    assertEquals("Real Outlet", config.siteNameEn());
    assertEquals("Демо", config.siteNameRu());
  }
}
