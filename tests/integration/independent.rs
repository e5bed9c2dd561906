//! Hard negatives of issue 10 (item 4): articles that share quotes, names, figures, stock
//! sentences or a template with a stored story without being taken from it, each beside a
//! matched copy that is taken from it.
//!
//! Every test imports both `tests/fixtures/hard-negatives/archive` and
//! `tests/fixtures/republication/archive` (about thirty fictional stories, so each case has
//! distractors) and checks one article from `tests/fixtures/hard-negatives/articles`. The
//! fixtures' README says what each article shares and why the verdict expected is right.
//!
//! The tests state the correct behaviour, not today's: several hard negatives fail against the
//! current engine, which reports shared quotes and template sentences as copying.

use serde_json::Value;

use crate::fixture::{self, archive_of, derived, file_of, sources};
use crate::util::TempArchive;

/// A fresh archive holding the hard-negative stories and the republication stories.
fn archive() -> TempArchive {
    archive_of(&["hard-negatives", "republication"])
}

/// Checks one hard-negative article with the standard preset; returns the exit code and the
/// report.
fn check(t: &TempArchive, article: &str) -> (i32, Value) {
    fixture::check(t, "hard-negatives", article)
}

fn flags(report: &Value) -> &Vec<Value> {
    report["flags"].as_array().unwrap()
}

/// The verdict, the sources and every passage with the article text it covers: what the
/// engine took for copying, so a failure says which quote or template sentence it matched.
fn evidence(report: &Value) -> String {
    let text: Vec<char> = report["text"].as_str().unwrap().chars().collect();
    let listed: Vec<String> = sources(report)
        .iter()
        .map(|s| {
            format!(
                "{} [{}] {:?} cov {:.2} credited {}",
                file_of(s),
                s["agency"].as_str().unwrap_or("-"),
                s["headline"].as_str().unwrap_or(""),
                s["coverage"].as_f64().unwrap_or(0.0),
                s["credited"]
            )
        })
        .collect();
    let passages: Vec<String> = report["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let (s, e) = (
                p["article_start"].as_u64().unwrap() as usize,
                p["article_end"].as_u64().unwrap() as usize,
            );
            let covered: String = text[s.min(text.len())..e.min(text.len())].iter().collect();
            format!(
                "\n    {} {} words from #{}: {:?}",
                p["kind"].as_str().unwrap(),
                p["words"],
                p["source_id"],
                covered
            )
        })
        .collect();
    format!(
        "derived {} coverage {:.2} rewritten {:.2} sources [{}] flags {}{}",
        derived(report),
        report["coverage"].as_f64().unwrap(),
        report["rewritten"].as_f64().unwrap_or(0.0),
        listed.join("; "),
        report["flags"],
        passages.concat()
    )
}

/// An independent article: nothing derived, no source, no flag, exit 0.
fn assert_independent(code: i32, report: &Value, why: &str) {
    assert_eq!(derived(report), "none", "{why}: {}", evidence(report));
    assert!(
        sources(report).is_empty(),
        "{why}: no stored story is a source; {}",
        evidence(report)
    );
    assert!(
        flags(report).is_empty(),
        "{why}: nothing to flag; {}",
        evidence(report)
    );
    assert_eq!(code, 0, "an article with nothing flagged exits 0");
}

/// A copy: wholly or partially derived, `file` the top source, not credited, flagged under
/// `agency`, exit 1.
fn assert_flagged_copy(code: i32, report: &Value, file: &str, agency: &str, why: &str) {
    assert!(
        matches!(derived(report), "wholly" | "partially"),
        "{why}: the copy is derived; {}",
        evidence(report)
    );
    let top = sources(report)
        .first()
        .unwrap_or_else(|| panic!("{why}: no source at all; {}", evidence(report)));
    assert_eq!(
        file_of(top),
        file,
        "{why}: the top source is the story copied; {}",
        evidence(report)
    );
    assert_eq!(
        top["credited"],
        false,
        "{why}: no credit; {}",
        evidence(report)
    );
    assert!(
        flags(report).iter().any(|f| f["agency"] == agency),
        "{why}: the uncredited {agency} copy is flagged; {}",
        evidence(report)
    );
    assert_eq!(code, 1, "a flagged article exits 1");
}

#[test]
fn a_newspapers_own_report_of_a_news_conference_sharing_four_quotes_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "newspaper-water-bombers.txt");
    assert_independent(
        code,
        &report,
        "a regional paper's own story of the minister's news conference: the same quotes, \
         names and figures, its own lead, structure and interviews",
    );
}

#[test]
fn a_broadcasters_short_story_built_on_the_conference_quotes_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "broadcaster-water-bombers.txt");
    assert_independent(
        code,
        &report,
        "a radio story that is half the minister's quotes, heard at the same conference, \
         with its own framing",
    );
}

/// A local paper's story of the same announcement shares a 13-word run with the wire story,
/// but the run is the list of the fleet's bases, names every report carries ("Prince George in
/// British Columbia, Thompson in Manitoba and Val-d'Or in Quebec": five ordinary words), and
/// the rest it shares is the minister's quote: not copied narration.
#[test]
fn a_local_story_sharing_a_run_of_names_and_a_quote_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "thompson-water-bombers.txt");
    assert!(report["measures"]["longest_run"].as_f64().unwrap() >= 10.0);
    assert!(report["measures"]["plain_run"].as_f64().unwrap() < 6.0);
    assert_independent(
        code,
        &report,
        "the bases' names and a quote, with the paper's own reporting around them",
    );
}

#[test]
fn a_copy_of_the_news_conference_wire_story_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "copy-water-bombers.txt");
    assert_flagged_copy(
        code,
        &report,
        "reuters-water-bombers.txt",
        "Reuters",
        "the Reuters story with a new headline, light edits and the end cut",
    );
}

#[test]
fn next_years_results_release_in_the_same_template_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "corvane-q3-2024-release.txt");
    assert_independent(
        code,
        &report,
        "the company's Q3 2024 release: its own template with other figures, and its own \
         stock paragraphs, which recur in every release",
    );
}

#[test]
fn a_copy_of_the_results_release_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "copy-corvane-q3-2023.txt");
    assert_flagged_copy(
        code,
        &report,
        "businesswire-corvane-q3-2023.txt",
        "Business Wire",
        "the Q3 2023 release run by a business site with a new headline",
    );
}

#[test]
fn the_ministrys_standard_statement_on_another_attack_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "wisma-putra-somalia.txt");
    assert_independent(
        code,
        &report,
        "the ministry's stock condemnation, condolence and solidarity sentences about another \
         country's attack, with the paper's own reporting",
    );
}

#[test]
fn a_copy_of_the_agency_story_on_the_ministry_statement_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "copy-bernama-mozambique.txt");
    assert_flagged_copy(
        code,
        &report,
        "bernama-wisma-putra-mozambique.txt",
        "Bernama",
        "the Bernama story with a new headline and its last paragraph cut",
    );
}

#[test]
fn a_ministrys_own_statement_that_an_agency_story_quotes_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "mea-statement-mogadishu.txt");
    assert_independent(
        code,
        &report,
        "the ministry's page printing its statement, which the ANI story quotes: the shared \
         words are the ministry's, not the agency's narration",
    );
}

#[test]
fn the_ministrys_stock_statement_on_another_attack_quoted_by_an_agency_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "mea-statement-bunia.txt");
    assert_independent(
        code,
        &report,
        "the ministry's statement on another attack, its stock sentences unquoted, which the \
         ANI story holds inside quotation marks",
    );
}

#[test]
fn a_copy_of_the_agency_story_quoting_the_statement_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "copy-ani-mogadishu.txt");
    assert_flagged_copy(
        code,
        &report,
        "ani-india-condemns-mogadishu.txt",
        "ANI",
        "the ANI story, quotes and narration, with a new headline and its last paragraph cut",
    );
}

#[test]
fn another_days_market_wrap_in_the_same_template_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "stocks-another-day.txt");
    assert_independent(
        code,
        &report,
        "a wrap of 17 March in the template of the stored 10 and 12 March wraps: other \
         figures, movers and analyst",
    );
}

#[test]
fn a_copy_of_one_days_market_wrap_gets_that_day_only() {
    let t = archive();
    let (code, report) = check(&t, "copy-stocks-march-12.txt");
    assert_flagged_copy(
        code,
        &report,
        "ap-stocks-march.jsonl",
        "AP",
        "the 12 March AP wrap with a new headline and its end cut",
    );
    assert_eq!(
        sources(&report)[0]["headline"],
        "Stocks rally on Wall Street after a cooler-than-expected inflation report",
        "the 12 March wrap, not the 10 March one: {}",
        evidence(&report)
    );
    assert_eq!(
        sources(&report).len(),
        1,
        "the 10 March wrap shares the template, not the text; it is no second source: {}",
        evidence(&report)
    );
}

#[test]
fn a_same_agency_follow_up_reusing_its_background_is_not_flagged() {
    let t = archive();
    let (code, report) = check(&t, "reuters-quelen-day3.txt");
    let why = "Reuters' own day-3 story, under its own dateline, reusing two background \
               paragraphs of its day-1 story";
    if derived(&report) != "none" {
        let listed: Vec<String> = sources(&report).iter().map(file_of).collect();
        assert_eq!(
            listed,
            ["reuters-quelen-collapse-day1.txt"],
            "{why}: if reported at all, the day-1 story is the only source; {}",
            evidence(&report)
        );
        assert_eq!(
            sources(&report)[0]["credited"],
            true,
            "{why}: the (Reuters) dateline credits the day-1 story; {}",
            evidence(&report)
        );
    }
    assert!(
        flags(&report).is_empty(),
        "{why}: nothing to flag; {}",
        evidence(&report)
    );
    assert_eq!(code, 0, "an article with nothing flagged exits 0");
}

#[test]
fn an_independent_story_from_an_official_release_never_gets_the_agency_story() {
    let t = archive();
    let (_, report) = check(&t, "border-property-prices.txt");
    let why = "a paper's own story from the statistics release, quoting the statistician \
               as Reuters also did";
    for source in sources(&report) {
        assert_eq!(
            file_of(source),
            "cso-property-prices-aug-2026.txt",
            "{why}: if anything, the release is the source, never the Reuters story built on \
             it; {}",
            evidence(&report)
        );
    }
    assert!(
        !flags(&report).iter().any(|f| f["agency"] == "Reuters"),
        "{why}: Reuters is not flagged; {}",
        evidence(&report)
    );
}

#[test]
fn a_copy_of_the_agency_story_on_an_official_release_gets_the_agency_story() {
    let t = archive();
    let (code, report) = check(&t, "copy-reuters-property.txt");
    assert_flagged_copy(
        code,
        &report,
        "reuters-irish-property-prices.txt",
        "Reuters",
        "the Reuters story trimmed, not the release it quotes",
    );
}

#[test]
fn a_long_feature_on_the_same_subject_in_its_own_words_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "long-feature-own.txt");
    assert_independent(
        code,
        &report,
        "a 1,065-word feature from a fishing town on the mackerel dispute, in its own words: \
         the subject, the countries and the quotas are the wire story's, no sentence is",
    );
}

#[test]
fn two_wire_paragraphs_lifted_into_a_long_feature_are_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "long-feature-wire-background.txt");
    assert_flagged_copy(
        code,
        &report,
        "reuters-mackerel-talks.txt",
        "Reuters",
        "the same feature with two of the Reuters story's background paragraphs pasted in \
         without credit: 71 of 1,135 words, too small a share for the model alone",
    );
    assert_eq!(derived(&report), "partially", "{}", evidence(&report));
    let passages = report["passages"].as_array().unwrap();
    assert_eq!(
        passages.len(),
        2,
        "the two paragraphs, and nothing of the feature's own text: {}",
        evidence(&report)
    );
}

#[test]
fn a_local_papers_follow_up_of_another_day_with_new_figures_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "local-port-strike-day5.txt");
    let m = &report["measures"];
    assert!(
        m["longest_run"].as_f64().unwrap() < 10.0
            && m["containment"].as_f64().unwrap() >= 0.5
            && m["rare_words"].as_f64().unwrap() >= 0.5,
        "the follow-up restates the first day's story in its words, with no 10-word run: {m}"
    );
    assert!(
        m["figures"].as_f64().unwrap() < 0.5,
        "its figures are the fifth day's: {m}"
    );
    assert_independent(
        code,
        &report,
        "a paper's own story of a port strike's fifth day, retelling the Reuters story of the \
         first day (the dispute, the union, the operator, the diverted ships, the salmon) with \
         that day's own numbers",
    );
}

#[test]
fn a_rewrite_of_the_first_days_strike_story_keeping_its_figures_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "rewrite-port-strike-day1.txt");
    let m = &report["measures"];
    assert!(
        m["longest_run"].as_f64().unwrap() < 10.0,
        "a rewrite, no 10-word run: {m}"
    );
    assert_eq!(m["figures"], 1.0, "{m}");
    assert_flagged_copy(
        code,
        &report,
        "reuters-varnholm-port-strike.txt",
        "Reuters",
        "a site's rewrite of the Reuters story, sentence by sentence in new order and words, \
         every figure kept, no credit",
    );
}

/// Next month's statistics in the agency's template: the frame keeps an 11-word run (an
/// economist's name and title), a third of what is shared refills the template with new
/// figures, and the source holds a third of the article's figures.
#[test]
fn next_months_statistics_in_the_same_template_are_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "czech-inflation-february.txt");
    assert_independent(
        code,
        &report,
        "February's inflation report in the template of the stored January one",
    );
}

#[test]
fn a_copy_of_one_months_statistics_story_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "copy-czech-inflation-january.txt");
    assert_flagged_copy(
        code,
        &report,
        "reuters-czech-inflation-january.txt",
        "Reuters",
        "the January story lightly edited, \"per cent\" for \"%\", no credit",
    );
}

/// The same explorer's earlier release in the same GlobeNewswire template, saved from a blog
/// that separates paragraphs with `<br><br>`: the quality-control, qualified-person, "About",
/// contact, forward-looking and exchange-disclaimer blocks are word for word the stored
/// release's, and its results are other holes.
#[test]
fn an_explorers_earlier_release_with_the_same_stock_blocks_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "pinecliff-january-release.html");
    assert_independent(
        code,
        &report,
        "January's release against the stored May one: only the stock blocks are shared",
    );
}

#[test]
fn a_blogs_copy_of_the_explorers_release_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "copy-pinecliff-may-release.html");
    assert_flagged_copy(
        code,
        &report,
        "globenewswire-pinecliff-may-2026.jsonl",
        "GlobeNewswire",
        "the May release on a blog, its dateline dropped, no source line",
    );
}

#[test]
fn a_rival_agencys_story_of_the_same_fire_is_not_derived() {
    let t = archive();
    let (code, report) = check(&t, "rival-agency-sarvan-fire.txt");
    assert_independent(
        code,
        &report,
        "another agency's story of the Sarvan warehouse fire from the same briefing: the fire \
         chief's and the collector's quotes, the dead and injured, the owner detained, in its \
         own lead, order and words",
    );
}

#[test]
fn a_court_reporters_own_story_of_the_verdict_is_not_a_rewrite_of_the_agencys() {
    let t = archive();
    let (code, report) = check(&t, "ledger-garrow-verdict.txt");
    assert_independent(
        code,
        &report,
        "the local paper's own report of the verdict: the same quotes, counts and names, some \
         fact sentences worded close to AP's, fewer than half of its sentences following AP's",
    );
    let shared = &report["shared"][0];
    assert_eq!(file_of(shared), "ap-garrow-verdict.jsonl");
    let reasons = shared["evidence"]["reasons"].to_string();
    assert!(
        reasons.contains("sentences follow the story: not a rewrite"),
        "the evidence says why: {reasons}"
    );
}

#[test]
fn a_paraphrase_following_the_election_story_sentence_by_sentence_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "paraphrase-merevia-election.txt");
    assert_flagged_copy(
        code,
        &report,
        "afp-merevia-election.jsonl",
        "AFP",
        "a paraphrase of the AFP story in its order, no run of 10 words, no credit",
    );
}

/// The article text a passage covers.
fn covered(report: &Value, passage: &Value) -> String {
    let at = |key: &str| passage[key].as_u64().unwrap() as usize;
    report["text"]
        .as_str()
        .unwrap()
        .chars()
        .skip(at("article_start"))
        .take(at("article_end") - at("article_start"))
        .collect()
}

#[test]
fn the_story_an_independent_report_shares_quotes_with_is_listed_as_shared_with_its_passages() {
    let t = archive();
    let (_, report) = check(&t, "rival-agency-sarvan-fire.txt");
    assert_eq!(derived(&report), "none", "{}", evidence(&report));
    let shared = report["shared"].as_array().unwrap();
    let top = shared
        .first()
        .unwrap_or_else(|| panic!("the PTI story is listed as shared: {report}"));
    assert_eq!(file_of(top), "pti-sarvan-warehouse-fire.txt");
    assert_eq!(top["agency"], "PTI");
    let coverage = top["coverage"].as_f64().unwrap();
    assert!(
        (coverage - report["coverage"].as_f64().unwrap()).abs() < 1e-9,
        "its passages are all the article's shared words: {coverage}"
    );
    let texts: Vec<String> = top["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| covered(&report, p))
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("no working fire alarm")),
        "the fire chief's quote is among the shared passages: {texts:?}"
    );
    let reasons = top["evidence"]["reasons"].to_string();
    assert!(
        reasons.contains("quotes") && reasons.contains("its own report"),
        "the evidence says why the shared text is not copying: {reasons}"
    );
    assert!(report["passages"].as_array().unwrap().is_empty());
    assert!(flags(&report).is_empty());
}

#[test]
fn a_copied_story_is_a_source_and_not_listed_as_shared() {
    let t = archive();
    let (_, report) = check(&t, "rewrite-sarvan-fire.txt");
    assert_eq!(
        file_of(&sources(&report)[0]),
        "pti-sarvan-warehouse-fire.txt"
    );
    let shared: Vec<String> = report["shared"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_of)
        .collect();
    assert!(
        !shared.contains(&"pti-sarvan-warehouse-fire.txt".to_string()),
        "the source is not also shared: {shared:?}"
    );
}

#[test]
fn a_sentence_by_sentence_rewrite_of_the_fire_story_is_derived_and_flagged() {
    let t = archive();
    let (code, report) = check(&t, "rewrite-sarvan-fire.txt");
    assert_eq!(report["derived"], "wholly", "{}", evidence(&report));
    assert_flagged_copy(
        code,
        &report,
        "pti-sarvan-warehouse-fire.txt",
        "PTI",
        "a site's rewrite of the PTI story, sentence by sentence in its order, no credit",
    );
}
