package org.tamizdat.feed;

import java.time.Instant;
import java.util.List;

/**
 * One article in a feed. Strings are typeset; {@code contentHtml} is the sanitized body with every
 * link made absolute, since feed readers show it away from the site.
 *
 * @param id the canonical article URL, stable across mirrors
 * @param url the article where the feed is read
 * @param categories the section's name, then the tags'
 * @param image the lead image, or null
 */
record FeedEntry(
    String id,
    String url,
    String title,
    String summary,
    String contentHtml,
    Instant published,
    Instant updated,
    List<Person> authors,
    List<String> categories,
    Image image) {

  record Person(String name, String url) {}

  record Image(String url, String mediaType, long length) {}
}
