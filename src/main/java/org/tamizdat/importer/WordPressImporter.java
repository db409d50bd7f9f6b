package org.tamizdat.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.Language;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/**
 * {@code tamizdat import wordpress}: reads a WXR file twice — first the authors, categories and
 * attachments, then the posts and pages one at a time — and writes everything in one transaction,
 * so a failed import changes nothing and a dry run is the same import rolled back.
 */
public final class WordPressImporter {
  /** What to import and how. {@code edition} is for posts without Polylang or WPML data. */
  public record Options(
      Path file, Optional<Path> media, Optional<Language> edition, boolean dryRun) {}

  private final Database database;
  private final ArticleWriter writer;
  private final ImportStore store;
  private final Clock clock;
  private final ZoneId zone;

  public WordPressImporter(
      Database database, ArticleWriter writer, ChangeLog changeLog, Clock clock, ZoneId zone) {
    this.database = database;
    this.writer = writer;
    this.store = new ImportStore(changeLog);
    this.clock = clock;
    this.zone = zone;
  }

  public ImportReport run(Options options, AttachmentSink sink, ImportProgress progress) {
    Path file = options.file();
    if (!Files.isRegularFile(file)) {
      throw new ImportException("no such export file: " + file);
    }
    options
        .media()
        .filter(dir -> !Files.isDirectory(dir))
        .ifPresent(dir -> {
          throw new ImportException("--media is not a directory: " + dir);
        });
    long size = size(file);
    WxrReader reader = new WxrReader();
    Attachments attachments = new Attachments(options.media(), sink);
    WxrCatalog catalog = new WxrCatalog(attachments);
    reader.read(file, done -> progress.progress("scan", done, size), catalog);
    attachments.siteHost(host(catalog.site()));
    Language edition = options.edition().or(catalog::language).orElse(Language.EN);
    ImportReport report = new ImportReport();
    report.dryRun(options.dryRun());
    PostImport posts =
        new PostImport(writer, store, catalog, attachments, report, edition, zone, clock);
    try {
      database.write(h -> {
        reader.read(file, done -> progress.progress("import", done, size), posts.on(h));
        if (options.dryRun()) {
          throw new DryRunFinished();
        }
        return null;
      });
      sink.commit();
    } catch (DryRunFinished e) {
      sink.discard();
    } catch (IOException e) {
      sink.discard();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      sink.discard();
      throw e;
    }
    report.set("attachments in export", attachments.indexed());
    report.set("images copied", attachments.copied());
    report.set("images missing", attachments.missing());
    report.set("images refused", attachments.refused());
    return report;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String host(String site) {
    try {
      String host = java.net.URI.create(site).getHost();
      return host == null ? "" : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Rolls the dry run's transaction back once everything has been tried. */
  private static final class DryRunFinished extends RuntimeException {
    DryRunFinished() {
      super("dry run", null, false, false);
    }
  }
}
