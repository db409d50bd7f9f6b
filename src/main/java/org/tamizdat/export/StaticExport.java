package org.tamizdat.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.PublishedIndex;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.site.Urls;

/**
 * Writes the public site as static files with the same URLs, rendered by the live site's own
 * routes. A second run renders only what the change log says may have changed (the articles, their
 * translations, the listings and feeds they were or are in) and writes only files whose bytes
 * differ; a change that shows on every page (sections, authors, the ticker, the day counter, a new
 * release) renders everything again. Files of pages that no longer exist are removed.
 */
public final class StaticExport {
  private static final Logger log = LoggerFactory.getLogger(StaticExport.class);

  private final Database database;
  private final Future<SiteInventory> inventory;
  private final ExportSite site;

  /**
   * @param inventory from {@link #inventory}, started before the site's pages were set up: the
   *     export's first seconds are single-threaded reads, and these two run side by side
   */
  public StaticExport(Database database, Future<SiteInventory> inventory, ExportSite site) {
    this.database = database;
    this.inventory = inventory;
    this.site = site;
  }

  /** Starts working out every path the site has at {@code now}, on a thread of its own. */
  public static Future<SiteInventory> inventory(
      PublishedIndex index, CatalogRepository catalog, Urls urls, ZoneId zone, Instant now) {
    FutureTask<SiteInventory> task =
        new FutureTask<>(() -> SiteInventory.build(index, catalog, urls, zone, now));
    Thread.ofPlatform().name("export-inventory").daemon().start(task);
    return task;
  }

  public ExportReport run(Path out, boolean forceFull, ExportProgress progress) {
    long started = System.nanoTime();
    OutputTree tree = new OutputTree(out);
    Manifest previous = Manifest.openIn(tree.root());
    long seq = database.read(ChangeLog::latestSeq);
    SiteInventory inventory = inventory();
    Map<String, Output> outputs = outputs(inventory, editionChoice());
    ExportWriter writer =
        new ExportWriter(
            site.dispatcher(), tree, previous.files, Runtime.getRuntime().availableProcessors());

    // Error pages show only the shared header: if one changed, every page did.
    List<String> probes = new ArrayList<>(SiteInventory.ERROR_PAGES);
    probes.add(SiteInventory.EDITION_CHOICE);
    probes.forEach(path -> writer.write(outputs.get(path)));
    String fingerprint = fingerprint(probes, writer.hashes());
    boolean incremental =
        !forceFull && fingerprint.equals(previous.fingerprint) && onlyArticlesChanged(previous.seq);
    Set<String> chosen =
        incremental
            ? new IncrementalPlan(inventory, previous, articleChanges(previous.seq)).paths()
            : outputs.keySet();
    if (incremental) {
      // Anything new since the last export, and the cheap files: assets and media (by size).
      for (Map.Entry<String, Output> output : outputs.entrySet()) {
        if (!(output.getValue() instanceof Output.Rendered)
            || !previous.files.containsKey(output.getKey())) {
          chosen.add(output.getKey());
        }
      }
    }
    List<Output> work =
        chosen.stream()
            .filter(path -> outputs.containsKey(path) && !probes.contains(path))
            .map(outputs::get)
            .toList();
    progress.start(incremental ? "export (changes)" : "export", work.size());
    try {
      writer.writeAll(work, progress);
    } catch (RuntimeException e) {
      // Keep what was written, and an empty fingerprint: the next run renders everything.
      Map<String, String> partial = new HashMap<>(previous.files);
      partial.putAll(writer.hashes());
      new Manifest("", previous.seq, partial, previous.articles).write(tree.root());
      throw e;
    } finally {
      progress.finish();
    }

    Map<String, String> files = new HashMap<>(previous.files);
    files.putAll(writer.hashes());
    int removed = 0;
    for (String gone : previous.files.keySet()) {
      if (!outputs.containsKey(gone)) {
        tree.delete(gone);
        files.remove(gone);
        removed++;
      }
    }
    new Manifest(fingerprint, seq, files, inventory.articles).write(tree.root());
    return new ExportReport(
        site.target(),
        files.size(),
        writer.rendered(),
        writer.written(),
        removed,
        incremental,
        (System.nanoTime() - started) / 1_000_000);
  }

  private SiteInventory inventory() {
    try {
      return inventory.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("cannot list the site's pages", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("export interrupted", e);
    }
  }

  /** Every file of the export by URL path, in the order they are produced. */
  private Map<String, Output> outputs(SiteInventory inventory, byte[] editionChoice) {
    Map<String, Output> outputs = new LinkedHashMap<>();
    for (String path : inventory.pagePaths()) {
      outputs.put(
          path,
          path.equals(SiteInventory.EDITION_CHOICE)
              ? new Output.Fixed(path, editionChoice)
              : new Output.Rendered(path, SiteInventory.ERROR_PAGES.contains(path) ? 404 : 200));
    }
    site.assets()
        .files()
        .forEach((path, bytes) -> outputs.put(path, new Output.Fixed(path, bytes)));
    Set<String> media = new TreeSet<>();
    inventory.media.forEach(name -> media.addAll(site.mediaFiles().apply(name)));
    for (String name : media) {
      Path source = site.mediaDir().resolve(name);
      if (Files.isRegularFile(source)) {
        outputs.put(
            inventory.mediaPath(name), new Output.Copied(inventory.mediaPath(name), source));
      } else {
        log.warn("media file {} is missing; pages that show it will have a broken image", name);
      }
    }
    return outputs;
  }

  private byte[] editionChoice() {
    return new EditionChoice(
            site.templates(), site.messages(), site.urls(), site.assets(), site.siteNames())
        .render();
  }

  private String fingerprint(List<String> probes, Map<String, String> hashes) {
    StringBuilder all = new StringBuilder(site.settings());
    all.append('|').append(CodeVersion.of(StaticExport.class));
    probes.forEach(p -> all.append('|').append(hashes.get(p)));
    return ExportWriter.hash(all.toString());
  }

  private boolean onlyArticlesChanged(long seq) {
    return seq >= 0
        && database.read(h -> ChangeLog.since(h, seq)).stream()
            .allMatch(c -> c.entity().equals("article") && c.entityId() != null);
  }

  private Set<Long> articleChanges(long seq) {
    Set<Long> ids = new LinkedHashSet<>();
    database.read(h -> ChangeLog.since(h, seq)).forEach(c -> ids.add(c.entityId()));
    return ids;
  }
}
