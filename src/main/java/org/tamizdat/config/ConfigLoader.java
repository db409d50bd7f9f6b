package org.tamizdat.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads {@link Config} from environment variables and an optional properties file. {@code
 * TAMIZDAT_HTTP_PORT} in the environment and {@code tamizdat.http.port} in the file name the same
 * setting; the environment wins. Unknown names are errors, so a typo never silently falls back to a
 * default.
 */
public final class ConfigLoader {
  private static final String PREFIX = "TAMIZDAT_";

  /**
   * Read by the test suite and CI, or by the CLI's error handler (a stack trace on failure), not by
   * the app; allowed in the environment so one shell can run both.
   */
  private static final Set<String> NOT_APP_SETTINGS =
      Set.of("TAMIZDAT_TEST_PG_URL", "TAMIZDAT_TESTS_REQUIRE_ALL", "TAMIZDAT_DEBUG_TRACE");

  static final List<String> NAMES =
      List.of(
          "DATA_DIR",
          "DB_URL",
          "HTTP_HOST",
          "HTTP_PORT",
          "BASE_URL",
          "SITE_NAME_EN",
          "SITE_NAME_RU",
          "CBR_URL",
          "MOEX_URL",
          "SMTP_URL",
          "DAY_COUNTER_START",
          "TIME_ZONE",
          "SOURCES_KEY_FILE",
          "PAGE_CACHE",
          "ACCESS_LOG",
          "TICKER_CURRENCIES",
          "TICKER_CBR_INTERVAL",
          "TICKER_OIL_INTERVAL",
          "TICKER_CBR_MAX_AGE",
          "TICKER_OIL_MAX_AGE",
          "TICKER_FETCH",
          "TICKER_OIL_SOURCE",
          "DAY_COUNTER_START_EN",
          "DAY_COUNTER_START_RU",
          "DAY_COUNTER_LABEL_EN",
          "DAY_COUNTER_LABEL_RU",
          "MAIL_FROM",
          "MAIL_REPLY_TO",
          "MAIL_RETURN_PATH",
          "MAIL_BOUNCE_LIMIT",
          "SUBSCRIBE_RATE_LIMIT",
          "SEARCH_DIR",
          "DIGEST_SCHEDULE_EN",
          "DIGEST_SCHEDULE_RU",
          "DKIM_KEY_FILE",
          "DKIM_SELECTOR",
          "DKIM_DOMAIN",
          "BOUNCE_MAILBOX_URL",
          "MAIL_CONCURRENCY",
          "MAIL_RATE_PER_SECOND",
          "MIRRORS",
          "ONION_URL",
          "MEDIA_MAX_MB",
          "MEDIA_MAX_MEGAPIXELS",
          "HTTP_REQUEST_TIMEOUT",
          "HTTP_IDLE_TIMEOUT",
          "HTTP_MAX_HEADER_BYTES",
          "SEARCH_RATE_LIMIT");

  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  /** Loads from the process environment and {@code file} when it exists. */
  public static Config load(Map<String, String> env, Optional<Path> file) {
    return load(env, file, Map.of());
  }

  /**
   * Like {@link #load(Map, Optional)}, with other defaults for some settings (the demo names its
   * fictional outlet); the file and the environment still win. Keys are names without the prefix.
   */
  public static Config load(
      Map<String, String> env, Optional<Path> file, Map<String, String> defaults) {
    Map<String, String> merged = new LinkedHashMap<>(defaults);
    List<String> problems = new ArrayList<>();
    file.filter(Files::exists).ifPresent(path -> readFile(path, merged, problems));
    env.forEach((name, value) -> {
      if (!name.startsWith(PREFIX) || NOT_APP_SETTINGS.contains(name)) {
        return;
      }
      String key = name.substring(PREFIX.length());
      if (!NAMES.contains(key)) {
        problems.add(name + ": unknown setting (known: " + knownNames() + ")");
      } else {
        merged.put(key, value);
      }
    });
    ConfigLoader loader = new ConfigLoader(merged);
    loader.problems.addAll(problems);
    return loader.build();
  }

  private static void readFile(Path path, Map<String, String> into, List<String> problems) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(path + ": cannot be read (" + e.getMessage() + ")");
      return;
    }
    for (String property : props.stringPropertyNames()) {
      String key =
          property.startsWith("tamizdat.")
              ? property.substring("tamizdat.".length()).replace('.', '_').toUpperCase(Locale.ROOT)
              : "";
      if (!NAMES.contains(key)) {
        problems.add(path + ": unknown setting '" + property + "'");
      } else {
        into.put(key, props.getProperty(property).strip());
      }
    }
  }

  private static String knownNames() {
    return String.join(", ", NAMES.stream().map(n -> PREFIX + n).toList());
  }

  private Config build() {
    Path dataDir = get("DATA_DIR", "./data", ConfigLoader::path);
    String dbUrl = get("DB_URL", "jdbc:sqlite:" + dataDir.resolve("tamizdat.db"), this::jdbcUrl);
    String host = get("HTTP_HOST", "127.0.0.1", ConfigLoader::nonBlank);
    int port = get("HTTP_PORT", "8080", ConfigLoader::port);
    URI baseUrl = get("BASE_URL", "http://" + host + ":" + port, ConfigLoader::httpUrl);
    String nameEn = get("SITE_NAME_EN", "Tamizdat", ConfigLoader::nonBlank);
    String nameRu = get("SITE_NAME_RU", "Тамиздат", ConfigLoader::nonBlank);
    URI cbr = get("CBR_URL", "https://www.cbr.ru/scripts/XML_daily.asp", ConfigLoader::httpUrl);
    URI moex = get("MOEX_URL", "https://iss.moex.com/iss", ConfigLoader::httpUrl);
    Optional<URI> smtp = optional("SMTP_URL", ConfigLoader::smtpUrl);
    Optional<LocalDate> counter = optional("DAY_COUNTER_START", ConfigLoader::date);
    ZoneId zone = get("TIME_ZONE", "Europe/Riga", ConfigLoader::zone);
    Path keyFile =
        get("SOURCES_KEY_FILE", dataDir.resolve("sources.key").toString(), ConfigLoader::path);
    boolean pageCache = get("PAGE_CACHE", "on", ConfigLoader::onOff);
    boolean accessLog = get("ACCESS_LOG", "off", ConfigLoader::onOff);
    List<URI> mirrors = get("MIRRORS", "", ConfigLoader::mirrors);
    Optional<URI> onion = optional("ONION_URL", ConfigLoader::onionUrl);
    TickerSettings ticker = ticker();
    DayCounterEdition counterEn = dayCounter("EN", counter);
    DayCounterEdition counterRu = dayCounter("RU", counter);
    MailSettings mail = mail(smtp.isPresent());
    NewsletterSettings newsletter = newsletter(mirrors);
    MediaSettings media = media();
    // Each node keeps its own search index: on local disk even when the data dir is shared.
    Path searchDir = get("SEARCH_DIR", dataDir.resolve("search").toString(), ConfigLoader::path);
    WebLimits webLimits = webLimits();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Config(
        dataDir,
        dbUrl,
        host,
        port,
        baseUrl,
        nameEn,
        nameRu,
        cbr,
        moex,
        smtp,
        counter,
        zone,
        keyFile,
        pageCache,
        accessLog,
        mirrors,
        onion,
        ticker,
        counterEn,
        counterRu,
        mail,
        newsletter,
        media,
        searchDir,
        webLimits);
  }

  private WebLimits webLimits() {
    return new WebLimits(
        get("HTTP_REQUEST_TIMEOUT", "PT10S", ConfigLoader::timeout),
        get("HTTP_IDLE_TIMEOUT", "PT60S", ConfigLoader::timeout),
        get("HTTP_MAX_HEADER_BYTES", "16384", ConfigLoader::headerBytes),
        get("SEARCH_RATE_LIMIT", "30", ConfigLoader::positive));
  }

  private static Duration timeout(String raw) {
    Duration timeout = duration(raw);
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0
        || timeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("must be a duration between PT1S and PT1H, like PT10S");
    }
    return timeout;
  }

  private static int headerBytes(String raw) {
    int bytes = positive(raw);
    if (bytes < 4096 || bytes > 1024 * 1024) {
      throw new IllegalArgumentException("must be between 4096 and 1048576");
    }
    return bytes;
  }

  private TickerSettings ticker() {
    return new TickerSettings(
        get("TICKER_CURRENCIES", "USD,EUR", ConfigLoader::currencies),
        get("TICKER_CBR_INTERVAL", "PT3H", ConfigLoader::interval),
        get("TICKER_OIL_INTERVAL", "PT5M", ConfigLoader::interval),
        get("TICKER_CBR_MAX_AGE", "P4D", ConfigLoader::maxAge),
        get("TICKER_OIL_MAX_AGE", "P3D", ConfigLoader::maxAge),
        get("TICKER_FETCH", "on", ConfigLoader::onOff),
        get("TICKER_OIL_SOURCE", "moex", ConfigLoader::oilSource));
  }

  /** An edition's own start date wins over the common one. */
  private DayCounterEdition dayCounter(String edition, Optional<LocalDate> common) {
    Optional<LocalDate> own = optional("DAY_COUNTER_START_" + edition, ConfigLoader::date);
    return new DayCounterEdition(
        own.or(() -> common), optional("DAY_COUNTER_LABEL_" + edition, ConfigLoader::label));
  }

  private MailSettings mail(boolean smtpConfigured) {
    Optional<String> from = optional("MAIL_FROM", raw -> MailAddresses.check(raw, true));
    String rawFrom = values.get("MAIL_FROM");
    if (smtpConfigured && (rawFrom == null || rawFrom.isBlank())) {
      problems.add(PREFIX + "MAIL_FROM: required when " + PREFIX + "SMTP_URL is set");
    }
    return new MailSettings(
        from,
        optional("MAIL_REPLY_TO", raw -> MailAddresses.check(raw, false)),
        optional("MAIL_RETURN_PATH", raw -> MailAddresses.check(raw, false)),
        get("MAIL_BOUNCE_LIMIT", "3", ConfigLoader::positive),
        get("SUBSCRIBE_RATE_LIMIT", "20", ConfigLoader::positive));
  }

  private NewsletterSettings newsletter(List<URI> mirrors) {
    return new NewsletterSettings(
        get("DIGEST_SCHEDULE_EN", "MON 09:00", ConfigLoader::slot),
        get("DIGEST_SCHEDULE_RU", "MON 09:00", ConfigLoader::slot),
        dkim(),
        optional("BOUNCE_MAILBOX_URL", ConfigLoader::mailboxUrl),
        get("MAIL_CONCURRENCY", "4", ConfigLoader::concurrency),
        get("MAIL_RATE_PER_SECOND", "0", ConfigLoader::rate),
        mirrors);
  }

  private MediaSettings media() {
    int megabytes =
        get("MEDIA_MAX_MB", String.valueOf(MediaSettings.DEFAULT_MAX_MB), raw -> atMost(raw, 500));
    int megapixels =
        get(
            "MEDIA_MAX_MEGAPIXELS",
            String.valueOf(MediaSettings.DEFAULT_MAX_MEGAPIXELS),
            raw -> atMost(raw, 200));
    return new MediaSettings(megabytes * 1024L * 1024, megapixels * 1_000_000L);
  }

  private static int atMost(String raw, int max) {
    int value = positive(raw);
    if (value > max) {
      throw new IllegalArgumentException("must be at most " + max);
    }
    return value;
  }

  /** Each worker holds an SMTP connection; servers limit connections per client well below 64. */
  private static int concurrency(String raw) {
    int value = positive(raw);
    if (value > 64) {
      throw new IllegalArgumentException("must be at most 64");
    }
    return value;
  }

  private static double rate(String raw) {
    try {
      double value = Double.parseDouble(raw.strip());
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a number of messages per second, 0 for no limit");
    }
  }

  /** {@code imaps://user:password@host:993/INBOX}; POP3 has only the inbox. */
  private static URI mailboxUrl(String raw) {
    URI uri = uri(raw, Set.of("imap", "imaps", "pop3", "pop3s"));
    if (uri.getRawUserInfo() == null || !uri.getRawUserInfo().contains(":")) {
      throw new IllegalArgumentException("must name a user and password (imaps://user:pass@host)");
    }
    return uri;
  }

  /** All three DKIM settings or none: a half-configured signer would sign nothing useful. */
  private Optional<DkimSettings> dkim() {
    Optional<java.security.interfaces.RSAPrivateKey> key =
        optional("DKIM_KEY_FILE", raw -> DkimSettings.readKey(Path.of(raw)));
    Optional<String> selector = optional("DKIM_SELECTOR", ConfigLoader::dnsLabels);
    Optional<String> domain = optional("DKIM_DOMAIN", ConfigLoader::dnsLabels);
    List<String> names = List.of("DKIM_KEY_FILE", "DKIM_SELECTOR", "DKIM_DOMAIN");
    long set =
        names.stream().filter(n -> values.get(n) != null && !values.get(n).isBlank()).count();
    if (set > 0 && set < names.size()) {
      problems.add(
          PREFIX
              + "DKIM_KEY_FILE, "
              + PREFIX
              + "DKIM_SELECTOR and "
              + PREFIX
              + "DKIM_DOMAIN: set all three or none");
    }
    if (key.isEmpty() || selector.isEmpty() || domain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DkimSettings(key.get(), selector.get(), domain.get()));
  }

  /** A DNS name such as {@code news.example.org} or a selector such as {@code mail2026}. */
  private static String dnsLabels(String raw) {
    String name = raw.strip().toLowerCase(Locale.ROOT);
    if (!name.matches(
        "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
      throw new IllegalArgumentException("must be a DNS name of letters, digits, hyphens and dots");
    }
    return name;
  }

  private static Optional<WeeklySlot> slot(String raw) {
    return raw.strip().equalsIgnoreCase("off")
        ? Optional.empty()
        : Optional.of(WeeklySlot.parse(raw));
  }

  private static int positive(String raw) {
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < 1) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number of at least 1");
    }
  }

  private <T> T get(String key, String fallback, Function<String, T> parse) {
    String raw = values.getOrDefault(key, fallback);
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException | DateTimeException e) {
      problems.add(PREFIX + key + ": " + e.getMessage() + ", got '" + raw + "'");
      return parse.apply(fallback);
    }
  }

  private <T> Optional<T> optional(String key, Function<String, T> parse) {
    String raw = values.get(key);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(raw.strip()));
    } catch (IllegalArgumentException | DateTimeException e) {
      problems.add(PREFIX + key + ": " + e.getMessage() + ", got '" + raw + "'");
      return Optional.empty();
    }
  }

  private static String nonBlank(String raw) {
    if (raw.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return raw.strip();
  }

  private static Path path(String raw) {
    return Path.of(nonBlank(raw));
  }

  private String jdbcUrl(String raw) {
    if (!raw.startsWith("jdbc:sqlite:") && !raw.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("must start with jdbc:sqlite: or jdbc:postgresql://");
    }
    return raw;
  }

  private static int port(String raw) {
    try {
      int port = Integer.parseInt(raw.strip());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a port number from 0 to 65535");
    }
  }

  private static URI uri(String raw, Set<String> schemes) {
    try {
      URI uri = new URI(raw.strip());
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            // Sorted: a Set's order changes from run to run, and the message must not.
            "must be an absolute " + String.join(" or ", new TreeSet<>(schemes)) + " URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + ")");
    }
  }

  private static URI httpUrl(String raw) {
    URI uri = uri(raw, Set.of("http", "https"));
    return URI.create(uri.toString().replaceAll("/+$", ""));
  }

  /** Mirrors serve the same files from their root, so each is an origin: no path, no query. */
  private static List<URI> mirrors(String raw) {
    List<URI> mirrors = new ArrayList<>();
    for (String part : raw.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      URI mirror;
      try {
        mirror = httpUrl(part);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + part.strip() + "' " + e.getMessage());
      }
      if (!mirror.getRawPath().isEmpty() || mirror.getRawQuery() != null) {
        throw new IllegalArgumentException(
            "'"
                + part.strip()
                + "' must be an origin such as https://mirror.example, without a path");
      }
      if (mirrors.contains(mirror)) {
        throw new IllegalArgumentException("lists " + mirror + " twice");
      }
      mirrors.add(mirror);
    }
    return List.copyOf(mirrors);
  }

  /**
   * An http(s) origin such as {@code https://mirror.example}: the site's pages link from its root,
   * so a copy cannot live under a path. The message quotes the value, for lists.
   */
  public static URI origin(String raw) {
    URI origin;
    try {
      origin = httpUrl(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + raw.strip() + "' " + e.getMessage());
    }
    if (!origin.getRawPath().isEmpty() || origin.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "'" + raw.strip() + "' must be an origin such as https://mirror.example, without a path");
    }
    return origin;
  }

  /** A v3 onion service address: 56 base32 characters (Tor no longer serves the short v2 ones). */
  private static URI onionUrl(String raw) {
    String url = raw.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    if (!url.matches("https?://[a-z2-7]{56}\\.onion")) {
      throw new IllegalArgumentException(
          "must be http://<56 base32 characters>.onion, the address of a v3 onion service");
    }
    return URI.create(url);
  }

  private static URI smtpUrl(String raw) {
    return uri(raw, Set.of("smtp", "smtps"));
  }

  private static LocalDate date(String raw) {
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date like 2024-02-24");
    }
  }

  private static ZoneId zone(String raw) {
    try {
      return ZoneId.of(raw.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("must be a time zone like Europe/Riga");
    }
  }

  private static List<String> currencies(String raw) {
    List<String> codes =
        Arrays.stream(raw.split(",")).map(c -> c.strip().toUpperCase(Locale.ROOT)).toList();
    if (codes.isEmpty()
        || !codes.stream().allMatch(c -> c.matches("[A-Z]{3}"))
        || codes.stream().distinct().count() != codes.size()) {
      throw new IllegalArgumentException(
          "must be a comma-separated list of distinct three-letter currency codes like USD,EUR");
    }
    return codes;
  }

  /** ISO-8601 ({@code PT30M}, {@code P1D}) or a plain number of minutes. */
  private static Duration duration(String raw) {
    String text = raw.strip().toUpperCase(Locale.ROOT);
    try {
      return text.matches("\\d{1,6}")
          ? Duration.ofMinutes(Long.parseLong(text))
          : Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a duration like PT30M or P4D, or minutes");
    }
  }

  /** Upstreams are public services: polling them more than once a minute is never needed. */
  private static Duration interval(String raw) {
    Duration interval = duration(raw);
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("must be at least one minute");
    }
    return interval;
  }

  private static Duration maxAge(String raw) {
    Duration age = duration(raw);
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("must be a positive duration like P4D");
    }
    return age;
  }

  private static String oilSource(String raw) {
    String name = raw.strip().toLowerCase(Locale.ROOT);
    if (!TickerSettings.OIL_SOURCES.contains(name)) {
      throw new IllegalArgumentException(
          "must be one of " + String.join(", ", TickerSettings.OIL_SOURCES));
    }
    return name;
  }

  private static String label(String raw) {
    if (!raw.contains(DayCounterEdition.PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "must contain " + DayCounterEdition.PLACEHOLDER + " where the number goes");
    }
    return raw.strip();
  }

  private static boolean onOff(String raw) {
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("must be on or off");
    };
  }
}
