package org.tamizdat.site;

/**
 * The feed formats every edition and section offers. The extension is part of the URL, so static
 * hosts serve each file with the right type without any configuration.
 */
public enum FeedFormat {
  ATOM("atom", "application/atom+xml", "Atom"),
  RSS("rss", "application/rss+xml", "RSS"),
  JSON("json", "application/feed+json", "JSON Feed");

  private final String extension;
  private final String mediaType;
  private final String label;

  FeedFormat(String extension, String mediaType, String label) {
    this.extension = extension;
    this.mediaType = mediaType;
    this.label = label;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String label() {
    return label;
  }
}
