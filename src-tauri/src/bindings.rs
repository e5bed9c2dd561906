//! Generates the UI's TypeScript contract from the Rust types and the command table:
//! `ui/src/bindings.ts` (types, via ts-rs) and `ui/src/commands.ts` (one typed function per
//! command). The test `bindings_are_up_to_date` fails when the committed files differ; run it
//! with `UPDATE_BINDINGS=1` to rewrite them.

use ts_rs::{Config, TS};

use crate::dto::*;
use crate::error::{AppError, ErrorCode};

/// Every command: (TypeScript name, command name, TypeScript parameters, invoke arguments,
/// TypeScript result type).
pub const COMMANDS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "checkArticle",
        "check_article",
        "request: CheckRequest",
        "{ request }",
        "CheckResult",
    ),
    (
        "compareTexts",
        "compare_texts",
        "request: CompareRequest",
        "{ request }",
        "CheckResult",
    ),
    (
        "compareStored",
        "compare_stored",
        "request: CompareStoredRequest",
        "{ request }",
        "CheckResult",
    ),
    (
        "addComparedStory",
        "add_compared_story",
        "checkId: number",
        "{ checkId }",
        "StoredStory",
    ),
    (
        "readDroppedFile",
        "read_dropped_file",
        "path: string",
        "{ path }",
        "string",
    ),
    (
        "htmlToText",
        "html_to_text",
        "html: string",
        "{ html }",
        "string",
    ),
    (
        "demoArticles",
        "demo_articles",
        "",
        "{}",
        "Array<DemoArticle>",
    ),
    (
        "archiveOverview",
        "archive_overview",
        "",
        "{}",
        "ArchiveOverview",
    ),
    (
        "importPaths",
        "import_paths",
        "paths: Array<string>",
        "{ paths }",
        "ImportSummary",
    ),
    ("loadDemo", "load_demo", "", "{}", "ImportSummary"),
    (
        "searchStories",
        "search_stories",
        "query: string, limit: number, language: string | null = null",
        "{ query, limit, language }",
        "Array<StorySummary>",
    ),
    (
        "listStories",
        "list_stories",
        "agency: string | null, limit: number, offset: number, language: string | null = null",
        "{ agency, limit, offset, language }",
        "Array<StorySummary>",
    ),
    ("getStory", "get_story", "id: number", "{ id }", "Story"),
    (
        "removeStory",
        "remove_story",
        "id: number",
        "{ id }",
        "null",
    ),
    (
        "prunePlan",
        "prune_plan",
        "request: PruneRequest",
        "{ request }",
        "PrunePlan",
    ),
    (
        "pruneStories",
        "prune_stories",
        "request: PruneRequest",
        "{ request }",
        "PruneSummary",
    ),
    (
        "compactArchive",
        "compact_archive",
        "",
        "{}",
        "CompactSummary",
    ),
    (
        "listChecks",
        "list_checks",
        "limit: number, offset: number",
        "{ limit, offset }",
        "Array<SavedCheck>",
    ),
    (
        "openCheck",
        "open_check",
        "id: number",
        "{ id }",
        "CheckResult",
    ),
    (
        "deleteCheck",
        "delete_check",
        "id: number",
        "{ id }",
        "null",
    ),
    (
        "decide",
        "decide",
        "request: DecideRequest",
        "{ request }",
        "Decision",
    ),
    (
        "clearDecision",
        "clear_decision",
        "checkId: number, sourceId: number",
        "{ checkId, sourceId }",
        "null",
    ),
    ("getSettings", "get_settings", "", "{}", "Settings"),
    (
        "saveSettings",
        "save_settings",
        "settings: Settings",
        "{ settings }",
        "Settings",
    ),
    (
        "exportHtml",
        "export_html",
        "checkId: number, path: string",
        "{ checkId, path }",
        "string",
    ),
    (
        "exportJson",
        "export_json",
        "checkId: number, path: string",
        "{ checkId, path }",
        "string",
    ),
    ("watchStatus", "watch_status", "", "{}", "WatchStatus"),
    (
        "addWatchedFolder",
        "add_watched_folder",
        "path: string, agency: string | null",
        "{ path, agency }",
        "WatchStatus",
    ),
    (
        "removeWatchedFolder",
        "remove_watched_folder",
        "path: string",
        "{ path }",
        "WatchStatus",
    ),
    (
        "setWatchEnabled",
        "set_watch_enabled",
        "path: string, enabled: boolean",
        "{ path, enabled }",
        "WatchStatus",
    ),
    (
        "planAudit",
        "plan_audit",
        "input: string, outDir: string | null = null",
        "{ input, outDir }",
        "AuditPlan",
    ),
    (
        "startAudit",
        "start_audit",
        "request: AuditRequest",
        "{ request }",
        "AuditOutcome",
    ),
    ("cancelAudit", "cancel_audit", "", "{}", "boolean"),
    (
        "auditResults",
        "audit_results",
        "outDir: string, limit: number",
        "{ outDir, limit }",
        "AuditResults",
    ),
    (
        "openAuditRow",
        "open_audit_row",
        "outDir: string, offset: number, name: string",
        "{ outDir, offset, name }",
        "CheckResult",
    ),
    (
        "exportAudit",
        "export_audit",
        "outDir: string, folder: string",
        "{ outDir, folder }",
        "AuditExport",
    ),
];

const HEADER: &str = "// Generated from src-tauri/src by the bindings test; do not edit.\n\
                      // Regenerate: UPDATE_BINDINGS=1 cargo test -p wirecheck-app bindings\n";

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

/// The text of `ui/src/bindings.ts`.
pub fn bindings_ts() -> String {
    let cfg = Config::default();
    let decls = [
        decl::<AppError>(&cfg),
        decl::<ErrorCode>(&cfg),
        decl::<Derived>(&cfg),
        decl::<CheckRequest>(&cfg),
        decl::<CompareRequest>(&cfg),
        decl::<CompareStoredRequest>(&cfg),
        decl::<StoredStory>(&cfg),
        decl::<CheckResult>(&cfg),
        decl::<CheckProgress>(&cfg),
        decl::<Report>(&cfg),
        decl::<ArticleDate>(&cfg),
        decl::<DateFrom>(&cfg),
        decl::<LaterStory>(&cfg),
        decl::<SharedStory>(&cfg),
        decl::<Probabilities>(&cfg),
        decl::<Measures>(&cfg),
        decl::<Flag>(&cfg),
        decl::<Source>(&cfg),
        decl::<Credit>(&cfg),
        decl::<Passage>(&cfg),
        decl::<PassageKind>(&cfg),
        decl::<Evidence>(&cfg),
        decl::<Tier>(&cfg),
        decl::<DiffOp>(&cfg),
        decl::<DiffTag>(&cfg),
        decl::<Story>(&cfg),
        decl::<StorySummary>(&cfg),
        decl::<SavedCheck>(&cfg),
        decl::<Decision>(&cfg),
        decl::<DecisionStatus>(&cfg),
        decl::<DecideRequest>(&cfg),
        decl::<ArchiveOverview>(&cfg),
        decl::<AgencyCount>(&cfg),
        decl::<PruneRequest>(&cfg),
        decl::<PrunePlan>(&cfg),
        decl::<PruneSummary>(&cfg),
        decl::<CompactSummary>(&cfg),
        decl::<ImportSummary>(&cfg),
        decl::<Skipped>(&cfg),
        decl::<ImportProgress>(&cfg),
        decl::<Settings>(&cfg),
        decl::<Preset>(&cfg),
        decl::<Alias>(&cfg),
        decl::<DemoArticle>(&cfg),
        decl::<WatchStatus>(&cfg),
        decl::<WatchedFolderStatus>(&cfg),
        decl::<WatchFolderState>(&cfg),
        decl::<WatchLogEntry>(&cfg),
        decl::<AuditRequest>(&cfg),
        decl::<AuditPlan>(&cfg),
        decl::<AuditRow>(&cfg),
        decl::<AuditAgency>(&cfg),
        decl::<AuditFailure>(&cfg),
        decl::<AuditTotals>(&cfg),
        decl::<AuditResults>(&cfg),
        decl::<AuditProgress>(&cfg),
        decl::<AuditOutcome>(&cfg),
        decl::<AuditExport>(&cfg),
    ];
    format!("{HEADER}\n{}", decls.join("\n"))
}

/// The text of `ui/src/commands.ts`.
pub fn commands_ts() -> String {
    let mut types: Vec<&str> = Vec::new();
    for (_, _, params, _, result) in COMMANDS {
        for word in params
            .split(|c: char| !c.is_alphanumeric())
            .chain(result.split(|c: char| !c.is_alphanumeric()))
        {
            if word.starts_with(|c: char| c.is_ascii_uppercase())
                && word != "Array"
                && !types.contains(&word)
            {
                types.push(word);
            }
        }
    }
    types.sort_unstable();
    let mut out = format!(
        "{HEADER}\nimport {{ invoke }} from \"@tauri-apps/api/core\";\nimport type {{ {} }} from \"./bindings\";\n",
        types.join(", ")
    );
    for (ts_name, command, params, args, result) in COMMANDS {
        let args = if *args == "{}" {
            String::new()
        } else {
            format!(", {args}")
        };
        out.push_str(&format!(
            "\nexport function {ts_name}({params}): Promise<{result}> {{\n  return invoke(\"{command}\"{args});\n}}\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn bindings_are_up_to_date() {
        let ui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
        for (file, text) in [
            ("bindings.ts", bindings_ts()),
            ("commands.ts", commands_ts()),
        ] {
            let path = ui.join(file);
            if std::env::var_os("UPDATE_BINDINGS").is_some() {
                std::fs::write(&path, &text).unwrap();
                continue;
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == text,
                "{} is out of date with the Rust types; run UPDATE_BINDINGS=1 cargo test -p wirecheck-app bindings",
                path.display()
            );
        }
    }
}
