package org.tamizdat.export;

import java.util.List;
import org.tamizdat.site.Link;

/**
 * The root of an export. The live site sends {@code /} to the reader's language by their browser's
 * settings; a static host cannot, so the root offers both editions.
 */
public record EditionChoiceView(
    String title, List<Link> editions, List<String> langs, String cssUrl, String iconUrl) {}
