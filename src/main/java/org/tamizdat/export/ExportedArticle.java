package org.tamizdat.export;

import java.util.List;

/**
 * What an export must remember of an article to know, next time, which pages it touched: its
 * address, its publication time (which orders listings), its translation group and the listings it
 * appeared in (by their paths).
 */
record ExportedArticle(
    long id, String path, long publishedMillis, String group, List<String> listings) {}
