package org.tamizdat.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * The export's attachments (indexed in the first pass, a few strings each) and the copy of {@code
 * wp-content/uploads} given with {@code --media}. Between the passes, {@link #ingest} puts every
 * attachment file and every other uploads image the posts' HTML mentions through the {@link
 * AttachmentSink}, outside the posts' transaction; the posts then only look the results up, and a
 * problem with an image is reported with the first post that shows it. Nothing is ever fetched from
 * the network.
 */
final class Attachments {
  private static final String UPLOADS = "/wp-content/uploads/";
  private static final Pattern SIZE_SUFFIX = Pattern.compile("-\\d+x\\d+(?=\\.[A-Za-z0-9]+$)");

  /** The file names {@link #mention} collects: images, whatever we then make of them. */
  private static final Pattern IMAGE_FILE =
      Pattern.compile("\\.(?:jpe?g|png|webp|gif|svg)$", Pattern.CASE_INSENSITIVE);

  /** What became of one uploads file before the posts' pass: our URL, or why there is none. */
  private record Outcome(Optional<String> url, String problem, boolean refused) {
    static Outcome stored(String name) {
      return new Outcome(Optional.of("/media/" + name), "", false);
    }

    static Outcome missing(String problem) {
      return new Outcome(Optional.empty(), problem, false);
    }

    static Outcome refused(String problem) {
      return new Outcome(Optional.empty(), problem, true);
    }
  }

  /** What the first pass keeps of an attachment item. */
  record Entry(
      long id, long parent, int order, String file, String title, String alt, String caption) {}

  private final Map<Long, Entry> byId = new HashMap<>();
  private final Map<String, Long> byFile = new HashMap<>();
  private final Map<Long, List<Long>> byParent = new HashMap<>();
  private final Set<String> mentioned = new LinkedHashSet<>();
  private final Map<String, Outcome> outcomes = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private final Optional<Path> root;
  private final AttachmentSink sink;
  private String siteHost = "";
  private int stored;
  private int missing;
  private int refused;

  Attachments(Optional<Path> root, AttachmentSink sink) {
    this.root = root.map(p -> p.toAbsolutePath().normalize());
    this.sink = sink;
  }

  void siteHost(String host) {
    this.siteHost = host.toLowerCase(Locale.ROOT);
  }

  /** Indexes an attachment item of the first pass. */
  void index(WxrItem item) {
    String file = item.meta().getOrDefault("_wp_attached_file", "").strip();
    if (file.isEmpty()) {
      file = uploadsPath(item.field("wp:attachment_url").strip()).orElse("");
    }
    int order = 0;
    try {
      order = Integer.parseInt(item.field("wp:menu_order").strip());
    } catch (NumberFormatException e) {
      // No order given: the export's own order stands.
    }
    long parent = 0;
    try {
      parent = Long.parseLong(item.field("wp:post_parent").strip());
    } catch (NumberFormatException e) {
      // Unattached.
    }
    Entry entry =
        new Entry(
            item.postId(),
            parent,
            order,
            file,
            WxrCatalog.text(item.field("title")),
            item.meta().getOrDefault("_wp_attachment_image_alt", "").strip(),
            Jsoup.parse(item.field("excerpt:encoded")).text().strip());
    byId.put(entry.id(), entry);
    if (!file.isEmpty()) {
      byFile.put(file, entry.id());
    }
    if (parent != 0) {
      byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(entry.id());
    }
  }

  int indexed() {
    return byId.size();
  }

  int stored() {
    return stored;
  }

  int missing() {
    return missing;
  }

  int refused() {
    return refused;
  }

  /** The images of one post, with its warnings going to {@code warn}. */
  Images forPost(Consumer<String> warn) {
    return new Images() {
      @Override
      public Optional<String> local(String src) {
        return Attachments.this.local(src, warn);
      }

      @Override
      public boolean foreign(String src) {
        return Attachments.this.foreign(src);
      }

      @Override
      public Optional<Image> attachment(long id) {
        Entry entry = byId.get(id);
        if (entry == null) {
          warn.accept("attachment " + id + " is not in the export");
          return Optional.empty();
        }
        return lookUp(entry.file(), warn).map(url -> new Image(url, entry.alt(), entry.caption()));
      }

      @Override
      public List<Long> childrenOf(long postId) {
        return byParent.getOrDefault(postId, List.of()).stream()
            .map(byId::get)
            .sorted(Comparator.comparingInt(Entry::order))
            .map(Entry::id)
            .toList();
      }
    };
  }

  private Optional<String> local(String src, Consumer<String> warn) {
    String address = src.strip();
    if (address.isEmpty()) {
      return Optional.empty();
    }
    if (address.startsWith("/media/")) {
      return Optional.of(address);
    }
    Optional<String> file = uploadsPath(address);
    if (file.isEmpty()) {
      warn.accept(
          foreign(address)
              ? "image from another server linked instead of shown: " + address
              : "image outside wp-content/uploads not imported: " + address);
      return Optional.empty();
    }
    Long id = attachmentOf(file.get());
    // Not an attachment of this export, but perhaps in the uploads copy all the same.
    return lookUp(id != null ? byId.get(id).file() : file.get(), warn);
  }

  /** The attachment an uploads path (or one of its resized copies, -300x200) belongs to. */
  private Long attachmentOf(String file) {
    Long id = byFile.get(file);
    return id != null ? id : byFile.get(SIZE_SUFFIX.matcher(file).replaceFirst(""));
  }

  /** Whether an address names another host than the old site. */
  boolean foreign(String address) {
    try {
      String host = URI.create(address.strip().replace(" ", "%20")).getHost();
      return host != null && !sameSite(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The path under wp-content/uploads of an address on the old site, or empty. */
  private Optional<String> uploadsPath(String address) {
    try {
      URI uri = URI.create(address.replace(" ", "%20"));
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      if (!host.isEmpty() && !sameSite(host)) {
        return Optional.empty();
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      int at = path.indexOf(UPLOADS);
      if (at < 0) {
        return Optional.empty();
      }
      return Optional.of(
          URLDecoder.decode(
              path.substring(at + UPLOADS.length()).replace("+", "%2B"), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private boolean sameSite(String host) {
    String bare = host.startsWith("www.") ? host.substring(4) : host;
    String site = siteHost.startsWith("www.") ? siteHost.substring(4) : siteHost;
    return siteHost.isEmpty() || bare.equals(site);
  }

  /**
   * Notes the uploads images a post's HTML mentions (in src, srcset, links, block comments), so
   * that {@link #ingest} has them too. A plain scan around each occurrence: a regular expression
   * would backtrack through long runs such as inline base64 data.
   */
  void mention(String html) {
    int at = html.indexOf(UPLOADS);
    while (at >= 0) {
      int start = at;
      while (start > 0 && !ends(html.charAt(start - 1))) {
        start--;
      }
      int end = at + UPLOADS.length();
      while (end < html.length() && !ends(html.charAt(end)) && "?#".indexOf(html.charAt(end)) < 0) {
        end++;
      }
      String address = html.substring(start, end);
      if (IMAGE_FILE.matcher(address).find()) {
        mentioned.add(address);
      }
      at = html.indexOf(UPLOADS, end);
    }
  }

  private static boolean ends(char c) {
    return Character.isWhitespace(c) || "\"'<>()[]".indexOf(c) >= 0;
  }

  /**
   * Stores every attachment file and every mentioned uploads image, each once, before the posts'
   * transaction: the sink commits on its own and must not wait for (or be undone with) the posts.
   */
  void ingest(ImportProgress progress) {
    if (root.isEmpty()) {
      return;
    }
    Map<String, AttachmentSink.Description> files = new LinkedHashMap<>();
    byId.values().stream()
        .sorted(Comparator.comparingLong(Entry::id))
        .filter(e -> !e.file().isEmpty())
        .forEach(e -> files.putIfAbsent(e.file(), description(e)));
    for (String address : mentioned) {
      uploadsPath(address)
          .filter(file -> attachmentOf(file) == null)
          .ifPresent(file -> files.putIfAbsent(file, AttachmentSink.Description.none()));
    }
    mentioned.clear();
    int done = 0;
    for (Map.Entry<String, AttachmentSink.Description> file : files.entrySet()) {
      outcomes.put(file.getKey(), store(file.getKey(), file.getValue()));
      progress.progress("images", ++done, files.size());
    }
  }

  /** Alt text for the library: WordPress's own, else a title that is more than the file name. */
  private static AttachmentSink.Description description(Entry entry) {
    String alt = entry.alt();
    if (alt.isEmpty()) {
      String stem = baseName(entry.file()).replaceAll("\\.[A-Za-z0-9]+$", "");
      alt = sameWords(entry.title(), stem) ? "" : entry.title();
    }
    return new AttachmentSink.Description(alt, entry.caption());
  }

  private static boolean sameWords(String a, String b) {
    return a.replaceAll("[-_\\s]+", " ")
        .strip()
        .equalsIgnoreCase(b.replaceAll("[-_\\s]+", " ").strip());
  }

  /** Our URL for an uploads file, or empty with a warning (the reason once, then a pointer). */
  private Optional<String> lookUp(String file, Consumer<String> warn) {
    Outcome outcome =
        outcomes.computeIfAbsent(
            file,
            f ->
                Outcome.missing(
                    root.isEmpty()
                        ? "image not imported, no --media directory given: " + f
                        : "image not imported, not found before the posts were read: " + f));
    if (outcome.url().isPresent()) {
      return outcome.url();
    }
    if (reported.add(file)) {
      if (outcome.refused()) {
        refused++;
      } else {
        missing++;
      }
      warn.accept(outcome.problem());
    } else {
      warn.accept("image not imported (see above): " + file);
    }
    return Optional.empty();
  }

  private Outcome store(String file, AttachmentSink.Description description) {
    Path path = root.orElseThrow().resolve(file).normalize();
    if (!path.startsWith(root.get()) || !Files.isRegularFile(path)) {
      return Outcome.missing("image missing from the --media directory: " + file);
    }
    if (!insideRoot(path)) {
      return Outcome.refused("image refused (a link out of the --media directory): " + file);
    }
    try {
      String name = sink.store(path, baseName(file), description);
      stored++;
      return Outcome.stored(name);
    } catch (AttachmentSink.Refused e) {
      return Outcome.refused("image refused (" + e.getMessage() + "): " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + path, e);
    }
  }

  /** Symbolic links are followed only while they stay inside the uploads copy. */
  private boolean insideRoot(Path path) {
    try {
      return path.toRealPath().startsWith(root.get().toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static String baseName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.isEmpty() ? "image" : name;
  }
}
