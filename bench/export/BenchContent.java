import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.tamizdat.app.App;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.config.ConfigLoader;
import org.tamizdat.demo.DemoContent;

/**
 * The content of bench/export.sh: N fictional articles in each edition (every one translated), put
 * into Tamizdat's database through the normal writer and written as Markdown for Hugo with the
 * very same text. Run with the JAR on the class path:
 *
 * <pre>
 *   java -cp target/tamizdat.jar bench/export/BenchContent.java generate DATA HUGO N
 *   java -cp target/tamizdat.jar bench/export/BenchContent.java edit DATA HUGO N I
 * </pre>
 *
 * {@code edit} retitles article I in English in both places, as an editor would.
 */
public class BenchContent {
  static final String[] SECTIONS = {"investigations", "politics", "society", "economy", "culture"};
  static final String[] AUTHORS = {
    "zoya-kremneva", "timur-ashkenov", "varvara-lintseva", "gleb-sarmatov", "nadia-orlik"
  };
  static final String[] IMAGES = {
    "ballot", "bread", "cables", "candles", "classroom", "corridor", "dialysis", "dogs", "envelope",
    "freighter", "lantern", "ledger", "newspaper", "pines", "projector", "road", "theatre", "well"
  };
  static final Instant NEWEST = Instant.parse("2026-11-20T08:00:00Z");

  /** The word lists of one language: sentences are put together from them. */
  record Words(
      String[] places,
      String[] subjects,
      String[] verbs,
      String[] objects,
      String[] tails,
      String[] quotes,
      String[] headings,
      String[] tags,
      String[] kickers) {}

  static final Words EN =
      new Words(
          new String[] {
            "Tulvinsk", "Kamenny Log", "Sosnovy Yar", "Port Vilga", "Staro-Ilinsk", "Upper Kerzha",
            "Lesnaya Krai", "Verkhnevolsk", "Belozersk", "Pechorsk", "Zarechny", "Ust-Kama"
          },
          new String[] {
            "Local officials", "Volunteers", "City council deputies", "Prosecutors",
            "Teachers at a village school", "Managers at the plant", "Families of the mobilised",
            "Independent doctors", "Police officers", "Staff of the governor's office", "Residents"
          },
          new String[] {
            "refused to comment on", "quietly approved", "postponed", "challenged in court",
            "criticised", "discussed behind closed doors", "promised to review", "demanded to cancel"
          },
          new String[] {
            "the new budget", "the closure of the hospital", "the water contamination",
            "last week's arrests", "the logging permits", "the rise in bread prices",
            "the conscription lists", "the election results", "the school curriculum",
            "the shelter's funding", "the factory's debts", "the blocking of websites"
          },
          new String[] {
            "according to residents", "documents seen by The Northern Lantern show",
            "two sources said", "on Tuesday", "late last month", "despite repeated requests",
            "after months of silence", "a spokesperson said"
          },
          new String[] {
            "We have nowhere else to go", "Nobody asked us", "They told us to wait until spring",
            "I keep every receipt, just in case", "It is quieter to say nothing"
          },
          new String[] {"What the documents show", "A year of waiting", "Who decides", "What next"},
          new String[] {
            "Regions", "Courts", "Environment", "Health", "Army", "Prisons", "Elections", "Economy",
            "Education", "Culture", "Media", "Censorship", "Labour", "Housing", "Transport",
            "Energy", "Police", "Protests", "Migration", "Religion", "Science", "Agriculture",
            "Water", "Forests", "Budget", "Corruption", "Schools", "Hospitals", "Volunteers", "Sport"
          },
          new String[] {"Investigation", "Report", "Dispatch", "Analysis", "Explainer"});

  static final Words RU =
      new Words(
          new String[] {
            "Тульвинск", "Каменный Лог", "Сосновый Яр", "Порт-Вильга", "Старо-Ильинск",
            "Верхняя Кержа", "Лесной край", "Верхневольск", "Белозерск", "Печорск", "Заречный",
            "Усть-Кама"
          },
          new String[] {
            "Местные чиновники", "Волонтёры", "Депутаты городского совета", "Прокуроры",
            "Учителя сельской школы", "Представители завода", "Семьи мобилизованных",
            "Независимые врачи", "Полицейские", "Сотрудники администрации", "Жители"
          },
          new String[] {
            "отказались комментировать", "тихо одобрили", "отложили", "оспорили в суде",
            "раскритиковали", "обсудили на закрытой встрече", "обещали пересмотреть",
            "потребовали отменить"
          },
          new String[] {
            "новый бюджет", "закрытие больницы", "загрязнение воды", "аресты на прошлой неделе",
            "разрешения на вырубку", "рост цен на хлеб", "списки призывников", "итоги выборов",
            "школьную программу", "финансирование приюта", "долги завода", "блокировку сайтов"
          },
          new String[] {
            "по словам жителей", "как следует из документов, которые видел «Северный фонарь»",
            "сообщили два источника", "во вторник", "в конце прошлого месяца",
            "несмотря на многочисленные запросы", "после нескольких месяцев молчания",
            "заявил представитель ведомства"
          },
          new String[] {
            "Нам больше некуда идти", "Нас никто не спрашивал", "Нам сказали ждать до весны",
            "Я храню все чеки, на всякий случай", "Спокойнее ничего не говорить"
          },
          new String[] {"Что показывают документы", "Год ожидания", "Кто решает", "Что дальше"},
          new String[] {
            "Регионы", "Суды", "Экология", "Здоровье", "Армия", "Тюрьмы", "Выборы", "Экономика",
            "Образование", "Культура", "Медиа", "Цензура", "Труд", "Жильё", "Транспорт",
            "Энергетика", "Полиция", "Протесты", "Миграция", "Религия", "Наука", "Сельское хозяйство",
            "Вода", "Лес", "Бюджет", "Коррупция", "Школы", "Больницы", "Волонтёры", "Спорт"
          },
          new String[] {"Расследование", "Репортаж", "Новости", "Анализ", "Объяснение"});

  /** One article in one language, the same for Tamizdat and for Hugo. */
  record Piece(
      Language lang,
      String slug,
      String group,
      String kicker,
      String title,
      String dek,
      String body,
      String section,
      List<String> authors,
      List<String> tags,
      Instant published,
      String image) {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    Path data = Path.of(args[1]);
    Path hugo = Path.of(args[2]);
    int count = Integer.parseInt(args[3]);
    var config =
        ConfigLoader.load(
            Map.of("TAMIZDAT_DATA_DIR", data.toString()), Optional.empty(), DemoContent.defaults());
    try (App app = new App(config, Clock.systemUTC())) {
      if (mode.equals("generate")) {
        app.loadDemo();
        copyImages(config.mediaDir(), hugo.resolve("static/media"));
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
          for (Language lang : Language.values()) {
            save(app, hugo, piece(i, lang, false));
          }
          if ((i + 1) % 1000 == 0) {
            System.err.printf(
                "# generated %d of %d article pairs (%d s)%n",
                i + 1, count, (System.nanoTime() - started) / 1_000_000_000);
          }
        }
      } else if (mode.equals("edit")) {
        save(app, hugo, piece(Integer.parseInt(args[4]), Language.EN, true));
      } else {
        throw new IllegalArgumentException("mode: generate or edit");
      }
      app.changed();
    }
  }

  static Piece piece(int i, Language lang, boolean edited) {
    Words w = lang == Language.EN ? EN : RU;
    Random r = new Random(i * 7919L + 17);
    String place = pick(r, w.places());
    String subject = pick(r, w.subjects());
    String verb = pick(r, w.verbs());
    String object = pick(r, w.objects());
    String title = place + ": " + subject.toLowerCase() + " " + verb + " " + object;
    if (edited) {
      title = title + (lang == Language.EN ? " (updated)" : " (обновлено)");
    }
    String dek = sentence(r, w);
    StringBuilder body = new StringBuilder();
    int paragraphs = 6 + r.nextInt(4);
    for (int p = 0; p < paragraphs; p++) {
      if (p == paragraphs / 2) {
        body.append("## ").append(pick(r, w.headings())).append("\n\n");
      }
      if (p % 3 == 2) {
        String quote = pick(r, w.quotes());
        body.append(lang == Language.EN ? "\"" + quote + ",\" one resident of " : "«" + quote + "», — говорит жительница ")
            .append(lang == Language.EN ? pick(r, w.places()) + " told us." : "из города " + pick(r, w.places()) + ".")
            .append("\n\n");
      }
      int sentences = 3 + r.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        body.append(sentence(r, w)).append(s + 1 < sentences ? " " : "\n\n");
      }
    }
    List<String> tags = new ArrayList<>();
    int tagCount = 2 + r.nextInt(3);
    while (tags.size() < tagCount) {
      String tag = pick(r, w.tags());
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    List<String> authors = new ArrayList<>(List.of(pick(r, AUTHORS)));
    if (r.nextInt(4) == 0) {
      String second = pick(r, AUTHORS);
      if (!authors.contains(second)) {
        authors.add(second);
      }
    }
    // About three years of publishing, newest first; the Russian version goes out an hour later.
    Instant published =
        NEWEST.minus(Duration.ofMinutes(157L * i)).plus(lang == Language.RU ? 60 : 0, ChronoUnit.MINUTES);
    return new Piece(
        lang,
        "bench-" + i + "-" + lang.code(),
        "bench-" + i,
        pick(r, w.kickers()),
        title,
        dek,
        body.toString(),
        SECTIONS[i % SECTIONS.length],
        authors,
        tags,
        published,
        "demo-" + IMAGES[i % IMAGES.length] + ".svg");
  }

  static String sentence(Random r, Words w) {
    String subject = pick(r, w.subjects());
    String rest = " " + pick(r, w.verbs()) + " " + pick(r, w.objects()) + ", " + pick(r, w.tails());
    return switch (r.nextInt(3)) {
      case 0 -> subject + rest + ".";
      case 1 -> subject + " " + (w == EN ? "in " : "в городе ") + pick(r, w.places()) + rest + ".";
      default -> capitalize(pick(r, w.tails())) + ", " + subject.toLowerCase() + " " + pick(r, w.verbs()) + " " + pick(r, w.objects()) + ".";
    };
  }

  static void save(App app, Path hugo, Piece p) throws IOException {
    app.articleWriter()
        .save(
            new ArticleInput(
                p.lang(), p.slug(), p.group(), p.kicker(), p.title(), p.dek(), p.body(),
                p.section(), p.authors(), p.tags(), Status.PUBLISHED, p.published(),
                p.published(), p.image(), null));
    Path file = hugo.resolve("content/" + p.lang().code() + "/" + p.section() + "/" + p.slug() + ".md");
    Files.createDirectories(file.getParent());
    String front =
        "---\ntitle: " + quoted(p.title()) + "\ndate: " + p.published() + "\nslug: " + p.slug()
            + "\ntranslationKey: " + p.group() + "\ndescription: " + quoted(p.dek())
            + "\nkicker: " + quoted(p.kicker()) + "\nimage: /media/" + p.image()
            + "\ntags: " + p.tags().stream().map(BenchContent::quoted).toList()
            + "\nauthors: " + p.authors() + "\n---\n\n";
    Files.writeString(file, front + p.body(), StandardCharsets.UTF_8);
  }

  static void copyImages(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> images = Files.list(from)) {
      for (Path image : images.toList()) {
        Files.copy(image, to.resolve(image.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String pick(Random r, String[] words) {
    return words[r.nextInt(words.length)];
  }
}
