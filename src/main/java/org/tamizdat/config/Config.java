package org.tamizdat.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything an operator can set, validated once at start-up. Names and defaults are a public
 * interface (see README): operators script against them.
 */
public record Config(
    Path dataDir,
    String dbUrl,
    String httpHost,
    int httpPort,
    URI baseUrl,
    String siteNameEn,
    String siteNameRu,
    URI cbrUrl,
    URI moexUrl,
    Optional<URI> smtpUrl,
    Optional<LocalDate> dayCounterStart,
    ZoneId timeZone,
    Path sourcesKeyFile,
    boolean pageCache,
    boolean accessLog,
    List<URI> mirrors,
    Optional<URI> onionUrl,
    TickerSettings ticker,
    DayCounterEdition dayCounterEn,
    DayCounterEdition dayCounterRu,
    MailSettings mail,
    NewsletterSettings newsletter,
    MediaSettings media,
    Path searchDir,
    WebLimits webLimits) {

  public boolean isPostgres() {
    return dbUrl.startsWith("jdbc:postgresql:");
  }

  public Path mediaDir() {
    return dataDir.resolve("media");
  }

  public Config withHttpPort(int port) {
    return new Config(
        dataDir,
        dbUrl,
        httpHost,
        port,
        baseUrl,
        siteNameEn,
        siteNameRu,
        cbrUrl,
        moexUrl,
        smtpUrl,
        dayCounterStart,
        timeZone,
        sourcesKeyFile,
        pageCache,
        accessLog,
        mirrors,
        onionUrl,
        ticker,
        dayCounterEn,
        dayCounterRu,
        mail,
        newsletter,
        media,
        searchDir,
        webLimits);
  }
}
