package org.tamizdat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Static files under {@code assets/} on the class path, served at URLs that contain a hash of their
 * bytes ({@code /assets/site.1a2b3c4d5e.css}), so browsers may keep them forever and a new release
 * is fetched at once.
 */
public final class Assets {
  private final Map<String, String> urlByName = new HashMap<>();
  private final Map<String, CachedPage> byHashedName = new HashMap<>();

  public Assets(List<String> names) {
    for (String name : names) {
      byte[] bytes = load(name);
      int dot = name.lastIndexOf('.');
      String hashed = name.substring(0, dot) + "." + shortHash(bytes) + name.substring(dot);
      urlByName.put(name, "/assets/" + hashed);
      byHashedName.put(hashed, CachedPage.of(Response.of(200, contentType(name), bytes), 0, 0));
    }
  }

  /** The versioned URL of an asset, for templates. */
  public String url(String name) {
    String url = urlByName.get(name);
    if (url == null) {
      throw new IllegalArgumentException("unknown asset " + name);
    }
    return url;
  }

  /** Every asset by its versioned URL, for the static export. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new TreeMap<>();
    byHashedName.forEach((hashed, page) -> {
      byte[] bytes = new byte[page.body().remaining()];
      page.body().duplicate().get(bytes);
      files.put("/assets/" + hashed, bytes);
    });
    return files;
  }

  CachedPage find(String hashedName) {
    return byHashedName.get(hashedName);
  }

  private static byte[] load(String name) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("asset missing from the class path: assets/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String shortHash(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (name.endsWith(".svg")) {
      return "image/svg+xml";
    } else if (name.endsWith(".png")) {
      return "image/png";
    } else if (name.endsWith(".json")) {
      return "application/json; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
