use std::borrow::Cow;

use super::nesting::MAX_DEPTH;
use super::*;

const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Harbour bridge reopens | The Daily Gull</title>
<meta property="og:title" content="Harbour bridge reopens after &amp; repairs">
<meta name="author" content="Mira Quell">
<meta property="article:published_time" content="2026-05-08T14:03:00Z">
<meta property="og:url" content="https://gull.example/og">
<link rel="canonical" href="https://gull.example/news/bridge">
<style>p { color: red }</style>
<script>var tracking = "do not keep";</script>
</head><body>
<header><a href="/">The Daily Gull</a></header>
<nav><ul><li>Home</li><li>Sport</li></ul></nav>
<div class="cookie-banner">We use cookies.</div>
<article>
  <h1>Harbour bridge reopens</h1>
  <p>The old   harbour bridge in Port Fennick reopened on Friday,
  officials said.</p>
  <div class="share-bar"><a>Share on Facebook</a></div>
  <p>&#8220;It&#8217;s a relief,&#8221; said ferry captain Olo Brand.<br>Traffic resumed at noon.</p>
  <figure><img src="x.jpg"><figcaption>The bridge at dawn. Photo: Gull Images</figcaption></figure>
  <aside>Read more: <a>Ferry prices rise</a></aside>
  <noscript>Enable JavaScript</noscript>
</article>
<footer>Copyright The Daily Gull</footer>
</body></html>"#;

#[test]
fn teaser_cards_marked_as_articles_are_not_the_story() {
    // A theme that puts the story in a plain div and marks each related-post teaser (and
    // each "latest" list item) as an <article>.
    let page = r#"<html><body class="single-post no-sidebar">
<div class="entry-header"><h1>Fintech barred from new customers</h1>
<div class="jeg_meta_author">by News Desk</div><time datetime="2026-05-07">May 7</time></div>
<div class="entry-content no-share"><div class="content-inner">
<p>The central bank on Thursday barred a wallet company from taking new customers.</p>
<p>Existing customers can keep using their wallets, the bank said.</p>
</div></div>
<div class="jnews_related_post_container"><h3>Related Posts</h3>
<article class="jeg_post"><h3><a href="/a">Regulator to review licences (Reuters)</a></h3>
<time datetime="2026-05-06">May 6</time></article>
<article class="jeg_post"><h3><a href="/b">Rupee ends flat (Reuters)</a></h3></article>
</div>
<ul class="latest"><li><article><a href="/c">Record volumes in April, a longer teaser headline than most</a></article></li></ul>
</body></html>"#;
    let got = extract(page);
    assert!(
        got.text.contains("barred a wallet company") && got.text.contains("Existing customers"),
        "{:?}",
        got.text
    );
    // The related posts go as furniture; the "latest" list item is not the story either
    // (read from the body, the page keeps it, as it keeps any unmarked list).
    for teaser in ["Regulator to review", "Rupee ends flat"] {
        assert!(!got.text.contains(teaser), "{teaser:?} in {:?}", got.text);
    }
    // Readers' comments go; an opinion piece's "commentary" container stays.
    let comments = extract(
        r#"<body><div class="commentary-body"><p>The columnist's argument.</p></div>
<div id="comments" class="comments-area"><p>First! Great piece.</p></div>
<ol class="commentlist"><li><p>I disagree.</p></li></ol>
<div class="jnews_comment_container"><p>Reply</p></div></body>"#,
    );
    assert_eq!(comments.text, "The columnist's argument.");
    // "no-share" says the container has no share bar, not that it is one; and a story
    // container's own class keeps it whatever else it says.
    let flagged = extract(
        r#"<body><div class="no-share"><p>Kept, a layout flag.</p></div>
<div class="article-body share-ready"><p>Kept, the story's container.</p></div>
<div class="share-bar"><p>Dropped, a share bar.</p></div></body>"#,
    );
    assert_eq!(
        flagged.text,
        "Kept, a layout flag.\n\nKept, the story's container."
    );
    // A story inside an <article> is still chosen over the cards beside it.
    let with_article = page.replace(
        r#"<div class="entry-content no-share">"#,
        r#"<article class="post"><div class="entry-content no-share">"#,
    );
    let with_article = with_article.replace(
        r#"</div></div>
<div class="jnews_related"#,
        r#"</div></div></article>
<div class="jnews_related"#,
    );
    let got = extract(&with_article);
    assert!(got.text.starts_with("The central bank"), "{:?}", got.text);
    assert!(
        !got.text.contains("Rupee") && !got.text.contains("Record volumes"),
        "{:?}",
        got.text
    );
}

#[test]
fn extracts_article_paragraphs_and_drops_furniture() {
    let got = extract(PAGE);
    assert_eq!(
        got.text,
        "Harbour bridge reopens\n\nThe old harbour bridge in Port Fennick reopened on Friday, \
             officials said.\n\n\u{201c}It\u{2019}s a relief,\u{201d} said ferry captain Olo \
             Brand.\nTraffic resumed at noon.\n\nThe bridge at dawn. Photo: Gull Images",
        "paragraphs from the article only, br as a line break, figcaption kept for credit checks"
    );
    for junk in [
        "tracking",
        "color",
        "cookies",
        "Share",
        "Home",
        "Read more",
        "Copyright",
        "JavaScript",
    ] {
        assert!(
            !got.text.contains(junk),
            "{junk:?} is page furniture, not article text"
        );
    }
}

#[test]
fn an_articles_own_header_and_footer_are_kept_the_pages_are_not() {
    let page = "<html><body><header class=site><a>The Daily Gull</a> <a>Sport</a></header>\
            <main><header>Daily Gull: local news</header>\
            <article><header><h1>Harbour bridge reopens</h1>\
            <p class=byline>By Olo Brand, Reuters</p><time datetime=2026-05-02>May 2, 2026</time>\
            <div class=share-bar>Share on Facebook</div></header>\
            <p>The old harbour bridge in Port Fennick reopened on Friday, officials said.</p>\
            <footer><p>(With inputs from PTI)</p></footer></article></main>\
            <footer>Copyright The Daily Gull</footer></body></html>";
    let got = extract(page);
    assert_eq!(
        got.text,
        "Harbour bridge reopens\n\nBy Olo Brand, Reuters\n\nMay 2, 2026\n\nThe old harbour \
             bridge in Port Fennick reopened on Friday, officials said.\n\n(With inputs from PTI)",
        "the article's byline, date and credit line, without its share bar"
    );
    // Without an article element the page's header and footer stay furniture, but a
    // header holding the story's headline is the story's.
    let bare = "<html><body><header>The Daily Gull | Sport | Weather</header>\
            <div class=story><header><h1>Harbour bridge reopens</h1>\
            <div class=meta>ANI | New Delhi</div></header>\
            <p>The old harbour bridge in Port Fennick reopened on Friday, officials said.</p>\
            </div><footer>Copyright The Daily Gull</footer></body></html>";
    assert_eq!(
        extract(bare).text,
        "Harbour bridge reopens\n\nANI | New Delhi\n\nThe old harbour bridge in Port \
             Fennick reopened on Friday, officials said."
    );
}

#[test]
fn a_page_with_an_article_is_dated_by_a_time_inside_it() {
    let page = "<html><body><ul class=latest><li><a>Gulls return</a> \
            <time datetime=2019-01-01>1 Jan</time></li></ul><article><h1>Ferry</h1>\
            <time datetime=2019-03-04T10:41>4 March</time><p>Text.</p></article></body></html>";
    assert_eq!(extract(page).published.as_deref(), Some("2019-03-04T10:41"));
    let undated = "<html><body><ul><li><time datetime=2019-01-01>1 Jan</time></li></ul>\
            <article><p>Text.</p></article></body></html>";
    assert_eq!(
        extract(undated).published,
        None,
        "a related story's time is not the page's"
    );
}

#[test]
fn reads_the_declared_authors() {
    let page = r#"<html><head>
            <meta name="author" content="Lena Varga">
            <meta property="article:author" content="https://gull.example/staff/lv">
            <meta name="byl" content="By Lena Varga">
            <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
                "author": [{"@type": "Person", "name": "Lena Varga"},
                           {"@type": "Organization", "name": "Reuters"}],
                "provider": "AFP",
                "publisher": {"@type": "Organization", "name": "The Daily Gull"}}]}</script>
            <script type="application/ld+json">{"author": </script>
            </head><body><p>Text.</p></body></html>"#;
    assert_eq!(
        extract(page).authors,
        ["Lena Varga", "By Lena Varga", "Reuters", "AFP"],
        "in order, once each; no link, no publisher, a broken block skipped"
    );
    assert!(extract("<p>No metadata.</p>").authors.is_empty());
    // The page's byline, outside the article element; one in a related list, a sidebar of
    // the latest stories or a list of links is not read.
    let beside = "<html><body><aside class=related><span class=byline>Reuters</span></aside>\
            <div class=sidebar-latest><p class=byline>Xinhua</p></div>\
            <ul><li><a>Ferry fares rise</a> <span class=byline>AP</span></li></ul>\
            <div class=meta><span class=byline>By Lena Varga, AFP</span></div>\
            <article><p>Text.</p></article></body></html>";
    assert_eq!(extract(beside).authors, ["By Lena Varga, AFP"]);
    // A byline by its class's parts: an author element of a site's own naming, not an
    // author's picture or biography.
    let bem = "<html><body><article><h1>Farmers block the ring road</h1>\
            <div class=story__meta><span class=story__author>AFP</span> | Paris</div>\
            <p>Hundreds of tractors blocked the ring road on Wednesday morning.</p></article>";
    assert_eq!(extract(bem).authors, ["AFP"]);
    let bio = "<html><body><article><h1>Farmers block the ring road</h1>\
            <div class=author-bio>Reuters</div><img class=author-avatar alt=AP>\
            <p>Hundreds of tractors blocked the ring road on Wednesday morning.</p></article>";
    assert!(
        extract(bio).authors.is_empty(),
        "{:?}",
        extract(bio).authors
    );
}

#[test]
fn reads_metadata() {
    let got = extract(PAGE);
    assert_eq!(
        got.title.as_deref(),
        Some("Harbour bridge reopens | The Daily Gull")
    );
    assert_eq!(
        got.headline.as_deref(),
        Some("Harbour bridge reopens after & repairs"),
        "og:title wins, entities decoded"
    );
    assert_eq!(got.byline.as_deref(), Some("Mira Quell"));
    assert_eq!(got.published.as_deref(), Some("2026-05-08T14:03:00Z"));
    assert_eq!(
        got.url.as_deref(),
        Some("https://gull.example/news/bridge"),
        "the canonical link wins over og:url"
    );
    let og_only = extract(
        "<html><head><meta property=\"og:url\" content=\"https://gull.example/og\"></head>\
             <body><p>Text.</p></body></html>",
    );
    assert_eq!(og_only.url.as_deref(), Some("https://gull.example/og"));
}

#[test]
fn falls_back_to_h1_byline_class_and_time() {
    let got = extract(
        "<html><body><h1>Gulls  return</h1><p class=byline>By Tam Orrin</p>\
             <time datetime=\"2026-04-01\">1 April</time><p>Gulls came back.</p></body></html>",
    );
    assert_eq!(got.headline.as_deref(), Some("Gulls return"));
    assert_eq!(got.byline.as_deref(), Some("By Tam Orrin"));
    assert_eq!(got.published.as_deref(), Some("2026-04-01"));
    assert_eq!(got.title, None);
    assert!(
        got.text.ends_with("Gulls came back."),
        "body is used without an article element: {:?}",
        got.text
    );
}

#[test]
fn prefers_article_body_over_page() {
    let got = extract(
        "<body><p>Sidebar teaser</p><main><div itemprop=articleBody><p>One.</p><p>Two.</p></div></main></body>",
    );
    assert_eq!(got.text, "One.\n\nTwo.");
}

#[test]
fn the_credit_an_article_sets_after_its_body_is_kept() {
    let page = "<body><article><h1>Bridge stays shut</h1>\
        <div class=share-bar><a>Share</a></div>\
        <div itemprop=articleBody><p>One long paragraph of the story.</p><p>Two.</p></div>\
        <p class=article-source>Source: dpa/bb</p>\
        <div class=agency-copyright><small>\u{a9} EFE 2026. All rights reserved.</small></div>\
        <section class=related-news><h3>Related</h3><p>Another story</p></section>\
        </article><aside><p>Most read</p></aside></body>";
    assert_eq!(
        extract(page).text,
        "One long paragraph of the story.\n\nTwo.\n\nSource: dpa/bb\n\n\u{a9} EFE 2026. All rights reserved."
    );
    // A long paragraph after the body is another text: nothing past it is kept.
    let long = "x ".repeat(150);
    let page = format!(
        "<body><article><div itemprop=articleBody><p>One.</p></div><p>{long}</p>\
         <p>Source: AFP</p></article></body>"
    );
    assert_eq!(extract(&page).text, "One.");
    // A body outside any article has nothing after it to read.
    let page =
        "<body><main><div itemprop=articleBody><p>One.</p></div><p>Source: AFP</p></main></body>";
    assert_eq!(extract(page).text, "One.");
}

#[test]
fn a_writer_class_is_a_byline() {
    let got = extract(
        "<html><body><article><h1>Ferry halted</h1><div class=story-meta><span class=writer>\
         KYODO</span></div><p>The ministry halted the ferry.</p></article></body></html>",
    );
    assert_eq!(got.authors, ["KYODO"]);
    let got = extract(
        "<html><body><article><h1>Ferry halted</h1><div class=writer-bio>KYODO veteran</div>\
         <p>The ministry halted the ferry.</p></article></body></html>",
    );
    assert!(got.authors.is_empty(), "{:?}", got.authors);
}

#[test]
fn an_agency_logo_beside_the_byline_is_a_declared_author() {
    let page = "<html><body><header><a href=/><img class=logo src=/logo.png alt=\"Ledger\"></a>\
        </header><div class=main><h1>Cells</h1><div class=meta-row><img class=agency-logo \
        src=/img/yna-logo.png alt=\"Yonhap News Agency\"> <span>2026.10.20</span></div>\
        <p>Daeyang Cell will build a plant.</p></div><footer><img src=/partners/afp-logo.png \
        alt=AFP></footer></body></html>";
    assert_eq!(extract(page).authors, ["Yonhap News Agency"]);
    // The page's slot for the story's provider, whatever the image's name.
    let page = "<html><body><h1>Cells</h1><div class=info-box><span class=agency>\
        <img src=/image/agency/yonhap_ci.png alt=\"Yonhap News Agency\"></span> <span \
        class=writer>Reporter Park Ji-hoon</span></div><p>Daeyang Cell will build a plant.</p>\
        </body></html>";
    assert_eq!(
        extract(page).authors,
        ["Yonhap News Agency", "Reporter Park Ji-hoon"]
    );
    // An image that is no logo (an avatar, a photo) names no author.
    let page = "<html><body><h1>Cells</h1><img class=author-avatar src=/desk.png alt=Reuters>\
        <figure><img src=/photo.jpg alt=AFP></figure><p>Daeyang Cell will build a plant.</p>\
        </body></html>";
    assert!(extract(page).authors.is_empty());
}

#[test]
fn fragment_without_body_tags() {
    assert_eq!(
        extract("<p>First a &lt; b.</p><p>Second</p>").text,
        "First a < b.\n\nSecond"
    );
}

#[test]
fn deep_nesting_is_fast_and_does_not_overflow() {
    for tag in ["div", "span", "blockquote", "a", "table", "li"] {
        let n = 100_000;
        let html = format!(
            "<html><body>{}deep text{}</body></html>",
            format!("<{tag}>").repeat(n),
            format!("</{tag}>").repeat(n)
        );
        let started = std::time::Instant::now();
        let got = extract(&html);
        assert!(
            got.text.contains("deep text"),
            "text inside {tag} nesting is kept"
        );
        assert!(
            started.elapsed().as_secs() < 10,
            "{n} nested <{tag}> took {:?}: not linear",
            started.elapsed()
        );
    }
}

#[test]
fn limit_nesting_leaves_normal_pages_alone() {
    assert!(
        matches!(limit_nesting(PAGE), Cow::Borrowed(_)),
        "a normal page is not rewritten"
    );
    let deep = format!("{}x", "<div>".repeat(MAX_DEPTH + 10));
    let limited = limit_nesting(&deep);
    assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
    assert!(limited.ends_with('x'));
}

#[test]
fn limit_nesting_never_drops_scripts() {
    let deep = format!(
        "{}<script>secret()</script><p>kept</p>",
        "<div>".repeat(MAX_DEPTH + 5)
    );
    let got = extract(&deep);
    assert_eq!(
        got.text, "kept",
        "script below the depth cap must still be dropped as script"
    );
}

#[test]
fn detects_html() {
    assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
    assert!(looks_like_html("<HTML><p>x"));
    assert!(looks_like_html("<p>One</p>\n<p>Two</p>"));
    assert!(looks_like_html("Line<br>\nLine<br/>"));
    assert!(!looks_like_html("If a < b and c > d then 3<4."));
    assert!(
        !looks_like_html("Press <Enter> to continue; one stray <p> tag."),
        "one block tag is a stray"
    );
    assert!(!looks_like_html(""));
}

#[test]
fn side_by_side_spans_of_a_meta_line_are_read_apart() {
    let page = r#"<html><body><article><h1>Floods in Lagos</h1>
<div class="post-box-meta-single"><span class="author">By <a href="/a">Staff Writer with AFP</a></span><span><time datetime="2026-05-07">May 7, 2026</time></span><span>2 min read</span></div>
<p>Flash floods killed at least 11 people in Lagos, officials said on Thursday.</p>
<p>The d<span class="x">ay</span> began with rain.</p></article></body></html>"#;
    let text = extract(page).text;
    assert!(
        text.contains("By Staff Writer with AFP May 7, 2026 2 min read"),
        "{text}"
    );
    assert!(
        text.contains("The day began"),
        "a span inside a word stays glued: {text}"
    );
}

#[test]
fn a_grid_of_article_cards_is_not_the_story() {
    // A page builder's single-post template: the story in a widget div, a "posts" widget of
    // <article> cards below it in plain divs.
    let page = r#"<html><body>
<div class="elementor-widget-theme-post-title"><h1>Kenya's tea exports climb</h1></div>
<div class="elementor-widget-theme-post-content"><p>Kenya's tea export earnings rose 14% in the first quarter, the tea board said on Wednesday, as a weaker shilling offset lower prices at the Mombasa auction.</p><p>Volumes rose to 148 million kilogrammes.</p><p>— Reuters</p></div>
<div class="elementor-widget-posts"><div class="elementor-posts-container">
<article class="elementor-post"><h3>NSE turnover rises 31% in April as foreign investors return</h3></article>
<article class="elementor-post"><h3>Shilling steadies against the dollar</h3></article>
<article class="elementor-post"><h3>Safaricom profit beats forecasts</h3></article>
</div></div></body></html>"#;
    let text = extract(page).text;
    assert!(text.contains("tea export earnings rose 14%"), "{text}");
    assert!(text.contains("— Reuters"), "{text}");
    assert!(
        !text.contains("NSE turnover"),
        "the cards are other stories: {text}"
    );
    // The one <article> of a story page is still its story.
    let story = r#"<html><body><nav>Home</nav><article><h1>Tea exports climb</h1><p>Earnings rose.</p></article>
<div class="more"><p>Newsletter</p></div></body></html>"#;
    assert!(
        extract(story).text.starts_with("Tea exports climb"),
        "{}",
        extract(story).text
    );
}

#[test]
fn a_json_ld_source_organization_is_a_declared_author() {
    let page = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Ocean Desk"}, "sourceOrganization": {"@type": "Organization", "name": "AFP"}, "publisher": {"name": "Reef Times"}}</script></head><body><article><p>Coral bleaching spread.</p></article></body></html>"#;
    let authors = extract(page).authors;
    assert!(authors.contains(&"AFP".to_string()), "{authors:?}");
    assert!(
        !authors.contains(&"Reef Times".to_string()),
        "the publisher is the site: {authors:?}"
    );
}

#[test]
fn two_line_breaks_end_a_paragraph() {
    let page = "<html><body><div class=\"post-body\">Drill results were strong.<br /><br />\n<b>Qualified Person</b><br /><br />The data were reviewed.<br />By a geologist.</div></body></html>";
    assert_eq!(
        extract(page).text,
        "Drill results were strong.\n\nQualified Person\n\nThe data were reviewed.\nBy a geologist."
    );
}

#[test]
fn the_metadata_author_counts_only_on_a_page_that_shows_no_byline() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Xinhua"}}</script>"#;
    let shown = format!(
        "<html><head>{ld}<meta name=author content=Xinhua></head><body><h1>Rail</h1>\
         <div class=story-meta><span class=author>Web Staff</span></div>\
         <p>The line opens on Monday.</p></body></html>"
    );
    assert_eq!(
        extract(&shown).authors,
        ["Web Staff"],
        "the reader sees the byline, not the metadata"
    );
    let hidden = format!(
        "<html><head>{ld}</head><body><h1>Rail</h1><p>The line opens on Monday.</p></body></html>"
    );
    assert_eq!(extract(&hidden).authors, ["Xinhua"]);
    for staff in [
        "News Desk \u{b7} October 21, 2024",
        "Web Desk",
        "By Staff Correspondent",
    ] {
        let desk = format!(
            "<html><head>{ld}</head><body><h1>Rail</h1><p class=meta>{staff}</p>\
             <p>The line opens on Monday.</p></body></html>"
        );
        assert!(
            extract(&desk).authors.is_empty(),
            "a staff byline in a plain paragraph is seen: {staff}"
        );
    }
    for not_staff in [
        "October 21, 2024",
        "Read more from our desk of editors on the rail line.",
    ] {
        let page = format!(
            "<html><head>{ld}</head><body><h1>Rail</h1><p class=meta>{not_staff}</p>\
             <p>The line opens on Monday.</p></body></html>"
        );
        assert_eq!(extract(&page).authors, ["Xinhua"], "{not_staff}");
    }
}
