package org.tamizdat.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser of {@code multipart/form-data} bodies (RFC 7578), for uploads. The whole body is
 * already in memory, capped per route by {@link Router#post(String, Route, long)}; parts stay in
 * memory too, so no upload is ever written to a temporary directory.
 */
final class MultipartBody {
  static final int MAX_PARTS = 50;
  private static final int MAX_PART_HEADERS = 8 * 1024;
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
  private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

  final Map<String, List<String>> fields = new LinkedHashMap<>();
  final Map<String, List<Upload>> files = new LinkedHashMap<>();

  private MultipartBody() {}

  static boolean accepts(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  static MultipartBody parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw HttpError.badRequest("multipart body without a boundary");
    }
    String boundary = m.group(1) != null ? m.group(1) : m.group(2);
    byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    MultipartBody parsed = new MultipartBody();
    int at = indexOf(body, first, 0);
    if (at < 0) {
      throw HttpError.badRequest("malformed multipart body");
    }
    at += first.length;
    int parts = 0;
    while (true) {
      if (startsWith(body, at, "--")) {
        return parsed; // the closing delimiter
      }
      if (!startsWith(body, at, "\r\n")) {
        throw HttpError.badRequest("malformed multipart body");
      }
      at += 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
      if (headersEnd < 0 || headersEnd - at > MAX_PART_HEADERS) {
        throw HttpError.badRequest("malformed multipart body");
      }
      int next = indexOf(body, delimiter, headersEnd + 4);
      if (next < 0 || ++parts > MAX_PARTS) {
        throw HttpError.badRequest("malformed multipart body");
      }
      String headers = new String(body, at, headersEnd - at, StandardCharsets.UTF_8);
      parsed.add(headers, Arrays.copyOfRange(body, headersEnd + 4, next));
      at = next + delimiter.length;
    }
  }

  private void add(String headers, byte[] content) {
    String disposition = null;
    String type = "application/octet-stream";
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (name.equals("content-disposition")) {
        disposition = value;
      } else if (name.equals("content-type")) {
        type = value;
      }
    }
    if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
      throw HttpError.badRequest("multipart part without form-data disposition");
    }
    Matcher name = NAME.matcher(disposition);
    if (!name.find()) {
      throw HttpError.badRequest("multipart part without a name");
    }
    Matcher file = FILE_NAME.matcher(disposition);
    if (file.find()) {
      if (content.length == 0 && file.group(1).isEmpty()) {
        return; // a file input left empty
      }
      files
          .computeIfAbsent(name.group(1), k -> new ArrayList<>())
          .add(new Upload(name.group(1), baseName(file.group(1)), type, content));
    } else {
      fields
          .computeIfAbsent(name.group(1), k -> new ArrayList<>())
          .add(new String(content, StandardCharsets.UTF_8));
    }
  }

  /** Some browsers send the whole client path; only the last segment is the file's name. */
  private static String baseName(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return fileName.substring(slash + 1);
  }

  private static boolean startsWith(byte[] body, int at, String text) {
    return at + text.length() <= body.length
        && new String(body, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
