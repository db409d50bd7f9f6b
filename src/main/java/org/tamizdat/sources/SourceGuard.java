package org.tamizdat.sources;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.PublicationRefused;
import org.tamizdat.article.PublishedTextGuard;
import org.tamizdat.article.TextFinding;

/**
 * The publish guard wired into the article writer and every public read path. An article that links
 * no source passes at the cost of one indexed look-up. One that does is checked against its
 * sources' decrypted names and contacts in every field readers can see; without a readable key it
 * fails closed: it can neither be published nor shown.
 */
public final class SourceGuard implements PublishedTextGuard {
  private static final Logger log = LoggerFactory.getLogger(SourceGuard.class);

  /** Above this many ids, read every linked article id instead of binding a long IN list. */
  private static final int IN_LIST_LIMIT = 500;

  private final SourceKeys keys;
  private final SourceCipher cipher = new SourceCipher(new SecureRandom());
  private final PublishGuard guard = new PublishGuard();

  /** What was last logged per article, so a withheld article is logged once, not per request. */
  private final Map<Long, String> logged = new ConcurrentHashMap<>();

  public SourceGuard(SourceKeys keys) {
    this.keys = keys;
  }

  @Override
  public Set<Long> withheld(Handle h, Collection<Long> articleIds) {
    if (articleIds.isEmpty()) {
      return Set.of();
    }
    Set<Long> linked = linkedAmong(h, articleIds);
    Set<Long> withheld = new HashSet<>();
    for (long id : linked) {
      Verdict verdict = check(h, id);
      if (!verdict.clear()) {
        withheld.add(id);
        if (!verdict.reason().equals(logged.put(id, verdict.reason()))) {
          // Field names and counts only: the findings quote the very text that must not leak.
          log.warn("article {} withheld from public output: {}", id, verdict.reason());
        }
      }
    }
    return withheld;
  }

  @Override
  public void admit(Handle h, long articleId) {
    Verdict verdict = check(h, articleId);
    if (!verdict.clear()) {
      throw new PublicationRefused(verdict.reason(), verdict.findings());
    }
  }

  /** Findings for an article as stored: for the editor's screen, before trying to publish. */
  public List<TextFinding> findings(Handle h, long articleId) {
    return check(h, articleId).findings();
  }

  private Verdict check(Handle h, long articleId) {
    List<ProtectedSource> sources;
    try {
      sources = SourceRepository.protectedFor(h, keys, cipher, articleId);
    } catch (SourcesUnreadable e) {
      return new Verdict(
          false, "it links protected sources that cannot be checked: " + e.getMessage(), List.of());
    }
    if (sources.isEmpty()) {
      return new Verdict(true, "", List.of());
    }
    Optional<Map<String, String>> text = publicText(h, articleId);
    if (text.isEmpty()) {
      return new Verdict(true, "", List.of());
    }
    List<TextFinding> findings = guard.scan(text.get(), sources);
    if (findings.isEmpty()) {
      return new Verdict(true, "", List.of());
    }
    Set<String> fields = new LinkedHashSet<>();
    findings.forEach(f -> fields.add(f.field()));
    return new Verdict(
        false,
        "its text names a linked protected source ("
            + findings.size()
            + (findings.size() == 1 ? " place" : " places")
            + " in "
            + String.join(", ", fields)
            + ")",
        findings);
  }

  private static Set<Long> linkedAmong(Handle h, Collection<Long> ids) {
    if (ids.size() > IN_LIST_LIMIT) {
      Set<Long> all =
          new HashSet<>(
              h.createQuery("SELECT DISTINCT article_id FROM article_source")
                  .mapTo(Long.class)
                  .list());
      all.retainAll(new HashSet<>(ids));
      return all;
    }
    return new LinkedHashSet<>(
        h.createQuery("SELECT DISTINCT article_id FROM article_source WHERE article_id IN (<ids>)")
            .bindList("ids", List.copyOf(ids))
            .mapTo(Long.class)
            .list());
  }

  /**
   * Every field of the article a reader can see, as stored: the Markdown body (with image alt texts
   * and link targets) and, in case it differs, the text and attributes of the rendered HTML.
   */
  private static Optional<Map<String, String>> publicText(Handle h, long articleId) {
    return h.createQuery(
            """
            SELECT kicker, title, dek, slug, body_md, body_html, lead_caption, lead_image
            FROM article WHERE id = :id
            """)
        .bind("id", articleId)
        .map((rs, ctx) -> {
          Map<String, String> fields = new LinkedHashMap<>();
          fields.put("title", rs.getString("title"));
          fields.put("kicker", rs.getString("kicker"));
          fields.put("dek", rs.getString("dek"));
          fields.put("slug", rs.getString("slug"));
          fields.put("body", rs.getString("body_md"));
          fields.put("lead_caption", rs.getString("lead_caption"));
          fields.put("lead_image", rs.getString("lead_image"));
          fields.put("body_html", htmlText(rs.getString("body_html")));
          return fields;
        })
        .findOne()
        .map(fields -> {
          List<String> tags = new ArrayList<>();
          h.createQuery(
                  """
                  SELECT t.name, t.slug FROM article_tag x JOIN tag t ON t.id = x.tag_id
                  WHERE x.article_id = :id ORDER BY t.name
                  """)
              .bind("id", articleId)
              .map((rs, ctx) -> rs.getString(1) + " (" + rs.getString(2) + ")")
              .forEach(tags::add);
          fields.put("tags", String.join(", ", tags));
          return fields;
        });
  }

  /** The rendered body's text, then every attribute value (alt, title, href, src ...). */
  private static String htmlText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    var body = Jsoup.parseBodyFragment(html).body();
    StringBuilder text = new StringBuilder(body.text());
    for (Element e : body.getAllElements()) {
      for (Attribute a : e.attributes()) {
        text.append('\n').append(a.getValue());
      }
    }
    return text.toString();
  }

  private record Verdict(boolean clear, String reason, List<TextFinding> findings) {}
}
