package org.tamizdat.export;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files an article change can reach: the article's page, its translations' pages (their
 * hreflang links and language switch), every page of every listing it is or was in (it may have
 * moved the others along), those listings' feeds, and the sitemaps of its month. Plus whatever is
 * new since the last export, and the few files that depend on the time.
 */
final class IncrementalPlan {
  private static final Pattern ARTICLE_MONTH = Pattern.compile("^/[a-z]{2}/([0-9]{4})/([0-9]{2})/");

  private final SiteInventory inventory;
  private final Manifest previous;
  private final Set<Long> changed;

  /** {@code logged}: articles the change log names since the last export. */
  IncrementalPlan(SiteInventory inventory, Manifest previous, Set<Long> logged) {
    this.inventory = inventory;
    this.previous = previous;
    this.changed = new LinkedHashSet<>(logged);
    // Scheduled articles go public without a write; unpublished ones leave: compare the lists.
    Stream.concat(inventory.articles.keySet().stream(), previous.articles.keySet().stream())
        .filter(id -> !Objects.equals(inventory.articles.get(id), previous.articles.get(id)))
        .forEach(changed::add);
  }

  Set<String> paths() {
    Set<String> paths = new LinkedHashSet<>();
    Set<String> shifted = new HashSet<>();
    Set<String> articlePaths = new HashSet<>();
    for (long id : changed) {
      ExportedArticle before = previous.articles.get(id);
      ExportedArticle after = inventory.articles.get(id);
      // Same address, time, group and listings: only its text changed, so it sits on the same
      // page of each listing, and no other article moved.
      boolean inPlace = after != null && after.equals(before);
      for (ExportedArticle a : Stream.of(before, after).filter(Objects::nonNull).toList()) {
        articlePaths.add(a.path());
        if (a.group() != null) {
          articlePaths.addAll(inventory.groups.getOrDefault(a.group(), List.of()));
        }
        for (String key : a.listings()) {
          SiteInventory.Listing listing = inventory.listings.get(key);
          if (listing == null) {
            continue;
          }
          if (inPlace) {
            paths.add(inventory.pageShowing(listing, id));
          } else {
            shifted.add(key);
          }
          paths.addAll(inventory.feedsOf(listing));
        }
      }
    }
    for (String key : shifted) {
      paths.addAll(inventory.pagesOf(inventory.listings.get(key)));
    }
    Set<String> visible = new HashSet<>();
    inventory.articles.values().forEach(a -> visible.add(a.path()));
    articlePaths.stream().filter(visible::contains).forEach(paths::add);
    Set<String> months = new HashSet<>();
    articlePaths.forEach(path -> month(path).ifPresent(months::add));
    inventory.sitemaps.stream()
        .filter(s -> months.stream().anyMatch(m -> s.endsWith(m + ".xml")))
        .forEach(paths::add);
    // The index's dates and the news window move with every export (index first, news last).
    paths.add(inventory.sitemaps.getFirst());
    paths.add(inventory.sitemaps.getLast());
    paths.addAll(inventory.fixed);
    return paths;
  }

  private static Optional<String> month(String articlePath) {
    Matcher m = ARTICLE_MONTH.matcher(articlePath);
    return m.find()
        ? Optional.of(
            YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).toString())
        : Optional.empty();
  }
}
