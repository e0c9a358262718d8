//! The UI's hand-written IPC wrappers (`ui/src/api/index.ts`) against the shell's
//! commands: every wrapper calls a registered command, with exactly that command's
//! argument names (Tauri expects them camel-cased) and a TypeScript type matching each
//! argument's Rust type; every registered command has its wrapper. A renamed command or
//! argument, a forgotten registration or a type changed on one side fails here instead
//! of at the clerk's click.

use std::collections::BTreeMap;

const LIB: &str = include_str!("lib.rs");
const WRAPPERS: &str = include_str!("../../ui/src/api/index.ts");
const TYPES: &str = include_str!("../../ui/src/api/types.ts");

/// A closed word set the UI types as its union of words (`T.TextSize`) where the
/// command takes the text and parses it itself, refusing an unknown word by field.
fn word_union(ts: &str) -> bool {
    ts.strip_prefix("T.")
        .is_some_and(|name| TYPES.contains(&format!("export type {name} = \"")))
}

/// Each command module's source, as the handler list names them.
fn module(name: &str) -> &'static str {
    match name {
        "access" => include_str!("commands/access.rs"),
        "attachments" => include_str!("commands/attachments.rs"),
        "backup" => include_str!("commands/backup.rs"),
        "cases" => include_str!("commands/cases.rs"),
        "dashboard" => include_str!("commands/dashboard.rs"),
        "directory" => include_str!("commands/directory.rs"),
        "forms" => include_str!("commands/forms.rs"),
        "reports" => include_str!("commands/reports.rs"),
        "session" => include_str!("commands/session.rs"),
        other => panic!("generate_handler! names a module this test does not read: {other}"),
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The TypeScript type the UI must pass for a Rust argument type.
fn ts_of(rust: &str) -> String {
    let rust = rust.trim();
    if let Some(inner) = rust
        .strip_prefix("Option<")
        .and_then(|r| r.strip_suffix('>'))
    {
        return format!("{} | null", ts_of(inner));
    }
    if let Some(inner) = rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
        let inner = ts_of(inner);
        return if inner.contains(' ') && !inner.starts_with('[') {
            format!("({inner})[]")
        } else {
            format!("{inner}[]")
        };
    }
    if let Some(inner) = rust.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let parts: Vec<String> = split_top(inner).iter().map(|p| ts_of(p)).collect();
        return format!("[{}]", parts.join(", "));
    }
    match rust {
        "String" | "&str" => "string".into(),
        "bool" => "boolean".into(),
        "i64" | "i32" | "u32" | "u16" | "usize" | "u64" | "f64" => "number".into(),
        other => format!("T.{}", other.rsplit("::").next().unwrap_or(other)),
    }
}

/// Splits at top-level commas (not inside <>, (), []).
fn split_top(s: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (Vec::new(), String::new(), 0i32);
    for c in s.chars() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// The registered commands and, for each, its arguments (camel-cased) with their
/// TypeScript types; the desk state and the app handle are Tauri's, not the UI's.
fn commands() -> BTreeMap<String, Vec<(String, String)>> {
    let start = LIB.find("generate_handler![").expect("the handler list");
    let end = start + LIB[start..].find(']').expect("its end");
    let mut out = BTreeMap::new();
    for path in LIB[start + "generate_handler![".len()..end]
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let parts: Vec<&str> = path.split("::").collect();
        let (m, name) = (parts[1], parts[2]);
        let src = module(m);
        let sig = format!("pub async fn {name}(");
        let at = src
            .find(&sig)
            .unwrap_or_else(|| panic!("{path} is registered but not defined as {sig}"));
        let body = &src[at + sig.len()..];
        let close = {
            let mut depth = 1;
            body.char_indices()
                .find(|(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map(|(i, _)| i)
                .expect("the argument list's end")
        };
        let args = split_top(&body[..close])
            .into_iter()
            .filter_map(|a| {
                let (n, t) = a.split_once(':')?;
                let t = t.trim();
                let tauri_own = ["Desk<", "AppHandle", "State<", "Window", "WebviewWindow"];
                (!tauri_own.iter().any(|o| t.contains(o))).then(|| (camel(n.trim()), ts_of(t)))
            })
            .collect();
        out.insert(name.to_string(), args);
    }
    out
}

/// A wrapper: the command it calls, the keys it passes, and its parameters' types.
struct Wrapper {
    command: String,
    keys: Vec<String>,
    params: BTreeMap<String, String>,
}

fn wrappers() -> Vec<Wrapper> {
    let body = &WRAPPERS[WRAPPERS
        .find("export const api = {")
        .expect("the api object")..];
    let mut out = Vec::new();
    // Each entry: `name: (params) => call<R>('command', { keys })`.
    // An entry starts on a line indented by two spaces and may go on, indented deeper.
    let mut entries: Vec<String> = Vec::new();
    for line in body.lines().skip(1) {
        let starts =
            line.starts_with("  ") && line[2..].starts_with(|c: char| c.is_ascii_alphabetic());
        match entries.last_mut() {
            Some(e) if !starts => {
                e.push(' ');
                e.push_str(line.trim());
            }
            _ => entries.push(line.trim().to_string()),
        }
    }
    for entry in entries.iter().filter(|e| e.contains("=> call")) {
        let Some(call_at) = entry.find("call<") else {
            continue;
        };
        let quote = entry[call_at..].find("('").expect("a command name") + call_at + 2;
        let command: String = entry[quote..].chars().take_while(|c| *c != '\'').collect();
        let after = &entry[quote + command.len()..];
        let keys = match (after.find('{'), after.find('}')) {
            (Some(a), Some(b)) if a < b => after[a + 1..b]
                .split(',')
                .map(|k| k.split(':').next().unwrap_or("").trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            _ => Vec::new(),
        };
        let open = entry.find('(').expect("parameters");
        let close = entry.find(") =>").expect("the arrow");
        let params = split_top(&entry[open + 1..close])
            .into_iter()
            .map(|p| {
                let (decl, default) = p
                    .split_once('=')
                    .map_or((p.as_str(), None), |(d, v)| (d, Some(v.trim())));
                let (n, t) = decl
                    .split_once(':')
                    .map_or((decl.trim(), None), |(n, t)| (n.trim(), Some(t.trim())));
                let t = t.map(str::to_string).unwrap_or_else(|| match default {
                    Some("false" | "true") => "boolean".into(),
                    Some(v) if v.starts_with('\'') => "string".into(),
                    _ => "?".into(),
                });
                (n.to_string(), t)
            })
            .collect();
        out.push(Wrapper {
            command,
            keys,
            params,
        });
    }
    out
}

#[test]
fn every_wrapper_calls_a_command_with_its_argument_names_and_types() {
    let commands = commands();
    let wrappers = wrappers();
    assert!(wrappers.len() > 50, "only {} wrappers read", wrappers.len());
    for w in &wrappers {
        let args = commands
            .get(&w.command)
            .unwrap_or_else(|| panic!("the UI calls {:?}, which is not registered", w.command));
        let mut want: Vec<&String> = args.iter().map(|(n, _)| n).collect();
        let mut have: Vec<&String> = w.keys.iter().collect();
        want.sort();
        have.sort();
        assert_eq!(
            have, want,
            "{}: the UI's argument names differ from the command's",
            w.command
        );
        for (name, ts) in args {
            let given = w.params.get(name).map(String::as_str).unwrap_or("?");
            let narrowed = ts == "string" && word_union(given);
            assert!(
                given == ts || narrowed,
                "{}: argument {name} is {given} in the UI, {ts} in Rust",
                w.command
            );
        }
    }
    for name in commands.keys() {
        assert!(
            wrappers.iter().any(|w| &w.command == name),
            "{name} is registered but the UI has no wrapper for it"
        );
    }
}

#[test]
fn the_contract_reader_understands_the_types_it_meets() {
    assert_eq!(ts_of("Option<String>"), "string | null");
    assert_eq!(
        ts_of("Vec<(String, Option<usize>)>"),
        "[string, number | null][]"
    );
    assert_eq!(ts_of("Vec<u32>"), "number[]");
    assert_eq!(ts_of("desk_ledger::NewCase"), "T.NewCase");
    assert_eq!(camel("include_inactive"), "includeInactive");
}
