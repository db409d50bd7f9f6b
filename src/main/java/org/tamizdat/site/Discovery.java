package org.tamizdat.site;

import java.util.List;

/**
 * How readers and their software find the newsroom beyond this page: its feeds, the same page on
 * the onion service (null without one) and the page listing every address.
 */
public record Discovery(List<FeedLink> feeds, String onionLocation, String reachUsUrl) {}
