package org.tamizdat.sources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the guard looks for on behalf of one source, worked out from its secrets.
 *
 * <p>Names: every word of the real name whose {@link NameSkeleton} has at least three letters,
 * except words the public pseudonym also uses (those are public by definition). A word of the text
 * matches when its skeleton is the name word plus one of the Russian case endings below (Иванова,
 * Ивановым; Сергея), or, for a name word ending in a vowel or й, that word without it plus a
 * non-empty ending (Анны, Сергеем). Nothing else: "Ivan" does not match "Ivanov" or "Ivanovo".
 *
 * <p>Contacts (split at line breaks, commas and semicolons): e-mail addresses and URLs as written,
 * case-insensitively; {@code @handles} and the last segment of a URL as whole words; phone numbers
 * (seven digits or more) by their digits whatever the formatting, a leading Russian 8 read as +7,
 * and the last ten digits enough when both sides have ten or more. A contact in which none of these
 * is recognised is looked for as a whole phrase.
 */
final class Needles {
  static final List<String> ENDINGS =
      List.of(
          "", "a", "u", "e", "i", "om", "em", "im", "oi", "ei", "oiu", "eiu", "ia", "iu", "ogo",
          "ego", "omu", "emu", "ih", "imi", "ami", "am", "ah", "iam", "iah", "iami", "ie");
  private static final int MIN_NAME = 3;
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+");
  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?:https?://)?((?:[a-z0-9-]+\\.)+[a-z]{2,}/[^\\s]*)|(?:https?://)([^\\s]+)");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@([\\p{L}0-9_.]{3,})");
  static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().\\-\u2010-\u2013]*\\d");

  final ProtectedSource source;
  final Set<String> names = new HashSet<>();
  final Set<String> stems = new HashSet<>();
  private final Set<String> forms = new HashSet<>();
  final Set<String> literals = new LinkedHashSet<>();
  final Set<String> words = new LinkedHashSet<>();
  final Set<String> phones = new LinkedHashSet<>();

  private Needles(ProtectedSource source) {
    this.source = source;
  }

  static Needles of(ProtectedSource source) {
    Needles n = new Needles(source);
    Set<String> pseudonym = new HashSet<>();
    for (String word : source.pseudonym().split("[^\\p{L}\\p{M}0-9]+")) {
      pseudonym.add(NameSkeleton.of(word));
    }
    for (String word : source.secrets().realName().split("[^\\p{L}\\p{M}0-9]+")) {
      String skeleton = NameSkeleton.of(word);
      if (skeleton.length() < MIN_NAME || pseudonym.contains(skeleton)) {
        continue;
      }
      n.names.add(skeleton);
      if (skeleton.endsWith("ia") && skeleton.length() - 2 >= MIN_NAME) {
        n.stems.add(skeleton.substring(0, skeleton.length() - 2));
      }
      if ("aeiou".indexOf(skeleton.charAt(skeleton.length() - 1)) >= 0
          && skeleton.length() - 1 >= MIN_NAME) {
        n.stems.add(skeleton.substring(0, skeleton.length() - 1));
      }
    }
    n.spellOutForms();
    for (String contact : source.secrets().contacts().split("[\\n\\r,;]+")) {
      n.addContact(contact.strip());
    }
    return n;
  }

  private void addContact(String contact) {
    if (contact.isEmpty()) {
      return;
    }
    String rest = contact;
    Matcher email = EMAIL.matcher(rest);
    while (email.find()) {
      literals.add(email.group().toLowerCase(Locale.ROOT));
    }
    rest = EMAIL.matcher(rest).replaceAll(" ");
    Matcher url = URL.matcher(rest);
    while (url.find()) {
      String address = (url.group(1) != null ? url.group(1) : url.group(2)).replaceAll("/+$", "");
      literals.add(address.toLowerCase(Locale.ROOT));
      String last = address.substring(address.lastIndexOf('/') + 1);
      if (last.length() >= 4) {
        words.add(last.toLowerCase(Locale.ROOT));
      }
    }
    rest = URL.matcher(rest).replaceAll(" ");
    Matcher handle = HANDLE.matcher(rest);
    while (handle.find()) {
      words.add(handle.group(1).toLowerCase(Locale.ROOT).replaceAll("\\.+$", ""));
    }
    rest = HANDLE.matcher(rest).replaceAll(" ");
    boolean phone = false;
    Matcher digits = PHONE.matcher(rest);
    while (digits.find()) {
      String number = phoneDigits(digits.group());
      if (number.length() >= 7) {
        phones.add(number);
        phone = true;
      }
    }
    if (!phone && rest.equals(contact) && contact.length() >= 4) {
      words.add(contact.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }
  }

  /** The digits of a phone number, a Russian trunk prefix 8 read as the country code 7. */
  static String phoneDigits(String written) {
    String digits = written.replaceAll("\\D", "");
    if (digits.length() == 11 && digits.startsWith("8")) {
      digits = "7" + digits.substring(1);
    }
    return digits;
  }

  /** Whether a text word's skeleton is one of the name words, in some case. */
  boolean matchesName(String skeleton) {
    return forms.contains(skeleton);
  }

  /** Every name word with every ending, and every stem with every non-empty one: one look-up. */
  private void spellOutForms() {
    for (String ending : ENDINGS) {
      names.forEach(name -> forms.add(name + ending));
      if (!ending.isEmpty()) {
        stems.forEach(stem -> forms.add(stem + ending));
      }
    }
  }

  /**
   * Whether the digits of a run of numbers in the text contain the source's number: all of it, or
   * its last ten digits (the number without a country code). A run may join several numbers written
   * one after another; erring towards a finding is the safe side.
   */
  static boolean samePhone(String source, String textDigits) {
    String core = source.length() > 10 ? source.substring(source.length() - 10) : source;
    return textDigits.contains(core);
  }

  List<String> all() {
    List<String> all = new ArrayList<>(literals);
    all.addAll(words);
    return all;
  }
}
