package org.tamizdat.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedIndex;
import org.tamizdat.config.Config;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.ChangeWatcher;
import org.tamizdat.db.Database;
import org.tamizdat.demo.DemoContent;
import org.tamizdat.export.ExportProgress;
import org.tamizdat.export.ExportReport;
import org.tamizdat.export.ExportSite;
import org.tamizdat.export.ExportTarget;
import org.tamizdat.export.MirrorList;
import org.tamizdat.export.ReachUsPage;
import org.tamizdat.export.StaticExport;
import org.tamizdat.feed.FeedPages;
import org.tamizdat.feed.FeedSource;
import org.tamizdat.feed.LinkPreviews;
import org.tamizdat.feed.RobotsTxt;
import org.tamizdat.feed.Sitemaps;
import org.tamizdat.media.MediaFiles;
import org.tamizdat.site.ArticlePages;
import org.tamizdat.site.Cards;
import org.tamizdat.site.ChromeBuilder;
import org.tamizdat.site.Dates;
import org.tamizdat.site.ListingIndex;
import org.tamizdat.site.ListingPages;
import org.tamizdat.site.Messages;
import org.tamizdat.site.SiteErrorPages;
import org.tamizdat.site.SiteRoutes;
import org.tamizdat.site.Templates;
import org.tamizdat.site.Urls;
import org.tamizdat.ticker.DayCounter;
import org.tamizdat.ticker.TickerRepository;
import org.tamizdat.web.Assets;
import org.tamizdat.web.PageCache;
import org.tamizdat.web.Router;
import org.tamizdat.web.WebServer;

/** Builds every part of Tamizdat with plain constructors and runs it. The only wiring there is. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final long PAGE_CACHE_BYTES = 128L * 1024 * 1024;
  private static final long CHANGE_POLL_MILLIS = 500;

  private final Config config;
  private final Database database;
  private final ChangeWatcher watcher;
  private final PageCache cache;
  private final ArticleWriter articleWriter;
  private final CatalogRepository catalog;
  private final TickerRepository tickers;
  private final DayCounter dayCounter;
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("app-timers").daemon().factory());
  private final Clock clock;
  private WebServer server;

  /** Opens and migrates the database; serves nothing until {@link #serve()}. */
  public App(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.database = Database.open(config.dbUrl());
    database.migrate();
    ChangeLog changeLog = new ChangeLog(clock);
    this.catalog = new CatalogRepository(database, changeLog);
    this.articleWriter = new ArticleWriter(database, changeLog, new BodyRenderer(), clock);
    this.tickers = new TickerRepository(database, changeLog, clock);
    this.dayCounter = new DayCounter(config.dayCounterStart(), config.timeZone(), clock);
    this.cache = new PageCache(config.pageCache(), PAGE_CACHE_BYTES);
    this.watcher = new ChangeWatcher(database);
    watcher.onChange(seq -> cache.invalidateAll());
    int rerendered = articleWriter.rerenderStaleBodies();
    if (rerendered > 0) {
      log.info("re-rendered {} article bodies stored in an older format", rerendered);
    }
  }

  public int loadDemo() {
    int count = new DemoContent(catalog, articleWriter, tickers, config.mediaDir(), clock).load();
    watcher.poke();
    return count;
  }

  /** Starts the HTTP server and the background timers; returns the bound port. */
  public int serve() {
    Urls urls = new Urls(config.baseUrl(), config.baseUrl(), config.onionUrl(), config.timeZone());
    PublicSite site = publicSite(urls, cache::epoch);
    server =
        new WebServer(
            config.httpHost(),
            config.httpPort(),
            site.router(),
            cache,
            site.assets(),
            site.errors(),
            config.accessLog(),
            config.onionUrl(),
            clock);
    server.start();
    watcher.start(CHANGE_POLL_MILLIS);
    scheduleDayRollover();
    return server.port();
  }

  /**
   * Builds the public site's routes for these addresses. {@code epoch} tells shared header data
   * when to re-read: the page cache's epoch when serving, a fixed one for an export.
   */
  PublicSite publicSite(Urls urls, LongSupplier epoch) {
    Dates dates = new Dates(config.timeZone());
    Messages messages = new Messages();
    Templates templates = new Templates();
    Assets assets = new Assets(List.of("site.css", "outdated.js", "favicon.svg"));
    Map<Language, String> siteNames = siteNames();
    ChromeBuilder chrome =
        new ChromeBuilder(messages, urls, assets, catalog, tickers, dayCounter, siteNames, epoch);
    Cards cards = new Cards(urls, dates);
    ArticleRepository articles = new ArticleRepository(database, clock);
    MediaFiles media = new MediaFiles(config.mediaDir());
    String icon = assets.url("favicon.svg");
    Router router = new Router();
    // Before the site's routes: /{lang} would otherwise take /sitemap.xml for an edition.
    new FeedPages(new FeedSource(articles, catalog, media, urls, messages, siteNames, icon))
        .register(router);
    new Sitemaps(new PublishedIndex(database), catalog, urls, siteNames, config.timeZone(), clock)
        .register(router);
    new RobotsTxt(urls).register(router);
    new ReachUsPage(chrome, templates, messages, urls, mirrorList()).register(router);
    SiteRoutes.register(
        router,
        new ListingPages(
            articles,
            new ListingIndex(articles, epoch, clock),
            catalog,
            chrome,
            templates,
            urls,
            cards,
            messages),
        new ArticlePages(
            articles,
            chrome,
            templates,
            urls,
            dates,
            cards,
            new LinkPreviews(urls, siteNames, icon)),
        database);
    router.get("/media/{file}", media::serve);
    return new PublicSite(router, assets, new SiteErrorPages(chrome, templates, messages, urls));
  }

  /**
   * Writes the public site as static files for {@code target} into {@code out}; see {@link
   * StaticExport}. Renders through the same routes as {@link #serve()}.
   */
  public ExportReport export(Path out, ExportTarget target, boolean full, ExportProgress progress) {
    Urls urls = target.urls(config.timeZone(), config.onionUrl());
    // One export shows one moment: header data is read once, whatever the page cache does.
    PublicSite site = publicSite(urls, () -> 0);
    String settings =
        String.join(
            "|",
            target.canonicalBase().toString(),
            target.servedBase().toString(),
            config.onionUrl().map(URI::toString).orElse(""),
            config.mirrors().toString(),
            config.timeZone().getId(),
            config.siteNameEn(),
            config.siteNameRu());
    ExportSite exportSite =
        new ExportSite(
            target,
            urls,
            site.dispatcher(),
            site.assets(),
            new Templates(),
            new Messages(),
            siteNames(),
            config.mediaDir(),
            config.timeZone(),
            settings);
    return new StaticExport(database, new PublishedIndex(database), catalog, exportSite, clock)
        .run(out, full, progress);
  }

  private Map<Language, String> siteNames() {
    return Map.of(Language.EN, config.siteNameEn(), Language.RU, config.siteNameRu());
  }

  MirrorList mirrorList() {
    return new MirrorList(config.baseUrl(), config.mirrors(), config.onionUrl());
  }

  /** The day counter and "today" change at the newsroom's midnight: cached pages must follow. */
  private void scheduleDayRollover() {
    timers.schedule(
        () -> {
          cache.invalidateAll();
          scheduleDayRollover();
        },
        dayCounter.millisUntilNextDay() + 1000,
        TimeUnit.MILLISECONDS);
  }

  public int port() {
    return server.port();
  }

  public Config config() {
    return config;
  }

  public Database database() {
    return database;
  }

  public ArticleWriter articleWriter() {
    return articleWriter;
  }

  public CatalogRepository catalog() {
    return catalog;
  }

  public TickerRepository tickers() {
    return tickers;
  }

  /** Notices writes made by this process at once instead of at the next poll. */
  public void changed() {
    watcher.poke();
  }

  @Override
  public void close() {
    timers.shutdownNow();
    if (server != null) {
      server.close();
    }
    watcher.close();
    database.close();
  }
}
