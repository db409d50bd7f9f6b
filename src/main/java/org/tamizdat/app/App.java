package org.tamizdat.app;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.config.Config;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.ChangeWatcher;
import org.tamizdat.db.Database;
import org.tamizdat.demo.DemoContent;
import org.tamizdat.media.MediaFiles;
import org.tamizdat.search.ReindexProgress;
import org.tamizdat.search.Reindexer;
import org.tamizdat.search.SearchIndex;
import org.tamizdat.search.SearchPages;
import org.tamizdat.search.SearchableText;
import org.tamizdat.search.Searcher;
import org.tamizdat.site.ArticlePages;
import org.tamizdat.site.Cards;
import org.tamizdat.site.ChromeBuilder;
import org.tamizdat.site.Dates;
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

  /** Scheduled articles become public without a write, so search also looks on its own. */
  private static final long SEARCH_POLL_MILLIS = 1000;

  private final Config config;
  private final Database database;
  private final ChangeWatcher watcher;
  private final PageCache cache;
  private final ArticleWriter articleWriter;
  private final CatalogRepository catalog;
  private final TickerRepository tickers;
  private final DayCounter dayCounter;
  private final SearchIndex search;
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
    // Opened in serve(): a `search reindex` process must not take the running index's lock.
    this.search =
        new SearchIndex(
            config.dataDir().resolve("search"), database, SearchableText.plain(), clock);
    watcher.onChange(seq -> search.requestSync());
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
    Urls urls = new Urls(config.baseUrl(), config.timeZone());
    Dates dates = new Dates(config.timeZone());
    Messages messages = new Messages();
    Templates templates = new Templates();
    Assets assets = new Assets(List.of("site.css", "outdated.js", "favicon.svg"));
    ChromeBuilder chrome =
        new ChromeBuilder(
            messages,
            urls,
            assets,
            catalog,
            tickers,
            dayCounter,
            Map.of(Language.EN, config.siteNameEn(), Language.RU, config.siteNameRu()),
            cache::epoch);
    Cards cards = new Cards(urls, dates);
    ArticleRepository articles = new ArticleRepository(database, clock);
    Router router = new Router();
    SiteRoutes.register(
        router,
        new ListingPages(articles, catalog, chrome, templates, urls, cards, messages),
        new ArticlePages(articles, chrome, templates, urls, dates, cards),
        database);
    search.start(SEARCH_POLL_MILLIS);
    router.get(
        "/{lang}/search",
        new SearchPages(
                new Searcher(search, config.timeZone()),
                articles,
                catalog,
                chrome,
                templates,
                urls,
                cards,
                messages)
            ::page);
    router.get("/media/{file}", new MediaFiles(config.mediaDir())::serve);
    server =
        new WebServer(
            config.httpHost(),
            config.httpPort(),
            router,
            cache,
            assets,
            new SiteErrorPages(chrome, templates, messages, urls),
            config.accessLog(),
            clock);
    server.start();
    watcher.start(CHANGE_POLL_MILLIS);
    scheduleDayRollover();
    return server.port();
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

  /** Rebuilds the search index beside the one in use and switches to it. */
  public Reindexer.Result reindexSearch(ReindexProgress progress) {
    return search.reindexer().rebuild(progress);
  }

  public SearchIndex search() {
    return search;
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
    search.close();
    database.close();
  }
}
