//! Chinese line breaking: a line may break between any two CJK characters and at
//! spaces; a run of Latin letters or digits stays whole; closing punctuation never
//! starts a line and opening punctuation never ends one.

/// Never at the start of a line.
const CLOSING: &str = "，。、；：？！）」』】》〉〕”’…—·%‰℃,.;:?!)]}>～";
/// Never at the end of a line.
const OPENING: &str = "（「『【《〈〔“‘([{<￥$";

/// Text as the forms print it: line ends unified, tabs as spaces, other control
/// characters (which print as nothing) removed.
pub fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '_' | '-' | '/' | '@' | '#' | '&' | '+' | '=' | '\'' | '"'
        )
        || (c.is_alphanumeric() && !is_cjk(c))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF |
        0x3200..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF |
        0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Pieces no break may fall inside: a word, a character, or a space.
fn atoms(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in paragraph.chars() {
        // '.' and ',' inside a number ("3.5", "1,200") belong to the number.
        let in_number =
            matches!(c, '.' | ',' | ':') && word.chars().last().is_some_and(|p| p.is_ascii_digit());
        if is_word_char(c) || in_number {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        out.push(c.to_string());
    }
    if !word.is_empty() {
        out.push(word);
    }
    // Opening punctuation joins the atom after it, closing punctuation the one before.
    let mut glued: Vec<String> = Vec::with_capacity(out.len());
    let mut pending_open = String::new();
    for a in out {
        let first = a.chars().next().unwrap_or(' ');
        if a.chars().count() == 1 && OPENING.contains(first) {
            pending_open.push_str(&a);
            continue;
        }
        let a = std::mem::take(&mut pending_open) + &a;
        let starts_closing = a.chars().next().is_some_and(|c| CLOSING.contains(c));
        match glued.last_mut() {
            Some(prev) if starts_closing && prev != " " => prev.push_str(&a),
            _ => glued.push(a),
        }
    }
    if !pending_open.is_empty() {
        glued.push(pending_open);
    }
    glued
}

/// Breaks `text` into lines no wider than `width`, measured by `measure`.
pub fn wrap(text: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in clean(text).split('\n') {
        let mut line = String::new();
        let mut used = 0.0f32;
        for atom in atoms(paragraph) {
            if atom == " " && line.is_empty() {
                continue;
            }
            let w = measure(&atom);
            if used + w <= width + 0.01 {
                line.push_str(&atom);
                used += w;
                continue;
            }
            if !line.is_empty() {
                lines.push(line.trim_end().to_string());
                line = String::new();
                used = 0.0;
                if atom == " " {
                    continue;
                }
            }
            if w <= width + 0.01 {
                line.push_str(&atom);
                used = w;
                continue;
            }
            // Wider than a whole line (a long number or URL): break it by character.
            for c in atom.chars() {
                let cw = measure(c.encode_utf8(&mut [0; 4]));
                if used + cw > width + 0.01 && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0.0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide: a line of width 5 holds five characters.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    #[test]
    fn breaks_between_cjk_characters() {
        assert_eq!(wrap("一二三四五六七", 5.0, &chars), ["一二三四五", "六七"]);
    }

    #[test]
    fn keeps_latin_and_number_runs_whole() {
        assert_eq!(
            wrap("电话13800138000联系", 11.0, &chars),
            ["电话", "13800138000", "联系"]
        );
        assert_eq!(wrap("共3.5万元", 3.0, &chars), ["共", "3.5", "万元"]);
        assert_eq!(
            wrap("call back tomorrow", 10.0, &chars),
            ["call back", "tomorrow"]
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let lines = wrap("一二三四五，六七。", 5.0, &chars);
        assert_eq!(lines, ["一二三四", "五，六七。"]);
        assert!(lines.iter().all(|l| !l.starts_with('，')));
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let lines = wrap("一二三四（五六）", 5.0, &chars);
        assert_eq!(lines, ["一二三四", "（五六）"]);
    }

    #[test]
    fn line_ends_and_control_characters() {
        assert_eq!(
            wrap("甲\r\n乙\r丙\u{7}丁", 9.0, &chars),
            ["甲", "乙", "丙丁"]
        );
    }

    #[test]
    fn overlong_runs_are_cut_not_lost() {
        let lines = wrap("ABCDEFGHIJ", 4.0, &chars);
        assert_eq!(lines.concat(), "ABCDEFGHIJ");
        assert!(lines.iter().all(|l| l.chars().count() <= 4));
    }
}
