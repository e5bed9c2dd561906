//! Credit forms on a whole article, through `wirecheck compare`: each form as syndicating
//! sites print it (issue 10's list and the forms found missing after it), in text and in saved
//! pages, is read as crediting the wire story's agency; the look-alikes that are not credits
//! (picture credits, a quote given to the agency, a feed notice with no agency, a desk's
//! initials alone) are not. Every article is a full copy of one fictional wire story, so a
//! credit read or missed is the only difference between credited and flagged.

use serde_json::Value;

use crate::util::TempArchive;

/// The wire story every article copies (fictional).
const WIRE: &str = "The harbour board of Vellmar voted on Tuesday to close the old north quay \
to cargo ships from next spring, citing the cost of repairing its crumbling sea wall, which \
engineers put at four million crowns.

Board chairman Edvin Sarkka said the decision had been taken with regret after three surveys \
found that the wall could not be saved without rebuilding it from the seabed up.

Dock workers' representatives said they would meet on Thursday to discuss a response, and that \
a strike could not be ruled out if jobs were lost at the quay, which handles about a fifth of the \
port's timber exports.

The board said cargo traffic would move to the newer south terminal, where two berths are being \
deepened, and that no permanent jobs would be cut.";

const BANNER: &str = "Support independent journalism: donate today.";

fn paragraphs() -> Vec<&'static str> {
    WIRE.split("\n\n").collect()
}

/// The copy with `line` as a paragraph of its own above the text.
fn above(line: &str) -> String {
    format!("{line}\n\n{WIRE}")
}

/// The copy with `line` as a paragraph of its own after the text.
fn below(line: &str) -> String {
    format!("{WIRE}\n\n{line}")
}

/// The copy with `tail` glued to its last sentence.
fn glued(tail: &str) -> String {
    format!("{WIRE}{tail}")
}

/// The copy with `prefix` opening its first paragraph.
fn lead(prefix: &str) -> String {
    format!("{prefix}{WIRE}")
}

/// The copy with the first paragraph's closing full stop replaced by `clause`.
fn in_lead(clause: &str) -> String {
    let mut p = paragraphs();
    let first = format!("{}{clause}", p[0].trim_end_matches('.'));
    p[0] = &first;
    p.join("\n\n")
}

/// The copy as a saved web page, with `head` in its `<head>`, `top` above the text in the
/// article and `bottom` after it.
fn page(head: &str, top: &str, bottom: &str) -> String {
    let body: String = paragraphs()
        .iter()
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    format!(
        "<!doctype html><html><head><title>Vellmar quay to close | Vellmar Times</title>{head}\
         </head><body><header class=site><a href=\"/\">Vellmar Times</a> <a>World</a></header>\
         <article>{top}\n{body}{bottom}</article><footer>Vellmar Times. All rights reserved.\
         </footer></body></html>"
    )
}

/// Compares `article` (named `name`) with the wire story as `agency`'s: whether the copy is
/// credited, and the credits read.
fn credited(t: &TempArchive, name: &str, article: &str, agency: &str) -> (bool, Value) {
    let wire = t.write("wire.txt", WIRE.as_bytes());
    let article = t.write(name, article.as_bytes());
    let run = t.run(&[
        "compare",
        "--json",
        "--agency",
        agency,
        article.to_str().unwrap(),
        wire.to_str().unwrap(),
    ]);
    let report = run.json_lines().remove(0);
    assert_eq!(
        report["derived"], "wholly",
        "{name}: the copy is whole whatever its credit"
    );
    let credited = report["sources"][0]["credited"].as_bool().unwrap();
    (credited, report["credits"].clone())
}

#[test]
fn every_common_credit_form_credits_the_agency() {
    let t = TempArchive::new();
    let named_feed =
        format!(" Reuters\n\nThe article is generated from Reuters via feeds.\n\n{BANNER}");
    let text_cases: Vec<(&str, String)> = vec![
        // Glued to the last sentence, before a feed notice and a banner.
        ("Reuters", glued(&named_feed)),
        (
            "Reuters",
            glued(" Reuters\n\nThis article is auto-generated from a news agency feed."),
        ),
        ("AFP", glued(" \u{2014}AFP")),
        ("IANS", glued(" -- IANS")),
        // Lines above the text.
        ("Reuters", above("Reuters | Seoul")),
        ("Reuters", above("Reuters, Seoul")),
        ("Reuters", above("Reuters / Seoul")),
        ("Xinhua", above("Xinhua | Updated: 2024-05-02 10:41")),
        ("Reuters", above("Reuters Published May 2, 2024")),
        (
            "PTI",
            above("PTI | Vellmar | Updated: 02-05-2024 10:41 IST"),
        ),
        ("AP", above("By MARIA OKAFOR - The Associated Press")),
        ("AP", above("By MARIA OKAFOR AP Business Writer")),
        ("Reuters", above("Lena Varga Reuters")),
        ("Reuters", above("Written by Reuters")),
        ("Reuters", above("Author: Reuters")),
        ("Yonhap", above("Source: Yonhap News Agency")),
        ("Yonhap", above("By Yonhap")),
        // Datelines.
        ("Reuters", lead("SEOUL (Reuters). \u{2013} ")),
        ("Xinhua", lead("VELLMAR, May 2 (Xinhua) -- ")),
        ("ANI", lead("Vellmar [Finland], May 2 (ANI): ")),
        // Attribution in a sentence.
        ("Reuters", in_lead(", as per Reuters.")),
        ("AFP", in_lead(", reported AFP.")),
        ("Reuters", in_lead(", Reuters reported.")),
        ("Reuters", in_lead(", the Reuters news agency reported.")),
        ("Xinhua", in_lead(", reports Xinhua news agency.")),
        ("PTI", in_lead(", news agency PTI reported.")),
        ("AFP", in_lead(", according to AFP.")),
        // Lines after the text.
        ("PTI", below("(With inputs from PTI)")),
        ("PTI", below("With PTI inputs")),
        ("AFP", below("(With AFP)")),
        ("Reuters", below("Reuters contributed to this report.")),
        (
            "AP",
            below("The Associated Press contributed to this report."),
        ),
        (
            "AP",
            below(
                "Copyright 2024 The Associated Press. All rights reserved. This material may \
                 not be published, broadcast, rewritten or redistributed without permission.",
            ),
        ),
        ("PTI", below("PTI ABC DEF")),
        ("Reuters", below("This story was provided by Reuters.")),
        // Found missing by a blind probe of saved pages (2026-12-04).
        (
            "Reuters",
            below("This article was originally published by Reuters."),
        ),
        (
            "AP",
            below("Information from The Associated Press was used in this report."),
        ),
        ("Yonhap", above("Source: Yonhap News Agency \u{b7} 2h ago")),
        // Found missing by two blind probes of republications and rewrites (2026-12-06).
        ("Bernama", above("(Bernama)")),
        ("Xinhua", above("4 April 2024 Source: Xinhua")),
        (
            "Xinhua",
            above("Xinhua | Updated: 2024-03-02 21:14 Editor: Zhou Lan"),
        ),
        (
            "Reuters",
            above("PortsWatch staff, with Reuters 12 March 2024 17:05"),
        ),
        (
            "AP",
            above(
                "By MARIA OKAFOR - The Associated Press Published Mar 22, 2024 \u{2022} Last \
                 updated 6 hours ago \u{2022} 3 minute read",
            ),
        ),
        ("dpa", in_lead(", the German Press Agency (dpa) reported.")),
        ("PTI", in_lead(", the Press Trust of India (PTI) reported.")),
        (
            "PTI",
            below("Published by HT Digital under agreement with PTI"),
        ),
        ("PTI", below("\u{2014} Bureau report with agency inputs")),
        ("Reuters", above("Reuters: Vellmar to close its north quay")),
    ];
    let ld = r#"<script type="application/ld+json">{"@type": "NewsArticle",
        "author": {"@type": "Organization", "name": "Reuters"}}</script>"#;
    let page_cases: Vec<(&str, String)> = vec![
        (
            "Reuters",
            page(
                "",
                "<header><h1>Quay to close</h1><p class=byline>By Lena Varga, Reuters</p></header>",
                "",
            ),
        ),
        (
            "Reuters",
            page(
                "",
                "<div class=meta><span>Reuters</span> | <time>Updated: 2026-05-02 10:41</time></div>",
                "",
            ),
        ),
        (
            "PTI",
            page("", "", "<footer><p>(With inputs from PTI)</p></footer>"),
        ),
        ("AFP", page("", "", "<div class=source>Source: AFP</div>")),
        (
            "Reuters",
            page("<meta name=\"author\" content=\"Reuters\">", "", ""),
        ),
        ("Reuters", page(ld, "", "")),
        (
            "Reuters",
            page("", "<div class=meta><span class=agency>Reuters</span><span class=date> May 2, 2026</span></div>", ""),
        ),
        // A byline beside the article element, not in it.
        (
            "Reuters",
            page("", "", "").replace(
                "<article>",
                "<div class=story-meta><span class=byline>By Lena Varga, Reuters</span></div><article>",
            ),
        ),
        // Found missing by a blind probe of saved pages (2026-12-04).
        (
            "dpa",
            page("", "", "").replace("<article>", "<article><div itemprop=articleBody>").replace(
                "</article>",
                "</div><p class=article-source>Source: dpa/bb</p></article>",
            ),
        ),
        (
            "Yonhap",
            page(
                "",
                "<div class=meta-row><img class=agency-logo src=/img/yna-logo.png alt=\"Yonhap News Agency\"></div>",
                "",
            ),
        ),
        (
            "Kyodo",
            page("", "<div class=story-meta><span class=writer>KYODO</span></div>", ""),
        ),
        (
            "PA",
            page(
                "",
                "<div class=story-meta><span class=author-name>Helen Marsh, PA Health Correspondent</span></div>",
                "",
            ),
        ),
    ];
    let mut missed = Vec::new();
    for (i, (agency, article)) in text_cases.iter().enumerate() {
        let (ok, credits) = credited(&t, &format!("text-{i}.txt"), article, agency);
        if !ok {
            missed.push(format!("{agency} in {article:?}: {credits}"));
        }
    }
    for (i, (agency, article)) in page_cases.iter().enumerate() {
        let (ok, credits) = credited(&t, &format!("page-{i}.html"), article, agency);
        if !ok {
            missed.push(format!("{agency} in page {i}: {credits}"));
        }
    }
    assert!(
        missed.is_empty(),
        "credits not read:\n{}",
        missed.join("\n")
    );
}

#[test]
fn look_alikes_of_credits_do_not_credit_the_agency() {
    let t = TempArchive::new();
    let cases: Vec<(&str, String)> = vec![
        ("Reuters", below("Photo: Reuters")),
        ("Reuters", below("(Reuters-Yonhap)")),
        ("Reuters", below("Follow Reuters on Twitter for more news.")),
        (
            "Reuters",
            below("(Reporting by Lena Varga; Editing by Tom Hill)"),
        ),
        ("PTI", below("SKR RHL")),
        (
            "PTI",
            below(
                "(This story has not been edited by Vellmar Times staff and is auto-generated from a syndicated feed.)",
            ),
        ),
        ("AFP", in_lead(", the harbour master told AFP.")),
        ("Reuters", in_lead(", a spokesman told Reuters.")),
        (
            "Reuters",
            in_lead(". With Reuters reporting the vote, shares fell."),
        ),
        (
            "Reuters",
            page(
                "",
                "<figure><img src=q.jpg><figcaption>The old north quay. REUTERS/Lena Varga</figcaption></figure>",
                "",
            ),
        ),
        (
            "Reuters",
            page("<meta name=\"author\" content=\"Lena Varga\">", "", ""),
        ),
        // A strip of partners' logos in the page's footer.
        (
            "Reuters",
            page("", "", "").replace(
                "<footer>",
                "<footer><img class=partner-logo src=/reuters-logo.png alt=Reuters>",
            ),
        ),
        // Other stories' bylines in a sidebar of the latest news, before the article.
        (
            "Reuters",
            page("", "", "").replace(
                "<article>",
                "<div class=sidebar><ul><li><a>Ferry fares rise</a> <span class=byline>Reuters</span></li></ul></div><article>",
            ),
        ),
        // Another story's byline in a related-stories list.
        (
            "Reuters",
            page("", "", "").replace(
                "</article>",
                "</article><aside class=related><a>Ferry fares rise</a> <span class=byline>Reuters</span></aside>",
            ),
        ),
        // The agency only in the metadata, the reader seeing the site's own desk.
        (
            "Reuters",
            page(
                r#"<script type="application/ld+json">{"@type": "NewsArticle",
                   "author": {"@type": "Organization", "name": "Reuters"}}</script>"#,
                "<p class=meta>News Desk \u{b7} October 21, 2024</p>",
                "",
            ),
        ),
    ];
    for (i, (agency, article)) in cases.iter().enumerate() {
        let name = if article.starts_with("<!doctype") {
            format!("page-{i}.html")
        } else {
            format!("text-{i}.txt")
        };
        let (ok, credits) = credited(&t, &name, article, agency);
        assert!(!ok, "{agency} is not credited by {article:?}: {credits}");
    }
}

#[test]
fn a_credit_from_the_pages_metadata_says_so_in_the_text_output() {
    let t = TempArchive::new();
    let wire = t.write("wire.txt", WIRE.as_bytes());
    let article = t.write(
        "page.html",
        page("<meta name=\"author\" content=\"Reuters\">", "", "").as_bytes(),
    );
    let run = t
        .run(&[
            "compare",
            "--agency",
            "Reuters",
            article.to_str().unwrap(),
            wire.to_str().unwrap(),
        ])
        .success();
    assert!(
        run.stdout()
            .contains("credited (the page's declared author: \"Reuters\")"),
        "{}",
        run.stdout()
    );
}
