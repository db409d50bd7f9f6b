package org.tamizdat.app;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.admin.Action;
import org.tamizdat.admin.AdminDates;
import org.tamizdat.admin.AdminSite;
import org.tamizdat.admin.ArticleScreens;
import org.tamizdat.admin.CatalogScreens;
import org.tamizdat.admin.NewsroomScreens;
import org.tamizdat.admin.SecretBox;
import org.tamizdat.admin.editorial.AdminArticles;
import org.tamizdat.admin.editorial.ArticlePreview;
import org.tamizdat.admin.editorial.CatalogEditor;
import org.tamizdat.admin.editorial.Editorial;
import org.tamizdat.admin.editorial.EditorialServices;
import org.tamizdat.admin.editorial.Revisions;
import org.tamizdat.admin.editorial.ScheduledAnnouncer;
import org.tamizdat.admin.settings.DayCounterSettings;
import org.tamizdat.admin.settings.RuntimeSettings;
import org.tamizdat.admin.settings.TickerStatus;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleSnapshot;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.CatalogSnapshot;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedArticles;
import org.tamizdat.article.PublishedCatalog;
import org.tamizdat.article.PublishedIndex;
import org.tamizdat.config.Config;
import org.tamizdat.config.TickerSettings;
import org.tamizdat.config.WeeklySlot;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.ChangeWatcher;
import org.tamizdat.db.Database;
import org.tamizdat.db.Leases;
import org.tamizdat.demo.DemoContent;
import org.tamizdat.export.ExportProgress;
import org.tamizdat.export.ExportReport;
import org.tamizdat.export.ExportSite;
import org.tamizdat.export.ExportTarget;
import org.tamizdat.export.MirrorList;
import org.tamizdat.export.ReachUsPage;
import org.tamizdat.export.SiteInventory;
import org.tamizdat.export.StaticExport;
import org.tamizdat.feed.FeedPages;
import org.tamizdat.feed.FeedSource;
import org.tamizdat.feed.LinkPreviews;
import org.tamizdat.feed.RobotsTxt;
import org.tamizdat.feed.Sitemaps;
import org.tamizdat.importer.ImportProgress;
import org.tamizdat.importer.ImportReport;
import org.tamizdat.importer.LegacyRedirects;
import org.tamizdat.importer.LibrarySink;
import org.tamizdat.importer.WordPressImporter;
import org.tamizdat.jobs.Job;
import org.tamizdat.jobs.Jobs;
import org.tamizdat.media.FileMediaStore;
import org.tamizdat.media.ImageIngest;
import org.tamizdat.media.MediaAdmin;
import org.tamizdat.media.MediaChecks;
import org.tamizdat.media.MediaFile;
import org.tamizdat.media.MediaFiles;
import org.tamizdat.media.MediaLibrary;
import org.tamizdat.media.MediaRepository;
import org.tamizdat.newsletter.BouncePoller;
import org.tamizdat.newsletter.Bounces;
import org.tamizdat.newsletter.ConfirmationMailer;
import org.tamizdat.newsletter.ConfirmationTokens;
import org.tamizdat.newsletter.DeliveryReports;
import org.tamizdat.newsletter.DigestArticles;
import org.tamizdat.newsletter.DigestBuilder;
import org.tamizdat.newsletter.DigestMessages;
import org.tamizdat.newsletter.DigestRepository;
import org.tamizdat.newsletter.DigestSchedule;
import org.tamizdat.newsletter.DigestSender;
import org.tamizdat.newsletter.DigestSlots;
import org.tamizdat.newsletter.Digests;
import org.tamizdat.newsletter.DkimSigner;
import org.tamizdat.newsletter.MailIdentity;
import org.tamizdat.newsletter.MessageSigner;
import org.tamizdat.newsletter.NewsletterPages;
import org.tamizdat.newsletter.NewsletterUrls;
import org.tamizdat.newsletter.Outbox;
import org.tamizdat.newsletter.RateLimiter;
import org.tamizdat.newsletter.SmtpConfirmationMailer;
import org.tamizdat.newsletter.SmtpSender;
import org.tamizdat.newsletter.SubscriberRepository;
import org.tamizdat.newsletter.Subscriptions;
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
import org.tamizdat.site.FramedPages;
import org.tamizdat.site.ListingIndex;
import org.tamizdat.site.ListingPages;
import org.tamizdat.site.Messages;
import org.tamizdat.site.ScheduledPublications;
import org.tamizdat.site.SiteErrorPages;
import org.tamizdat.site.SiteRoutes;
import org.tamizdat.site.StoredImages;
import org.tamizdat.site.Templates;
import org.tamizdat.site.Urls;
import org.tamizdat.sources.SourceGuard;
import org.tamizdat.sources.SourceKeys;
import org.tamizdat.sources.SourcePages;
import org.tamizdat.sources.SourceRepository;
import org.tamizdat.ticker.CbrBackfill;
import org.tamizdat.ticker.CbrSource;
import org.tamizdat.ticker.DayCounter;
import org.tamizdat.ticker.FetchLog;
import org.tamizdat.ticker.FetchStatusRepository;
import org.tamizdat.ticker.Instrument;
import org.tamizdat.ticker.OilSources;
import org.tamizdat.ticker.QuoteSource;
import org.tamizdat.ticker.StaleWatch;
import org.tamizdat.ticker.TickerFetcher;
import org.tamizdat.ticker.TickerHeader;
import org.tamizdat.ticker.TickerRepository;
import org.tamizdat.ticker.Upstream;
import org.tamizdat.web.Assets;
import org.tamizdat.web.ClientRateLimit;
import org.tamizdat.web.PageCache;
import org.tamizdat.web.Router;
import org.tamizdat.web.SameOrigin;
import org.tamizdat.web.WebServer;

/** Builds every part of Tamizdat with plain constructors and runs it. The only wiring there is. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final long PAGE_CACHE_BYTES = 128L * 1024 * 1024;
  private static final long CHANGE_POLL_MILLIS = 500;
  private static final Duration JOB_RUN_LEASE = Duration.ofMinutes(2);
  private static final Duration BACKFILL_PAUSE = Duration.ofMillis(250);
  private static final Duration NEWSLETTER_TICK = Duration.ofMinutes(1);
  private static final Duration BOUNCE_POLL = Duration.ofMinutes(5);
  private static final Duration DIGEST_SEND_LEASE = Duration.ofMinutes(5);
  private static final Duration ADMIN_SESSION_PURGE = Duration.ofMinutes(15);

  /** Scheduled articles become public without a write, so search also looks on its own. */
  private static final long SEARCH_POLL_MILLIS = 1000;

  private final Config config;
  private final Database database;
  private final ChangeWatcher watcher;
  private final PageCache cache;
  private final ArticleWriter articleWriter;
  private final CatalogRepository catalog;
  private final TickerRepository tickers;
  private final TickerHeader tickerHeader;
  private final TickerFetcher tickerFetcher;
  private final List<QuoteSource> tickerSources;
  private final Map<Language, DayCounter> dayCounters;
  private final Jobs jobs;
  private final SearchIndex search;
  private final SourceKeys sourceKeys;
  private final SourceGuard guard;
  private final SourceRepository sources;
  private final MediaLibrary media;
  private final AdminSite admin;
  private final ChangeLog changeLog;
  private final DayCounterSettings dayCounterSettings;
  private final FetchStatusRepository fetchStatus;

  /** How soon after its time a scheduled article reaches cached pages. */
  private static final long SCHEDULED_CHECK_MILLIS = 1000;

  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("app-timers").daemon().factory());
  private final Clock clock;
  private final ExecutorService mailQueue = Executors.newVirtualThreadPerTaskExecutor();
  private WebServer server;
  private EditorialServices editorial;

  /** Opens and migrates the database; serves nothing until {@link #serve()}. */
  public App(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.database = Database.open(config.dbUrl());
    database.migrate();
    ChangeLog changeLog = new ChangeLog(clock);
    this.changeLog = changeLog;
    this.catalog = new CatalogRepository(database, changeLog);
    this.sourceKeys = SourceKeys.at(config.sourcesKeyFile());
    this.guard = new SourceGuard(sourceKeys);
    this.sources =
        new SourceRepository(database, sourceKeys, changeLog, guard, new SecureRandom(), clock);
    this.articleWriter = new ArticleWriter(database, changeLog, new BodyRenderer(), clock, guard);
    this.tickers = new TickerRepository(database, changeLog, clock);
    this.cache = new PageCache(config.pageCache(), PAGE_CACHE_BYTES);
    // Editors may change the counters at run time; the configuration is the default.
    this.dayCounterSettings =
        new DayCounterSettings(
            new RuntimeSettings(database, changeLog, clock),
            Map.of(Language.EN, config.dayCounterEn(), Language.RU, config.dayCounterRu()),
            cache::epoch);
    this.dayCounters =
        Map.of(
            Language.EN, dayCounter(Language.EN),
            Language.RU, dayCounter(Language.RU));
    this.watcher = new ChangeWatcher(database);
    MediaRepository mediaRepository = new MediaRepository(database, changeLog);
    this.media =
        new MediaLibrary(
            new ImageIngest(
                new FileMediaStore(config.mediaDir()), mediaRepository, config.media(), clock),
            mediaRepository);
    // Before the page cache: a page rendered after its invalidation must see the new texts.
    watcher.onChange(seq -> media.forget());
    TickerSettings ticker = config.ticker();
    this.tickerHeader = new TickerHeader(tickers, instruments(ticker), clock);
    Upstream upstream = new Upstream(Upstream.Limits.defaults());
    List<QuoteSource> sources = new ArrayList<>();
    sources.add(new CbrSource(upstream, config.cbrUrl(), ticker.currencies()));
    OilSources.byName(ticker.oilSource(), upstream, config.moexUrl()).ifPresent(sources::add);
    this.tickerSources = List.copyOf(sources);
    this.fetchStatus = new FetchStatusRepository(database, clock);
    Logger fetchLog = LoggerFactory.getLogger(TickerFetcher.class);
    this.tickerFetcher =
        new TickerFetcher(
            tickers,
            new FetchLog(fetchLog::warn, fetchLog::info),
            watcher::poke,
            fetchStatus::record,
            clock);
    this.jobs = new Jobs(new Leases(database, clock), nodeName(), clock, JOB_RUN_LEASE);
    watcher.onChange(seq -> cache.invalidateAll());
    // Opened in serve(): a `search reindex` process must not take the running index's lock.
    this.search =
        new SearchIndex(config.searchDir(), database, SearchableText.plain(), guard, clock);
    watcher.onChange(seq -> search.requestSync());
    this.admin =
        new AdminSite(
            database,
            clock,
            config.baseUrl(),
            config.siteNameEn(),
            new Assets(List.of("admin.css")).url("admin.css"),
            null,
            config.timeZone(),
            SecretBox.fromFile(config.dataDir().resolve("admin.key")));
    admin.nav().add("Media", MediaAdmin.PATH, Action.UPLOAD_MEDIA);
    int rerendered = articleWriter.rerenderStaleBodies();
    if (rerendered > 0) {
      log.info("re-rendered {} article bodies stored in an older format", rerendered);
    }
  }

  private DayCounter dayCounter(Language lang) {
    return new DayCounter(() -> dayCounterSettings.edition(lang), config.timeZone(), clock);
  }

  private static List<Instrument> instruments(TickerSettings ticker) {
    List<Instrument> instruments = new ArrayList<>();
    ticker.currencies().forEach(code -> instruments.add(new Instrument(code, ticker.cbrMaxAge())));
    if (ticker.showsOil()) {
      instruments.add(new Instrument(Instrument.OIL, ticker.oilMaxAge()));
    }
    return instruments;
  }

  /** Unique per process, readable in the lease table: host, process id and a random suffix. */
  private static String nodeName() {
    String host = System.getenv().getOrDefault("HOSTNAME", "node");
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  public int loadDemo() {
    int count = new DemoContent(catalog, articleWriter, tickers, config.mediaDir(), clock).load();
    watcher.poke();
    return count;
  }

  /** Starts the HTTP server and the background timers; returns the bound port. */
  public int serve() {
    Urls urls = new Urls(config.baseUrl(), config.baseUrl(), config.onionUrl(), config.timeZone());
    // Opened here, not in publicSite: an export must not take the running server's index lock.
    search.start(SEARCH_POLL_MILLIS);
    PublicSite site = publicSite(urls, cache::epoch);
    this.editorial = editorialServices(site);
    server =
        new WebServer(
            config.httpHost(),
            config.httpPort(),
            adminRouter().addAll(site.router()),
            cache,
            site.assets(),
            site.errors(),
            config.accessLog(),
            config.onionUrl(),
            clock,
            config.webLimits());
    server.start();
    // Said by the server only: other commands keep their one-line output.
    sourceKeys
        .problem()
        .ifPresent(problem ->
            log.warn(
                "{}: protected sources are unreadable, articles that link them stay unpublished",
                problem));
    watcher.start(CHANGE_POLL_MILLIS);
    scheduleDayRollover();
    timers.scheduleAtFixedRate(
        new StaleWatch(tickerHeader, cache::invalidateAll), 0, 1, TimeUnit.MINUTES);
    timers.scheduleWithFixedDelay(
        new ScheduledPublications(
            new ArticleRepository(database, clock, guard), cache::invalidateAll, clock),
        0,
        SCHEDULED_CHECK_MILLIS,
        TimeUnit.MILLISECONDS);
    // On every node: a conditional update lets exactly one of them announce each publication.
    timers.scheduleWithFixedDelay(
        new ScheduledAnnouncer(database, changeLog, watcher::poke, clock),
        0,
        SCHEDULED_CHECK_MILLIS,
        TimeUnit.MILLISECONDS);
    List<Job> scheduled = new ArrayList<>(config.ticker().fetch() ? tickerJobs() : List.of());
    scheduled.addAll(newsletterJobs());
    // Under a lease like the others, so one node purges at a time.
    scheduled.add(new Job("admin-session-purge", ADMIN_SESSION_PURGE, this::purgeAdminSessions));
    jobs.start(scheduled);
    return server.port();
  }

  private EditorialServices editorialServices(PublicSite site) {
    Revisions revisions = new Revisions(database);
    return new EditorialServices(
        new Editorial(database, articleWriter, revisions, clock),
        revisions,
        new AdminArticles(database, clock),
        new CatalogEditor(database, catalog, changeLog),
        new ArticlePreview(catalog, new BodyRenderer(), site.articlePage(), clock),
        dayCounterSettings,
        new TickerStatus(database, tickerHeader, fetchStatus));
  }

  /** The editorial services of a serving app (null before {@link #serve()}). */
  public EditorialServices editorial() {
    return editorial;
  }

  /**
   * The admin's routes, ahead of the public site's (whose /{lang} would take /admin). Served live
   * only: the static export builds {@link #publicSite} alone, so no admin page can be exported.
   */
  private Router adminRouter() {
    Router router = new Router();
    admin.register(router);
    admin.nav().add("Sources", "/admin/sources", org.tamizdat.admin.Action.CREATE_SOURCE);
    new SourcePages(
            sources,
            sourceKeys,
            guard,
            database,
            admin.guard(),
            id -> admin.accounts().byId(id).map(a -> a.staff().displayName()).orElse("#" + id))
        .register(router);
    new MediaAdmin(media, admin.guard(), config.media().maxBytes()).register(router);
    AdminDates adminDates = new AdminDates(config.timeZone());
    MediaChecks altText = mediaChecks();
    BodyRenderer bodies = new BodyRenderer();
    new ArticleScreens(
            editorial,
            adminDates,
            watcher::poke,
            clock,
            content ->
                altText.beforePublishing(content, bodies).stream()
                    .map(MediaChecks.MissingAlt::describe)
                    .toList())
        .register(router, admin.guard(), admin.nav());
    new CatalogScreens(editorial.catalog(), watcher::poke)
        .register(router, admin.guard(), admin.nav());
    new NewsroomScreens(editorial.ticker(), editorial.dayCounters(), adminDates, watcher::poke)
        .register(router, admin.guard(), admin.nav());
    return router;
  }

  /**
   * Builds the public site's routes for these addresses. {@code epoch} tells shared header data
   * when to re-read: the page cache's epoch when serving, a fixed one for an export.
   */
  PublicSite publicSite(Urls urls, LongSupplier epoch) {
    return publicSite(urls, epoch, new ArticleRepository(database, clock, guard), catalog);
  }

  /** The same, with the pages reading from {@code published} and {@code filed} (an export's). */
  PublicSite publicSite(
      Urls urls, LongSupplier epoch, PublishedArticles published, PublishedCatalog filed) {
    Dates dates = new Dates(config.timeZone());
    Messages messages = new Messages();
    Templates templates = new Templates();
    Assets assets = new Assets(List.of("site.css", "outdated.js", "favicon.svg", "admin.css"));
    Map<Language, String> siteNames = siteNames();
    ChromeBuilder chrome =
        new ChromeBuilder(
            messages, urls, assets, dates, catalog, tickerHeader, dayCounters, siteNames, epoch);
    Cards cards = new Cards(urls, dates, storedImages());
    ArticleRepository articles = new ArticleRepository(database, clock, guard);
    MediaFiles media = new MediaFiles(config.mediaDir());
    String icon = assets.url("favicon.svg");
    Router router = new Router();
    // Before the site's routes: /{lang} would otherwise take /sitemap.xml for an edition.
    new FeedPages(new FeedSource(published, filed, media, urls, messages, siteNames, icon))
        .register(router);
    new Sitemaps(
            new PublishedIndex(database, guard), catalog, urls, siteNames, config.timeZone(), clock)
        .register(router);
    new RobotsTxt(urls).register(router);
    new ReachUsPage(chrome, templates, messages, urls, mirrorList()).register(router);
    // Old WordPress addresses: /?p=123 here, permalink paths where the site would answer 404.
    LegacyRedirects legacy = new LegacyRedirects(database, urls::article, clock);
    router.get("/", legacy.root(SiteRoutes::chooseEdition));
    ArticlePages articlePages =
        new ArticlePages(
            published,
            chrome,
            templates,
            urls,
            dates,
            cards,
            new LinkPreviews(urls, siteNames, icon),
            storedImages());
    SiteRoutes.register(
        router,
        new ListingPages(
            published,
            new ListingIndex(published, epoch, clock),
            filed,
            chrome,
            templates,
            urls,
            cards,
            messages),
        articlePages,
        database);
    FramedPages framed = new FramedPages(chrome, templates);
    Searcher searcher = new Searcher(search, config.timeZone());
    router.get(
        "/{lang}/search",
        new ClientRateLimit(config.webLimits().searchRateLimit(), clock)
            .guard(
                new SearchPages(searcher, articles, catalog, framed, urls, cards, messages)::page));
    router.get("/media/{file}", media::serve);
    registerNewsletter(router, framed, messages);
    return new PublicSite(
        router,
        assets,
        legacy.around(new SiteErrorPages(chrome, templates, messages, urls)),
        articlePages::page);
  }

  /**
   * Writes the public site as static files for {@code target} into {@code out}; see {@link
   * StaticExport}. Renders through the same routes as {@link #serve()}.
   */
  public ExportReport export(Path out, ExportTarget target, boolean full, ExportProgress progress) {
    Urls urls = target.urls(config.timeZone(), config.onionUrl());
    // One export shows one moment: header data is read once, whatever the page cache does, and
    // the articles are read at once, as they are now.
    Instant now = clock.instant();
    Future<SiteInventory> inventory =
        StaticExport.inventory(
            new PublishedIndex(database, guard), catalog, urls, config.timeZone(), now);
    PublicSite site =
        publicSite(
            urls,
            () -> 0,
            ArticleSnapshot.load(database, now, guard),
            new CatalogSnapshot(catalog));
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
            settings,
            media::filesFor);
    return new StaticExport(database, inventory, exportSite).run(out, full, progress);
  }

  /** The media library as pages see it: sizes and texts of an image under /media/. */
  private StoredImages storedImages() {
    return file ->
        media
            .imageOf(file)
            .map(m ->
                new StoredImages.StoredImage(
                    m.width(),
                    m.height(),
                    m.altText(),
                    m.credit(),
                    m.files().stream()
                        .map((MediaFile f) -> new StoredImages.Size(f.name(), f.width()))
                        .toList()));
  }

  /** Uploads and imports of images, and the library's rows. */
  public MediaLibrary media() {
    return media;
  }

  /** What the publish path asks before an article goes public (alt text of its images). */
  public MediaChecks mediaChecks() {
    return new MediaChecks(media.repository());
  }

  private List<Job> tickerJobs() {
    TickerSettings ticker = config.ticker();
    return tickerSources.stream()
        .map(source ->
            new Job(
                "ticker-" + source.name(),
                source instanceof CbrSource ? ticker.cbrInterval() : ticker.oilInterval(),
                () -> tickerFetcher.fetch(source)))
        .toList();
  }

  /**
   * With SMTP set: each scheduled edition's weekly slot, checked every minute, and the outbox send,
   * which also picks up rows waiting for a retry.
   */
  private List<Job> newsletterJobs() {
    if (config.smtpUrl().isEmpty()) {
      return List.of();
    }
    Map<Language, WeeklySlot> slots = new EnumMap<>(Language.class);
    config.newsletter().scheduleEn().ifPresent(slot -> slots.put(Language.EN, slot));
    config.newsletter().scheduleRu().ifPresent(slot -> slots.put(Language.RU, slot));
    DigestSchedule schedule =
        new DigestSchedule(database, digests(), new DigestSlots(), slots, config.timeZone(), clock);
    DigestSender sender = digestSender(DIGEST_SEND_LEASE);
    List<Job> jobs = new ArrayList<>();
    slots
        .keySet()
        .forEach(lang ->
            jobs.add(
                new Job(
                    "digest-schedule-" + lang.code(), NEWSLETTER_TICK, () -> schedule.tick(lang))));
    jobs.add(new Job("digest-send", NEWSLETTER_TICK, () -> sender.run(result -> {})));
    config
        .newsletter()
        .bounceMailbox()
        .ifPresent(mailbox -> {
          Bounces bounces =
              new Bounces(database, new SubscriberRepository(), config.mail().bounceLimit(), clock);
          BouncePoller poller = new BouncePoller(mailbox, new DeliveryReports(), bounces);
          jobs.add(new Job("bounce-poll", BOUNCE_POLL, poller::poll));
        });
    return jobs;
  }

  /** {@code tamizdat import wordpress}: one transaction; images go through the media library. */
  public ImportReport importWordPress(WordPressImporter.Options options, ImportProgress progress) {
    ImportReport report =
        new WordPressImporter(
                database, articleWriter, new ChangeLog(clock), clock, config.timeZone())
            .run(options, new LibrarySink(media, options.dryRun()), progress);
    watcher.poke();
    return report;
  }

  /** {@code tamizdat ticker fetch}: every source once, now, whatever the schedule. */
  public List<TickerFetcher.Outcome> fetchTicker() {
    return tickerSources.stream().map(tickerFetcher::fetch).toList();
  }

  /** {@code tamizdat ticker backfill}: CBR history, politely paced. */
  public CbrBackfill tickerBackfill() {
    QuoteSource cbr =
        tickerSources.stream().filter(CbrSource.class::isInstance).findFirst().orElseThrow();
    return new CbrBackfill(tickerFetcher, cbr, BACKFILL_PAUSE);
  }

  private void registerNewsletter(Router router, FramedPages frame, Messages messages) {
    NewsletterUrls urls = new NewsletterUrls(config.baseUrl());
    ConfirmationMailer mailer =
        config.smtpUrl().isEmpty()
            ? (subscriber, token) ->
                log.warn(
                    "TAMIZDAT_SMTP_URL is not set: no confirmation mail for subscriber {}",
                    subscriber.id())
            : new SmtpConfirmationMailer(
                config.smtpUrl().get(),
                MailIdentity.of(config.mail()),
                urls,
                messages::format,
                siteNames(),
                signer(),
                clock);
    Subscriptions subscriptions =
        new Subscriptions(
            database,
            new SubscriberRepository(),
            new ConfirmationTokens(),
            mailer,
            mailQueue,
            clock);
    new NewsletterPages(
            subscriptions,
            RateLimiter.perHour(config.mail().subscribeRateLimit(), clock),
            new SameOrigin(config.baseUrl()),
            urls,
            frame::render,
            messages::format)
        .register(router);
  }

  /** The digest commands (preview, queue). Needs no SMTP server. */
  public Digests digests() {
    Urls urls = new Urls(config.baseUrl(), config.timeZone());
    ArticleRepository articles = new ArticleRepository(database, clock, guard);
    DigestArticles week =
        DigestArticles.of(
            articles::publishedBetween,
            a -> urls.absolute(urls.article(a.lang(), a.publishedAt(), a.slug())));
    return new Digests(
        database,
        new DigestBuilder(
            week,
            new Messages()::format,
            siteNames(),
            config.timeZone(),
            config.newsletter().mirrors()),
        new DigestRepository(),
        digestMessages(),
        config.timeZone(),
        clock);
  }

  /** The digest outbox, to count what a send has to do. */
  public Outbox outbox() {
    return new Outbox(database);
  }

  /** Sends the digest outbox; {@code lease} is how long a crashed sender's rows stay claimed. */
  public DigestSender digestSender(Duration lease) {
    if (config.smtpUrl().isEmpty()) {
      throw new IllegalStateException("TAMIZDAT_SMTP_URL is not set: sending is off");
    }
    MailIdentity identity = MailIdentity.of(config.mail());
    return new DigestSender(
        database,
        new Outbox(database),
        new DigestRepository(),
        digestMessages(),
        () -> new SmtpSender(config.smtpUrl().get(), identity.returnPath()),
        config.mail().bounceLimit(),
        lease,
        config.newsletter().concurrency(),
        config.newsletter().ratePerSecond(),
        clock);
  }

  private DigestMessages digestMessages() {
    // A preview needs no configured sender; it shows a placeholder one.
    MailIdentity identity =
        MailIdentity.of(
            config.mail().from().isPresent()
                ? config.mail()
                : new org.tamizdat.config.MailSettings(
                    java.util.Optional.of("Preview <preview@example.invalid>"),
                    config.mail().replyTo(),
                    config.mail().returnPath(),
                    config.mail().bounceLimit(),
                    config.mail().subscribeRateLimit()));
    return new DigestMessages(identity, new NewsletterUrls(config.baseUrl()), signer());
  }

  private MessageSigner signer() {
    return config
        .newsletter()
        .dkim()
        .<MessageSigner>map(DkimSigner::new)
        .orElse(MessageSigner.NONE);
  }

  private Map<Language, String> siteNames() {
    return Map.of(Language.EN, config.siteNameEn(), Language.RU, config.siteNameRu());
  }

  MirrorList mirrorList() {
    return new MirrorList(config.baseUrl(), config.mirrors(), config.onionUrl());
  }

  /** Deletes expired admin sessions; a failure must not cancel the timer. */
  private void purgeAdminSessions() {
    try {
      admin.sessions().purgeExpired();
    } catch (RuntimeException e) {
      log.warn("could not purge expired admin sessions: {}", e.getMessage());
    }
  }

  /** The day counter and "today" change at the newsroom's midnight: cached pages must follow. */
  private void scheduleDayRollover() {
    timers.schedule(
        () -> {
          cache.invalidateAll();
          scheduleDayRollover();
        },
        dayCounters.get(Language.EN).millisUntilNextDay() + 1000,
        TimeUnit.MILLISECONDS);
  }

  public int port() {
    return server.port();
  }

  /** Staff accounts, sessions, the guard and the audit log. */
  public AdminSite admin() {
    return admin;
  }

  public Clock clock() {
    return clock;
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

  public DayCounterSettings dayCounterSettings() {
    return dayCounterSettings;
  }

  /** Rebuilds the search index beside the one in use and switches to it. */
  public Reindexer.Result reindexSearch(ReindexProgress progress) {
    return search.reindexer().rebuild(progress);
  }

  public SearchIndex search() {
    return search;
  }

  /** Protected sources: encrypted storage and links to articles. */
  public SourceRepository sources() {
    return sources;
  }

  /** The sources key as this process has it, to say so when it is missing. */
  public SourceKeys sourceKeys() {
    return sourceKeys;
  }

  /** The publish guard, e.g. to show an editor the findings before publishing. */
  public SourceGuard sourceGuard() {
    return guard;
  }

  /** Notices writes made by this process at once instead of at the next poll. */
  public void changed() {
    watcher.poke();
  }

  @Override
  public void close() {
    jobs.close();
    timers.shutdownNow();
    mailQueue.shutdown();
    if (server != null) {
      server.close();
    }
    watcher.close();
    search.close();
    database.close();
  }
}
