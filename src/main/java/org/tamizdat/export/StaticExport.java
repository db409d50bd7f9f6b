package org.tamizdat.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.PublishedIndex;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

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
  private final PublishedIndex index;
  private final CatalogRepository catalog;
  private final ExportSite site;
  private final Clock clock;

  public StaticExport(
      Database database,
      PublishedIndex index,
      CatalogRepository catalog,
      ExportSite site,
      Clock clock) {
    this.database = database;
    this.index = index;
    this.catalog = catalog;
    this.site = site;
    this.clock = clock;
  }

  public ExportReport run(Path out, boolean forceFull, ExportProgress progress) {
    long started = System.nanoTime();
    OutputTree tree = new OutputTree(out);
    Manifest previous = Manifest.openIn(tree.root());
    long seq = database.read(ChangeLog::latestSeq);
    Instant now = clock.instant();
    SiteInventory inventory = SiteInventory.build(index, catalog, site.urls(), site.zone(), now);
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

  /**
   * Two per core: a thread waiting for the file system (creating thousands of directories) leaves
   * its core to one that renders.
   */
  private static int threads() {
    return 2 * Runtime.getRuntime().availableProcessors();
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
