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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * The export's attachments (indexed in the first pass, a few strings each) and the copy of {@code
 * wp-content/uploads} given with {@code --media}. Images are copied through the {@link
 * AttachmentSink} the first time a post uses them; nothing is ever fetched from the network.
 */
final class Attachments {
  private static final String UPLOADS = "/wp-content/uploads/";
  private static final Pattern SIZE_SUFFIX = Pattern.compile("-\\d+x\\d+(?=\\.[A-Za-z0-9]+$)");

  /** What the first pass keeps of an attachment item. */
  record Entry(long id, long parent, int order, String file, String alt, String caption) {}

  private final Map<Long, Entry> byId = new HashMap<>();
  private final Map<String, Long> byFile = new HashMap<>();
  private final Map<Long, List<Long>> byParent = new HashMap<>();
  private final Map<String, Optional<String>> stored = new HashMap<>();
  private final Optional<Path> root;
  private final AttachmentSink sink;
  private String siteHost = "";
  private int copied;
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

  int copied() {
    return copied;
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
        return store(entry.file(), "wp-" + id + "-" + baseName(entry.file()), warn)
            .map(url -> new Image(url, entry.alt(), entry.caption()));
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
    String original = SIZE_SUFFIX.matcher(file.get()).replaceFirst("");
    Long id = byFile.get(file.get());
    id = id != null ? id : byFile.get(original);
    if (id != null) {
      Entry entry = byId.get(id);
      return store(entry.file(), "wp-" + id + "-" + baseName(entry.file()), warn);
    }
    // Not an attachment of this export, but perhaps in the uploads copy all the same.
    String name = "wp-" + Integer.toHexString(file.get().hashCode()) + "-" + baseName(file.get());
    return store(file.get(), name, warn);
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

  /** Copies one uploads file (once per import); our URL for it, or empty with a warning. */
  private Optional<String> store(String file, String name, Consumer<String> warn) {
    Optional<String> known = stored.get(file);
    if (known != null) {
      if (known.isEmpty()) {
        warn.accept("image not imported (see above): " + file);
      }
      return known;
    }
    Optional<String> result = copy(file, name, warn);
    stored.put(file, result);
    return result;
  }

  private Optional<String> copy(String file, String name, Consumer<String> warn) {
    if (root.isEmpty()) {
      missing++;
      warn.accept("image not imported, no --media directory given: " + file);
      return Optional.empty();
    }
    Path path = root.get().resolve(file).normalize();
    if (!path.startsWith(root.get()) || !Files.isRegularFile(path)) {
      missing++;
      warn.accept("image missing from the --media directory: " + file);
      return Optional.empty();
    }
    if (!insideRoot(path)) {
      refused++;
      warn.accept("image refused (a link out of the --media directory): " + file);
      return Optional.empty();
    }
    try {
      AttachmentSink.StoredAttachment saved = sink.store(path, name);
      copied++;
      return Optional.of("/media/" + saved.name());
    } catch (AttachmentSink.Refused e) {
      refused++;
      warn.accept("image refused (" + e.getMessage() + "): " + file);
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + path, e);
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
