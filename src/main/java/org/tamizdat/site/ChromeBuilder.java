package org.tamizdat.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.ticker.DayCounter;
import org.tamizdat.ticker.TickerHeader;
import org.tamizdat.ticker.TickerItem;
import org.tamizdat.web.Assets;

/**
 * Builds the layout data shared by every page. Section names and ticker values change only with the
 * content epoch, so they are read once per epoch rather than on every render.
 */
public final class ChromeBuilder {
  private static final Logger log = LoggerFactory.getLogger(ChromeBuilder.class);

  private record Shared(
      long epoch, Map<Language, List<Link>> sections, Map<Language, List<TickerView>> ticker) {}

  private final Messages messages;
  private final Urls urls;
  private final Assets assets;
  private final CatalogRepository catalog;
  private final TickerHeader ticker;
  private final TickerViews tickerViews;
  private final Map<Language, DayCounter> dayCounters;
  private final Map<Language, String> siteNames;
  private final LongSupplier epoch;
  private final AtomicReference<Shared> shared = new AtomicReference<>();

  public ChromeBuilder(
      Messages messages,
      Urls urls,
      Assets assets,
      Dates dates,
      CatalogRepository catalog,
      TickerHeader ticker,
      Map<Language, DayCounter> dayCounters,
      Map<Language, String> siteNames,
      LongSupplier epoch) {
    this.messages = messages;
    this.urls = urls;
    this.assets = assets;
    this.catalog = catalog;
    this.ticker = ticker;
    this.tickerViews = new TickerViews(messages, dates);
    this.dayCounters = Map.copyOf(dayCounters);
    this.siteNames = Map.copyOf(siteNames);
    this.epoch = epoch;
  }

  public String siteName(Language lang) {
    return siteNames.get(lang);
  }

  /**
   * @param path the page's own path, for the canonical link
   * @param alternates the page in other editions (including itself) for hreflang links
   * @param languageSwitch where the switch in the header leads
   */
  public Chrome build(
      Language lang,
      String title,
      String description,
      String path,
      List<Alternate> alternates,
      String languageSwitch,
      String activeSection) {
    Shared data = shared();
    Messages.Bundle text = messages.bundle(lang);
    DayCounter dayCounter = dayCounters.get(lang);
    OptionalLong day = dayCounter.today();
    String counter =
        day.isPresent()
            ? dayCounter
                .labelled()
                .orElseGet(() -> text.format("day.counter", String.valueOf(day.getAsLong())))
            : null;
    String counterTitle =
        day.isPresent()
            ? text.format(
                "day.counter.title",
                String.valueOf(day.getAsLong()),
                dayCounter.start().orElseThrow().toString())
            : null;
    Language other = lang.other();
    return new Chrome(
        lang.code(),
        text,
        siteNames.get(lang),
        urls.home(lang),
        urls.search(lang),
        title,
        description,
        urls.canonical(path),
        alternates,
        new Link(languageSwitch, text.get("lang.switch")),
        other.code(),
        data.sections.get(lang),
        activeSection,
        data.ticker.get(lang),
        counter,
        counterTitle,
        assets.url("site.css"),
        assets.url("outdated.js"),
        assets.url("favicon.svg"),
        discovery(lang, path, activeSection, data.sections.get(lang)));
  }

  /** The edition's feeds on every page, and the section's too on its pages and its articles'. */
  private Discovery discovery(
      Language lang, String path, String activeSection, List<Link> sections) {
    String site = siteNames.get(lang);
    List<FeedLink> feeds = new ArrayList<>(feedLinks(urls.home(lang), site));
    sections.stream()
        .filter(section -> section.url().equals(activeSection))
        .findFirst()
        .ifPresent(
            section -> feeds.addAll(feedLinks(section.url(), section.text() + " · " + site)));
    return new Discovery(feeds, urls.onion(path).orElse(null), urls.reachUs(lang));
  }

  private List<FeedLink> feedLinks(String listingPath, String title) {
    return Arrays.stream(FeedFormat.values())
        .map(format ->
            new FeedLink(
                format.mediaType(),
                title + " (" + format.label() + ")",
                urls.feed(listingPath, format)))
        .toList();
  }

  private Shared shared() {
    long now = epoch.getAsLong();
    Shared current = shared.get();
    if (current != null && current.epoch == now) {
      return current;
    }
    try {
      Map<Language, List<Link>> sections = new EnumMap<>(Language.class);
      for (Language lang : Language.values()) {
        sections.put(
            lang,
            catalog.sections(lang).stream()
                .map(s -> new Link(urls.section(lang, s.slug()), s.name()))
                .toList());
      }
      // Formatted once per epoch, not for every page.
      List<TickerItem> items = ticker.items();
      Map<Language, List<TickerView>> views = new EnumMap<>(Language.class);
      for (Language lang : Language.values()) {
        views.put(lang, tickerViews.of(lang, items));
      }
      Shared fresh = new Shared(now, sections, views);
      shared.set(fresh);
      return fresh;
    } catch (RuntimeException e) {
      // The database is unreachable: error pages must still render, with the last header we had.
      log.warn("header data unavailable, using the last known: {}", e.getMessage());
      return current != null ? current : new Shared(-1, emptySections(), noTicker());
    }
  }

  private static Map<Language, List<TickerView>> noTicker() {
    Map<Language, List<TickerView>> none = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      none.put(lang, List.of());
    }
    return none;
  }

  private static Map<Language, List<Link>> emptySections() {
    Map<Language, List<Link>> none = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      none.put(lang, List.of());
    }
    return none;
  }
}
