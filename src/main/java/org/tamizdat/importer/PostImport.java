package org.tamizdat.importer;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.Language;
import org.tamizdat.article.Slugs;
import org.tamizdat.article.Status;

/**
 * The second pass: each post and page becomes an article (updated in place when an earlier import
 * made it), with its old permalinks remembered for redirects.
 */
final class PostImport {
  private static final DateTimeFormatter WXR_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String PAGES = "pages";
  private static final int TITLE_WORDS = 10;

  private final ArticleWriter writer;
  private final ImportStore store;
  private final WxrCatalog catalog;
  private final Attachments attachments;
  private final ImportReport report;
  private final Language edition;
  private final ZoneId zone;
  private final Clock clock;
  private final Set<String> sectionsReady = new HashSet<>();
  private final Map<String, String> authorSlugs = new HashMap<>();

  PostImport(
      ArticleWriter writer,
      ImportStore store,
      WxrCatalog catalog,
      Attachments attachments,
      ImportReport report,
      Language edition,
      ZoneId zone,
      Clock clock) {
    this.writer = writer;
    this.store = store;
    this.catalog = catalog;
    this.attachments = attachments;
    this.report = report;
    this.edition = edition;
    this.zone = zone;
    this.clock = clock;
  }

  /** The second pass's visitor, writing on {@code h}. */
  WxrReader.Visitor on(Handle h) {
    return new WxrReader.Visitor() {
      @Override
      public void item(WxrItem item) {
        if (item.comments() > 0) {
          report.set("comments (skipped)", report.count("comments (skipped)") + item.comments());
        }
        switch (item.postType()) {
          case "post", "page" -> post(h, item);
          case "attachment" -> {}
          default -> report.skippedType(item.postType());
        }
      }
    };
  }

  private void post(Handle h, WxrItem item) {
    String what = item.describe();
    Consumer<String> warn = message -> report.warn(what + ": " + message);
    boolean page = item.postType().equals("page");
    String wpStatus = item.field("wp:status").strip();
    Status status;
    switch (wpStatus) {
      case "publish", "future" -> status = Status.PUBLISHED;
      case "draft", "pending", "private" -> status = Status.DRAFT;
      default -> {
        report.skip(what, "status '" + wpStatus + "' is not imported");
        return;
      }
    }
    report.status(wpStatus);
    if (status == Status.PUBLISHED && !item.field("wp:post_password").isBlank()) {
      warn.accept("password-protected in WordPress: imported as a draft");
      status = Status.DRAFT;
    }
    Optional<Language> lang = language(item);
    if (lang.isEmpty()) {
      report.skip(what, "its language is not one of our editions (en, ru)");
      return;
    }
    String html = item.field("content:encoded");
    String title = WxrCatalog.text(item.field("title"));
    if (title.isEmpty()) {
      title = firstWords(Jsoup.parse(html).text());
      if (title.isEmpty()) {
        report.skip(what, "no title and no text");
        return;
      }
      warn.accept("empty title: named after its first words, \"" + title + "\"");
    }
    if (title.length() > 500) {
      warn.accept("title shortened to 500 characters");
      title = WxrCatalog.shorten(title, 500);
    }
    Images images = attachments.forPost(warn);
    String markdown = ContentConverter.toMarkdown(html, item.postId(), images, warn);
    Optional<Instant> published =
        status == Status.PUBLISHED ? published(item, warn) : Optional.empty();
    Instant updated =
        gmt(item.field("wp:post_modified_gmt")).or(() -> published).orElse(clock.instant());
    String section = page ? pagesSection(h) : section(h, item).orElse(null);
    List<String> tags = tags(item, warn);
    List<String> authors = author(h, item, warn).map(List::of).orElse(List.of());
    String lead = null;
    String leadCaption = null;
    String thumbnail = item.meta().getOrDefault("_thumbnail_id", "").strip();
    if (thumbnail.matches("[0-9]{1,18}")) {
      Optional<Images.Image> image = images.attachment(Long.parseLong(thumbnail));
      if (image.isPresent()) {
        lead = image.get().url().substring("/media/".length());
        leadCaption =
            image.get().caption().isEmpty() ? null : WxrCatalog.shorten(image.get().caption(), 500);
      }
    }
    String site = catalog.site();
    String guid = cut(item.field("guid").strip(), 1000);
    Optional<ImportStore.Imported> before = store.imported(h, site, item.postId(), guid);
    String named = title;
    String slug =
        before
            .filter(b -> b.lang() == lang.get())
            .map(ImportStore.Imported::slug)
            .orElseGet(() -> freeSlug(h, lang.get(), baseSlug(item, named, page), warn));
    ArticleInput input =
        new ArticleInput(
            lang.get(),
            slug,
            group(item),
            WxrCatalog.shorten(kicker(item), 200),
            title,
            WxrCatalog.shorten(WxrCatalog.text(item.field("excerpt:encoded")), 1000),
            markdown,
            section,
            authors,
            tags,
            status,
            published.orElse(null),
            updated,
            lead,
            leadCaption);
    long id = writer.save(h, input);
    store.remember(h, site, item.postId(), guid, id, clock.millis());
    for (String old : oldPaths(item, page)) {
      store.redirect(h, old, id);
      report.add("redirects");
    }
    report.add((page ? "pages " : "posts ") + (before.isPresent() ? "updated" : "created"));
    if ("1".equals(item.field("wp:is_sticky").strip())) {
      report.sticky(what);
    }
  }

  private Optional<Language> language(WxrItem item) {
    for (String domain : List.of("language", "wpml_language")) {
      List<WxrItem.Term> terms = item.terms(domain);
      if (!terms.isEmpty()) {
        return WxrCatalog.edition(terms.get(0).nicename());
      }
    }
    String wpml = item.meta().get("_wpml_import_language_code");
    if (wpml != null) {
      return WxrCatalog.edition(wpml);
    }
    return Optional.of(edition);
  }

  /** Polylang's translation term, or WPML's translation group: shared by an article's versions. */
  private static String group(WxrItem item) {
    List<WxrItem.Term> polylang = item.terms("post_translations");
    String raw =
        !polylang.isEmpty()
            ? "pll-" + polylang.get(0).nicename()
            : item.meta().containsKey("_wpml_import_translation_group")
                ? "wpml-" + item.meta().get("_wpml_import_translation_group")
                : null;
    if (raw == null) {
      return null;
    }
    String clean = raw.strip().replaceAll("[^A-Za-z0-9_-]", "-");
    return clean.length() > 80 ? clean.substring(0, 80) : clean;
  }

  private static String kicker(WxrItem item) {
    for (String key : List.of("kicker", "_kicker")) {
      String value = item.meta().get(key);
      if (value != null && !value.isBlank()) {
        return WxrCatalog.text(value);
      }
    }
    return "";
  }

  /** The first category is the section; the others become tags. */
  private Optional<String> section(Handle h, WxrItem item) {
    for (WxrItem.Term category : item.terms("category")) {
      Optional<WxrCatalog.SectionPlan> plan = catalog.section(category.nicename(), category.name());
      if (plan.isPresent()) {
        if (sectionsReady.add(plan.get().slug())) {
          store.section(h, plan.get().slug(), plan.get().names());
        }
        return Optional.of(plan.get().slug());
      }
    }
    return Optional.empty();
  }

  private String pagesSection(Handle h) {
    if (sectionsReady.add(PAGES)) {
      store.section(h, PAGES, Map.of(Language.EN, "Pages", Language.RU, "Страницы"));
    }
    return PAGES;
  }

  private List<String> tags(WxrItem item, Consumer<String> warn) {
    Set<String> names = new LinkedHashSet<>();
    item.terms("post_tag").forEach(t -> names.add(WxrCatalog.text(t.name())));
    List<WxrItem.Term> categories = item.terms("category");
    boolean first = true;
    for (WxrItem.Term category : categories) {
      if (catalog.section(category.nicename(), category.name()).isEmpty()) {
        continue;
      }
      if (!first) {
        names.add(WxrCatalog.text(category.name()));
      }
      first = false;
    }
    List<String> usable = new ArrayList<>();
    for (String name : names) {
      try {
        Slugs.slugify(name);
        usable.add(WxrCatalog.shorten(name, 200));
      } catch (IllegalArgumentException e) {
        warn.accept("tag \"" + name + "\" left out: it has no letters or digits for an address");
      }
    }
    return usable;
  }

  private Optional<String> author(Handle h, WxrItem item, Consumer<String> warn) {
    String login = item.field("dc:creator").strip();
    if (login.isEmpty()) {
      return Optional.empty();
    }
    String known = authorSlugs.get(login);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> name = catalog.authorName(login);
    if (name.isEmpty()) {
      warn.accept(
          "author '"
              + login
              + "' is missing from the export's author list: created from dc:creator");
    }
    String slug;
    try {
      slug = Slugs.slugify(login);
    } catch (IllegalArgumentException e) {
      slug = "author-" + Integer.toHexString(login.hashCode());
    }
    if (store.author(h, slug, WxrCatalog.shorten(name.orElse(login), 200))) {
      report.add("authors created");
    }
    authorSlugs.put(login, slug);
    return Optional.of(slug);
  }

  private Optional<Instant> published(WxrItem item, Consumer<String> warn) {
    Optional<Instant> gmt = gmt(item.field("wp:post_date_gmt"));
    if (gmt.isPresent()) {
      return gmt;
    }
    try {
      String pubDate = item.field("pubDate").strip();
      if (!pubDate.isEmpty()) {
        return Optional.of(
            ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      }
    } catch (DateTimeParseException e) {
      // Try the local date below.
    }
    try {
      LocalDateTime local = LocalDateTime.parse(item.field("wp:post_date").strip(), WXR_DATE);
      warn.accept("no GMT date: its local date was read in " + zone.getId());
      return Optional.of(local.atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      warn.accept("no date: published as of the import");
      return Optional.of(clock.instant());
    }
  }

  private static Optional<Instant> gmt(String text) {
    String value = text.strip();
    if (value.isEmpty() || value.startsWith("0000")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(value, WXR_DATE).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String baseSlug(WxrItem item, String title, boolean page) {
    for (String candidate : List.of(WxrCatalog.decode(item.field("wp:post_name")), title)) {
      try {
        return Slugs.slugify(candidate);
      } catch (IllegalArgumentException e) {
        // Try the next spelling.
      }
    }
    return (page ? "page-" : "post-") + item.postId();
  }

  private String freeSlug(Handle h, Language lang, String base, Consumer<String> warn) {
    String slug = base;
    for (int n = 2; store.slugTaken(h, lang, slug); n++) {
      String suffix = "-" + n;
      String stem =
          base.length() + suffix.length() > Slugs.MAX_LENGTH
              ? base.substring(0, Slugs.MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
              : base;
      slug = stem + suffix;
    }
    if (!slug.equals(base)) {
      warn.accept("slug '" + base + "' is taken: imported as '" + slug + "'");
    }
    return slug;
  }

  /**
   * Its old addresses on the WordPress site: the permalink path and {@code ?p=} / {@code
   * ?page_id=}.
   */
  private List<String> oldPaths(WxrItem item, boolean page) {
    List<String> paths = new ArrayList<>();
    paths.add((page ? "?page_id=" : "?p=") + item.postId());
    try {
      URI link = URI.create(item.field("link").strip().replace(" ", "%20"));
      URI site = URI.create(catalog.site().isEmpty() ? "http://localhost" : catalog.site());
      boolean sameHost =
          link.getHost() == null
              || site.getHost() == null
              || bare(link.getHost()).equals(bare(site.getHost()));
      String raw = link.getRawPath() == null ? "" : link.getRawPath();
      String path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      path = path.replaceAll("/+$", "");
      if (sameHost && !path.isEmpty() && path.length() <= 1000) {
        paths.add(path);
      }
    } catch (IllegalArgumentException e) {
      // A broken permalink has nothing to redirect from.
    }
    return paths;
  }

  /** Keys are cut, not shortened with an ellipsis: the same input must give the same key. */
  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String bare(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.startsWith("www.") ? lower.substring(4) : lower;
  }

  private static String firstWords(String text) {
    String[] words = text.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return "";
    }
    int n = Math.min(TITLE_WORDS, words.length);
    String title = String.join(" ", java.util.Arrays.copyOf(words, n));
    return n < words.length ? title + "…" : title;
  }
}
