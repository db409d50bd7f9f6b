package org.tamizdat.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.tamizdat.article.Language;
import org.tamizdat.article.Slugs;

/**
 * What the first pass learns before any post is read: the site's address and language, the author
 * list, categories (and which of them Polylang links as translations of each other) and the
 * attachments. Small: a few strings per author, category and attachment.
 */
final class WxrCatalog implements WxrReader.Visitor {
  /** WordPress's default category: posts filed only there have no section here. */
  private static final Set<String> UNCATEGORIZED = Set.of("uncategorized", "без-рубрики");

  /** Polylang's serialized PHP array {@code a:2:{s:2:"en";i:12;s:2:"ru";i:34;}}. */
  private static final Pattern SERIALIZED_PAIR = Pattern.compile("s:\\d+:\"([^\"]+)\";i:(\\d+);");

  /** A section an imported post is filed under, with its name per edition. */
  record SectionPlan(String slug, Map<Language, String> names) {}

  private final Attachments attachments;
  private final Map<String, String> channel = new HashMap<>();
  private final Map<String, String> authors = new HashMap<>();
  private final Map<Long, String[]> categories = new HashMap<>();
  private final List<Map<String, Long>> categoryTranslations = new ArrayList<>();
  private Map<String, SectionPlan> sections;

  WxrCatalog(Attachments attachments) {
    this.attachments = attachments;
  }

  @Override
  public void channel(String name, String text) {
    channel.putIfAbsent(name, text.strip());
  }

  @Override
  public void record(String name, Map<String, String> fields) {
    switch (name) {
      case "wp:author" -> {
        String login = fields.getOrDefault("wp:author_login", "").strip();
        String display = text(fields.getOrDefault("wp:author_display_name", ""));
        if (!login.isEmpty()) {
          authors.put(login, display.isEmpty() ? login : display);
        }
      }
      case "wp:category" -> {
        long id = number(fields.getOrDefault("wp:term_id", ""));
        String nicename = decode(fields.getOrDefault("wp:category_nicename", ""));
        categories.put(
            id == 0 ? -1 - categories.size() : id,
            new String[] {nicename, text(fields.getOrDefault("wp:cat_name", nicename))});
      }
      case "wp:term" -> {
        if ("term_translations".equals(fields.getOrDefault("wp:term_taxonomy", "").strip())) {
          Map<String, Long> byLang = new HashMap<>();
          Matcher m = SERIALIZED_PAIR.matcher(fields.getOrDefault("wp:term_description", ""));
          while (m.find()) {
            byLang.put(m.group(1), Long.parseLong(m.group(2)));
          }
          categoryTranslations.add(byLang);
        }
      }
      default -> {}
    }
  }

  @Override
  public void item(WxrItem item) {
    if (item.postType().equals("attachment")) {
      attachments.index(item);
    }
  }

  /** The site the export came from, without a trailing slash: the key of its post ids. */
  String site() {
    String base = channel.getOrDefault("wp:base_blog_url", "");
    base = base.isEmpty() ? channel.getOrDefault("wp:base_site_url", "") : base;
    base = base.isEmpty() ? channel.getOrDefault("link", "") : base;
    return PostImport.cut(base.replaceAll("/+$", ""), 300);
  }

  /** The edition the export's own language names, if it is one of ours. */
  Optional<Language> language() {
    return edition(channel.getOrDefault("language", ""));
  }

  Optional<String> authorName(String login) {
    return Optional.ofNullable(authors.get(login));
  }

  /** The section for a category's nicename; empty for the default category or unknown ones. */
  Optional<SectionPlan> section(String nicename, String name) {
    String key = decode(nicename);
    if (UNCATEGORIZED.contains(key)) {
      return Optional.empty();
    }
    SectionPlan plan = sections().get(key);
    if (plan != null) {
      return Optional.of(plan);
    }
    return slug(key, text(name)).map(slug -> new SectionPlan(slug, allNamed(text(name))));
  }

  private Map<String, SectionPlan> sections() {
    if (sections != null) {
      return sections;
    }
    sections = new HashMap<>();
    for (Map<String, Long> group : categoryTranslations) {
      Map<Language, String[]> members = new EnumMap<>(Language.class);
      group.forEach((lang, id) ->
          edition(lang)
              .ifPresent(l -> {
                if (categories.containsKey(id)) {
                  members.put(l, categories.get(id));
                }
              }));
      if (members.isEmpty()) {
        continue;
      }
      String[] lead = members.getOrDefault(Language.EN, members.values().iterator().next());
      Optional<String> slug = slug(lead[0], lead[1]);
      if (slug.isEmpty()) {
        continue;
      }
      Map<Language, String> names = allNamed(lead[1]);
      members.forEach((lang, category) -> names.put(lang, category[1]));
      SectionPlan plan = new SectionPlan(slug.get(), names);
      members.values().forEach(category -> sections.put(category[0], plan));
    }
    for (String[] category : categories.values()) {
      if (!sections.containsKey(category[0]) && !UNCATEGORIZED.contains(category[0])) {
        slug(category[0], category[1])
            .ifPresent(s -> sections.put(category[0], new SectionPlan(s, allNamed(category[1]))));
      }
    }
    return sections;
  }

  private static Map<Language, String> allNamed(String name) {
    Map<Language, String> names = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      names.put(lang, shorten(name, 200));
    }
    return names;
  }

  private static Optional<String> slug(String nicename, String name) {
    for (String candidate : List.of(nicename, name)) {
      try {
        return Optional.of(Slugs.slugify(candidate));
      } catch (IllegalArgumentException e) {
        // Try the next spelling.
      }
    }
    return Optional.empty();
  }

  /** {@code ru}, {@code ru_RU}, {@code ru-RU} → RU; anything else is not an edition of ours. */
  static Optional<Language> edition(String code) {
    String lower = code.strip().toLowerCase(Locale.ROOT);
    return Language.fromCode(lower.length() > 2 ? lower.substring(0, 2) : lower)
        .filter(l -> lower.length() == 2 || lower.charAt(2) == '_' || lower.charAt(2) == '-');
  }

  /** Text of a field that may hold entities or tags, as WordPress stores titles and names. */
  static String text(String html) {
    return Jsoup.parse(html).text().strip();
  }

  static String decode(String nicename) {
    try {
      return URLDecoder.decode(nicename.strip().replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return nicename.strip();
    }
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
