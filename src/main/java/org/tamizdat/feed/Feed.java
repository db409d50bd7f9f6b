package org.tamizdat.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tamizdat.article.Language;
import org.tamizdat.site.FeedFormat;

/**
 * One feed, ready for any format: an edition's or a section's latest articles in full. {@code id}
 * is canonical, so the same entries keep their identity on every mirror; links are where the reader
 * is.
 *
 * @param urls where the feed is served in each format (the self links)
 */
record Feed(
    Language lang,
    String id,
    String title,
    String description,
    String homeUrl,
    String iconUrl,
    Map<FeedFormat, String> urls,
    Instant updated,
    List<FeedEntry> entries) {}
