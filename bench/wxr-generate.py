#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2, Polylang-style languages) of about --mb megabytes to stdout:
classic and block-editor posts with captions, galleries, comments, tags and categories."""
import argparse
import random
import sys

EN = ("harbour council budget river school court market bridge winter election railway clinic "
      "factory festival library village minister protest editor reporter").split()
RU = ("гавань совет бюджет река школа суд рынок мост зима выборы дорога больница завод праздник "
      "библиотека деревня министр протест редактор репортёр").split()


def words(rng, pool, n):
    return " ".join(rng.choice(pool) for _ in range(n))


def body(rng, pool, n, blocks):
    parts = []
    for i in range(n):
        text = words(rng, pool, 60)
        if blocks:
            parts.append("<!-- wp:paragraph -->\n<p>%s <em>%s</em> <a href=\"https://example.org/%d\">%s</a>.</p>\n<!-- /wp:paragraph -->"
                         % (text, words(rng, pool, 3), i, words(rng, pool, 2)))
        else:
            parts.append("%s <strong>%s</strong>\n%s." % (text, words(rng, pool, 2), words(rng, pool, 8)))
        if i == 2:
            parts.append('[caption id="attachment_1" width="600"]<img src="https://bench.example/wp-content/uploads/2024/01/x.jpg" alt="x" /> %s[/caption]' % words(rng, pool, 4))
    return "\n\n".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=1024)
    args = parser.parse_args()
    limit = args.mb * 1024 * 1024
    rng = random.Random(7)
    out = sys.stdout
    head = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench</title><link>https://bench.example</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
"""
    out.write(head)
    for a in range(20):
        out.write("<wp:author><wp:author_id>%d</wp:author_id><wp:author_login><![CDATA[writer%d]]></wp:author_login><wp:author_display_name><![CDATA[Writer %d]]></wp:author_display_name></wp:author>\n" % (a, a, a))
    for c in range(12):
        out.write("<wp:category><wp:term_id>%d</wp:term_id><wp:category_nicename>section-%d</wp:category_nicename><wp:cat_name><![CDATA[Section %d]]></wp:cat_name></wp:category>\n" % (c + 10, c, c))
    written = len(head)
    post = 1
    while written < limit:
        lang = "ru" if post % 2 == 0 else "en"
        pool = RU if lang == "ru" else EN
        group = "pll_%d" % ((post + 1) // 2)
        title = words(rng, pool, 6)
        status = "draft" if post % 23 == 0 else "publish"
        day = 1 + post % 28
        comments = "".join("<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_content><![CDATA[%s]]></wp:comment_content></wp:comment>" % (k, words(rng, pool, 20)) for k in range(post % 4))
        item = """<item>
<title><![CDATA[%s]]></title>
<link>https://bench.example/2024/01/%02d/post-%d/</link>
<dc:creator><![CDATA[writer%d]]></dc:creator>
<guid isPermaLink="false">https://bench.example/?p=%d</guid>
<content:encoded><![CDATA[%s]]></content:encoded>
<excerpt:encoded><![CDATA[%s]]></excerpt:encoded>
<wp:post_id>%d</wp:post_id>
<wp:post_date_gmt><![CDATA[2024-01-%02d 10:%02d:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[post-%d]]></wp:post_name>
<wp:status><![CDATA[%s]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="section-%d"><![CDATA[Section %d]]></category>
<category domain="post_tag" nicename="%s"><![CDATA[%s]]></category>
<category domain="language" nicename="%s"><![CDATA[%s]]></category>
<category domain="post_translations" nicename="%s"><![CDATA[%s]]></category>
%s
</item>
""" % (title, day, post, post % 20, post, body(rng, pool, 8, post % 3 == 0), words(rng, pool, 15), post,
           day, post % 60, post, status, post % 12, post % 12, rng.choice(EN), rng.choice(pool), lang, lang,
           group, group, comments)
        out.write(item)
        written += len(item.encode("utf-8"))
        post += 1
    out.write("</channel>\n</rss>\n")
    print("generated %d posts" % (post - 1), file=sys.stderr)


if __name__ == "__main__":
    main()
