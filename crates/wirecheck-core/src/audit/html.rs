//! `index.html`, the overview of an audit, and the HTML report of each flagged article.
//!
//! Written as the HTML report export writes its page (see `export.rs`): one self-contained
//! document, no external resources, every piece of text through the same `escape`. The page
//! works without its script (a plain table); the small inline script only sorts and filters.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::summary::{SummaryRow, UNKNOWN_AGENCY};
use super::{AuditTotals, REPORTS_DIR};
use crate::archive::history::{LoadedCheck, SavedCheck};
use crate::archive::settings::Settings;
use crate::archive::store::Archive;
use crate::export::{escape, html_report, percent, verdict};
use crate::report::Report;
use crate::verdict::Derived;
use crate::verdict::evidence::Tier;
use crate::{Error, Result};

/// Rows of the table at most: a browser stays usable, and `summary.csv` has them all. Flagged
/// and failed articles come first when there are more.
pub(super) const MAX_ROWS: usize = 20_000;

const STYLE: &str = "\
body{font:15px/1.45 Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:90rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-size:.85em}
#articles th{cursor:pointer;user-select:none}
#articles th[aria-sort=ascending]::after{content:' \\25B2'}
#articles th[aria-sort=descending]::after{content:' \\25BC'}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.flagged td:first-child{border-left:.35rem solid #c00}
tr.failed{color:#666}
.meta{color:#555}.flag{color:#a00;font-weight:bold}
.controls{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.5rem 0}
@media print{.controls{display:none}body{margin:0;max-width:none}}
";

const SCRIPT: &str = r#"(function () {
  var table = document.getElementById('articles');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var flagged = document.getElementById('flagged-only');
  var agency = document.getElementById('agency');
  var site = document.getElementById('site');
  var text = document.getElementById('text');
  var shown = document.getElementById('shown');
  function apply() {
    var q = text.value.toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var ok = (!flagged.checked || r.getAttribute('data-flagged') === '1') &&
        (!agency.value || r.getAttribute('data-agency') === agency.value) &&
        (!site.value || r.getAttribute('data-site') === site.value) &&
        (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' rows shown';
  }
  function key(r, i) {
    var c = r.cells[i], s = c.getAttribute('data-sort');
    return s === null ? c.textContent : s;
  }
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, i) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      var num = th.getAttribute('data-type') === 'number';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = key(a, i), y = key(b, i);
        var c = num ? (parseFloat(x === '' ? '-1' : x) - parseFloat(y === '' ? '-1' : y)) : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  [flagged, agency, site].forEach(function (e) { e.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  apply();
})();
"#;

/// The file of an article's report, inside the audit's folder: `reports/` and a name made from
/// the article's id (else where it was read), readable and unique.
pub(super) fn report_path(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = slug
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let slug = slug.trim_start_matches('-');
    let hash = xxhash_rust::xxh3::xxh3_64(name.as_bytes());
    format!("{REPORTS_DIR}/{slug}-{hash:016x}.html")
}

/// Writes the HTML report of one checked article to `dir/report_path(name)`, with its sources
/// read from the archive (as the app's export does).
pub(super) fn write_report(
    archive: &Archive,
    dir: &Path,
    name: &str,
    report: &Report,
    checked_at: &str,
) -> Result<PathBuf> {
    let ids: Vec<i64> = report.sources.iter().map(|s| s.id).collect();
    let stories = archive.get_many(&ids)?;
    let check = LoadedCheck {
        check: SavedCheck {
            id: 0,
            created_at: checked_at.to_string(),
            title: name.to_string(),
            derived: report.derived,
            coverage: report.coverage,
            flags: report.flags.len(),
            compared_with: None,
        },
        report: report.clone(),
        settings: Settings::default(),
        decisions: Vec::new(),
        story: None,
    };
    let path = dir.join(report_path(name));
    std::fs::write(&path, html_report(&check, &stories)).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

/// The rows `index.html` shows: all of them up to [`MAX_ROWS`], flagged and failed first
/// beyond it.
#[derive(Debug, Default)]
pub(super) struct Rows {
    first: Vec<SummaryRow>,
    rest: Vec<SummaryRow>,
    total: usize,
}

impl Rows {
    pub fn add(&mut self, row: &SummaryRow) {
        self.total += 1;
        if row.flagged || row.error.is_some() {
            if self.first.len() < MAX_ROWS {
                self.first.push(row.clone());
            }
        } else if self.rest.len() < MAX_ROWS {
            self.rest.push(row.clone());
        }
    }

    fn shown(&self) -> impl Iterator<Item = &SummaryRow> {
        let room = MAX_ROWS.saturating_sub(self.first.len());
        self.first.iter().chain(self.rest.iter().take(room))
    }
}

/// The whole `index.html`.
pub(super) fn index(totals: &AuditTotals, rows: &Rows, made_at: &str) -> String {
    let mut out = String::with_capacity(8192 + rows.total.min(MAX_ROWS) * 600);
    let failed = totals.failed();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Wirecheck audit: {} articles, {} flagged</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <h1>Wirecheck audit</h1>\n<p class=\"meta\">Made {} &middot; {} articles &middot; \
         <span class=\"flag\">{} flagged</span> (a source copied without credit) &middot; {} could not be checked</p>\n",
        totals.articles,
        totals.flagged,
        escape(made_at),
        totals.articles,
        totals.flagged,
        failed,
    );

    out.push_str("<h2>By verdict</h2>\n<table>\n<tr><th>Verdict</th><th>Articles</th></tr>\n");
    for derived in [Derived::Wholly, Derived::Partially, Derived::None] {
        let n = totals
            .by_verdict
            .get(derived.as_str())
            .copied()
            .unwrap_or(0);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{n}</td></tr>",
            verdict(derived.as_str())
        );
    }
    let _ = writeln!(
        out,
        "<tr><td>Could not be checked</td><td class=\"n\">{failed}</td></tr>\n</table>"
    );

    out.push_str("<h2>By agency</h2>\n");
    if totals.by_agency.is_empty() {
        out.push_str("<p>No article is derived from a stored story.</p>\n");
    } else {
        out.push_str(
            "<table>\n<tr><th>Agency of the top source</th><th>Derived articles</th><th>Flagged</th></tr>\n",
        );
        for a in &totals.by_agency {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&a.agency),
                a.articles,
                a.flagged
            );
        }
        out.push_str("</table>\n");
    }

    if !totals.errors.is_empty() {
        out.push_str(
            "<h2>Could not be checked</h2>\n<table>\n<tr><th>Why</th><th>Articles</th><th>For example</th></tr>\n",
        );
        for e in &totals.errors {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td>{}: {}</td></tr>",
                escape(e.kind.as_str()),
                e.count,
                escape(&e.example),
                escape(&e.message)
            );
        }
        out.push_str("</table>\n");
    }

    articles_table(&mut out, totals, rows);
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn articles_table(out: &mut String, totals: &AuditTotals, rows: &Rows) {
    out.push_str("<h2>Articles</h2>\n");
    let shown = rows.total.min(MAX_ROWS);
    if shown < rows.total {
        let _ = writeln!(
            out,
            "<p class=\"meta\">The {shown} rows below are the first of {} (flagged and failed \
             articles first); <code>summary.csv</code> has every article.</p>",
            rows.total
        );
    }
    out.push_str(
        "<div class=\"controls\">\n<label><input type=\"checkbox\" id=\"flagged-only\"> Flagged only</label>\n\
         <label>Agency <select id=\"agency\"><option value=\"\">All</option>",
    );
    for a in &totals.by_agency {
        let agency = escape(&a.agency);
        let _ = write!(out, "<option value=\"{agency}\">{agency}</option>");
    }
    out.push_str(
        "</select></label>\n<label>Site <select id=\"site\"><option value=\"\">All</option>",
    );
    let mut sites: Vec<String> = rows
        .shown()
        .map(SummaryRow::site)
        .filter(|s| !s.is_empty())
        .collect();
    sites.sort();
    sites.dedup();
    for site in &sites {
        let site = escape(site);
        let _ = write!(out, "<option value=\"{site}\">{site}</option>");
    }
    out.push_str(
        "</select></label>\n<label>Text <input type=\"search\" id=\"text\"></label>\n\
         <span id=\"shown\" class=\"meta\"></span>\n</div>\n",
    );
    out.push_str(
        "<table id=\"articles\">\n<thead><tr><th>Article</th><th>Site</th><th>Published</th>\
         <th data-type=\"number\">Verdict</th><th data-type=\"number\">Coverage</th><th>Top source</th>\
         <th>Headline</th><th>Credited</th><th>Flagged</th><th>Evidence</th>\
         <th data-type=\"number\">Confidence</th><th>Error</th></tr></thead>\n<tbody>\n",
    );
    for row in rows.shown() {
        table_row(out, row);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn table_row(out: &mut String, row: &SummaryRow) {
    let site = row.site();
    let derived = row.derived.map(|d| d.as_str());
    let agency = match (derived, &row.top_source_agency) {
        (Some("wholly" | "partially"), Some(a)) => a.as_str(),
        (Some("wholly" | "partially"), None) if row.top_source_id.is_some() => UNKNOWN_AGENCY,
        _ => "",
    };
    let class = if row.flagged {
        " class=\"flagged\""
    } else if row.error.is_some() {
        " class=\"failed\""
    } else {
        ""
    };
    let name = escape(row.name());
    let article = if row.flagged {
        format!(
            "<a href=\"{}\">{name}</a>",
            escape(&report_path(row.name()))
        )
    } else {
        name
    };
    let url = match &row.url {
        Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
            format!("<a href=\"{}\">{}</a>", escape(url), escape(&site))
        }
        _ => escape(&site),
    };
    let rank = match derived {
        Some("wholly") => "3",
        Some("partially") => "2",
        Some(_) => "1",
        None => "0",
    };
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let tier = match row.evidence_tier {
        Some(Tier::Identical) => "identical",
        Some(Tier::MinorEdits) => "minor edits",
        Some(_) => "paraphrase",
        None => "",
    };
    let number = |x: Option<f64>| x.map_or_else(String::new, |x| x.to_string());
    let _ = writeln!(
        out,
        "<tr{class} data-flagged=\"{}\" data-agency=\"{}\" data-site=\"{}\"><td>{article}</td><td>{url}</td>\
         <td>{}</td><td data-sort=\"{rank}\">{}</td><td class=\"n\" data-sort=\"{}\">{}</td><td>{}{}</td>\
         <td>{}</td><td>{}</td><td>{}</td><td>{tier}</td><td class=\"n\" data-sort=\"{}\">{}</td><td>{}</td></tr>",
        u8::from(row.flagged),
        escape(agency),
        escape(&site),
        escape(row.published.as_deref().unwrap_or("")),
        derived.map_or("", verdict),
        number(row.coverage),
        row.coverage.map_or_else(String::new, percent),
        escape(agency),
        row.top_source_id
            .filter(|_| !agency.is_empty())
            .map_or_else(String::new, |id| format!(" #{id}")),
        escape(if agency.is_empty() {
            ""
        } else {
            row.top_source_headline.as_deref().unwrap_or("")
        }),
        if agency.is_empty() {
            ""
        } else {
            yes_no(row.credited)
        },
        if row.flagged {
            "<span class=\"flag\">flagged</span>"
        } else {
            ""
        },
        number(row.evidence_confidence),
        row.evidence_confidence.map_or_else(String::new, percent),
        escape(row.error.as_deref().unwrap_or("")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::summary::Tally;

    fn row(id: &str, flagged: bool) -> SummaryRow {
        SummaryRow {
            id: Some(id.into()),
            url: Some(format!("https://www.gull.example/{id}")),
            published: Some("2026-05-08".into()),
            derived: Some(if flagged {
                Derived::Wholly
            } else {
                Derived::None
            }),
            coverage: Some(if flagged { 0.9 } else { 0.0 }),
            top_source_id: flagged.then_some(3),
            top_source_agency: flagged.then(|| "Reuters".into()),
            top_source_headline: flagged.then(|| "Tugs <b>electric</b>".into()),
            credited: flagged.then_some(false),
            flagged,
            evidence_tier: flagged.then_some(Tier::Identical),
            evidence_confidence: flagged.then_some(0.97),
            error: None,
            error_kind: None,
            input: format!("crawl/{id}"),
        }
    }

    fn page(rows_in: &[SummaryRow]) -> String {
        let mut tally = Tally::default();
        let mut rows = Rows::default();
        for r in rows_in {
            tally.add(r);
            rows.add(r);
        }
        index(&tally.totals(), &rows, "2026-05-09T10:00:00Z")
    }

    #[test]
    fn flagged_rows_link_to_their_report_and_text_is_escaped() {
        let mut hostile = row("<script>alert(1)</script>", true);
        hostile.url = Some("javascript:alert(1)".into());
        let html = page(&[row("a.html", true), row("b.html", false), hostile]);
        assert!(html.contains(&format!("<a href=\"{}\">a.html</a>", report_path("a.html"))));
        assert!(
            !html.contains(&report_path("b.html")),
            "an article that is not flagged has no report"
        );
        assert!(
            !html.to_lowercase().contains("<script>alert"),
            "ids are escaped"
        );
        assert!(html.contains("Tugs &lt;b&gt;electric&lt;/b&gt;"));
        assert!(
            !html.contains("href=\"javascript:"),
            "only http(s) addresses become links"
        );
        assert!(html.contains("data-site=\"gull.example\""));
        assert!(html.contains("<option value=\"Reuters\">Reuters</option>"));
        assert!(html.contains("<option value=\"gull.example\">gull.example</option>"));
        assert!(
            html.contains("default-src 'none'"),
            "no network: {html:.300}"
        );
        assert!(!html.contains("src=\"http"), "no external resources");
        assert_eq!(html.matches("<script>").count(), 1, "the one inline script");
    }

    #[test]
    fn counts_by_verdict_and_agency_are_shown() {
        let html = page(&[row("a", true), row("b", true), row("c", false)]);
        assert!(html.contains("<tr><td>Wholly derived</td><td class=\"n\">2</td></tr>"));
        assert!(html.contains("<tr><td>Not derived</td><td class=\"n\">1</td></tr>"));
        assert!(
            html.contains("<tr><td>Reuters</td><td class=\"n\">2</td><td class=\"n\">2</td></tr>")
        );
        assert!(html.contains("3 articles"));
    }

    #[test]
    fn a_large_audit_shows_flagged_rows_first_up_to_the_cap() {
        let mut rows = Rows::default();
        for n in 0..MAX_ROWS + 10 {
            rows.add(&row(&format!("quiet-{n}"), false));
        }
        rows.add(&row("late-flag", true));
        let shown: Vec<&SummaryRow> = rows.shown().collect();
        assert_eq!(shown.len(), MAX_ROWS);
        assert_eq!(
            shown[0].name(),
            "late-flag",
            "a flagged article is never cut"
        );
    }

    #[test]
    fn report_paths_are_readable_unique_and_safe() {
        let a = report_path("site/2026/05/Bridge.html");
        assert!(a.starts_with("reports/site-2026-05-bridge-html-"), "{a}");
        assert!(a.ends_with(".html"));
        assert_ne!(
            report_path("a/b"),
            report_path("a-b"),
            "the hash tells them apart"
        );
        let odd = report_path("../../etc/passwd");
        assert!(!odd.contains(".."), "{odd}");
        assert_eq!(
            odd.matches('/').count(),
            1,
            "always directly under reports/"
        );
        let long = report_path(&"x".repeat(500));
        assert!(long.len() < 100, "{long}");
    }
}
