//! Noto Sans CJK, found once per process and parsed once per face. It is a 20 MB
//! collection: reading it per document would cost more than drawing the document.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Mutex, OnceLock};

use printpdf::ParsedFont;

use crate::error::{FormError, Result};

/// The collection the forms are set in, and its faces (platform-notes: 2 = SC, 3 = TC).
pub const FONT_FILE: &str = "NotoSansCJK-Regular.ttc";
const FACE_SC: usize = 2;
const FACE_TC: usize = 3;

const UNKNOWN: u16 = u16::MAX;

/// Printed instead of a character the font lacks, so nothing vanishes unseen.
pub const MISSING_MARK: char = '〓';

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    #[default]
    Simplified,
    Traditional,
}

pub struct Face {
    pub parsed: ParsedFont,
    /// The file it was read from (what 关于 shows).
    pub path: PathBuf,
    /// Advance of each BMP character in font units once looked up (0: the font has no
    /// glyph; UNKNOWN: not looked up yet). Measuring was most of the layout's work.
    bmp: Vec<AtomicU16>,
    units_per_em: f32,
    /// Advance of the space, for characters whose glyph has no width entry.
    fallback_advance: f32,
}

impl Face {
    /// The advance in font units, 0 when the font lacks the character.
    fn units(&self, c: char) -> u16 {
        let look = || {
            self.parsed
                .lookup_glyph_index(c as u32)
                .map(|g| self.parsed.get_horizontal_advance(g).clamp(1, UNKNOWN - 1))
                .unwrap_or(0)
        };
        match self.bmp.get(c as usize) {
            Some(cell) => match cell.load(Ordering::Relaxed) {
                UNKNOWN => {
                    let w = look();
                    cell.store(w, Ordering::Relaxed);
                    w
                }
                w => w,
            },
            None => look(),
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.units(c) > 0
    }

    /// Width of `c` at `size` points.
    pub fn advance(&self, c: char, size: f32) -> f32 {
        let units = f32::from(self.units(c));
        let units = if units > 0.0 {
            units
        } else {
            self.fallback_advance
        };
        units * size / self.units_per_em
    }

    pub fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.advance(c, size)).sum()
    }
}

static EXTRA_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static SC: OnceLock<Result<Face>> = OnceLock::new();
static TC: OnceLock<Result<Face>> = OnceLock::new();

/// Adds a folder to look in first (the app's bundled resources).
pub fn add_font_dir(dir: &Path) {
    if let Ok(mut dirs) = EXTRA_DIRS.lock() {
        dirs.push(dir.to_path_buf());
    }
}

/// Where the font may be, most particular first: `COMPLAINT_DESK_FONT`, folders the app
/// added (its bundled resources), the install folder (`fonts` beside the Windows exe),
/// the package's own folder (`/usr/lib/complaint-desk/fonts` beside `/usr/bin`), the
/// system's Noto CJK (Debian's fonts-noto-cjk, which the .deb depends on), and last the
/// repository's `assets/fonts`, so an installed program never reads a checkout that
/// happens to be on the same machine.
fn candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(p) = std::env::var_os("COMPLAINT_DESK_FONT") {
        out.push(PathBuf::from(p));
    }
    if let Ok(dirs) = EXTRA_DIRS.lock() {
        out.extend(dirs.iter().map(|d| d.join(FONT_FILE)));
    }
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        out.push(exe_dir.join("fonts").join(FONT_FILE));
        out.push(exe_dir.join("assets").join("fonts").join(FONT_FILE));
        out.push(exe_dir.join("../lib/complaint-desk/fonts").join(FONT_FILE));
    }
    out.push(PathBuf::from("/usr/share/fonts/opentype/noto").join(FONT_FILE));
    out.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../assets/fonts")
            .join(FONT_FILE),
    );
    out
}

/// The font file the forms are set in, as found now; the error lists where it was
/// looked for. (`complaint-desk about` and the app's 关于 show it.)
pub fn font_file() -> Result<PathBuf> {
    let tried = candidates();
    tried.iter().find(|p| p.is_file()).cloned().ok_or_else(|| {
        FormError::FontMissing(
            tried
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

fn load(index: usize) -> Result<Face> {
    let path = font_file()?;
    let damaged = || FormError::FontDamaged(path.display().to_string());
    let bytes = std::fs::read(&path).map_err(|_| damaged())?;
    // One face out of the collection, once: otherwise every PDF copies it out again
    // (16 MB) before subsetting.
    let (bytes, index) = match printpdf::extract_collection_face(&bytes, index) {
        Some(face) => (face, 0),
        None => (bytes, index),
    };
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(&bytes, index, &mut warnings).ok_or_else(damaged)?;
    let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
    let fallback_advance = parsed
        .lookup_glyph_index(' ' as u32)
        .map(|g| f32::from(parsed.get_horizontal_advance(g)))
        .unwrap_or(units_per_em / 2.0);
    let bmp = (0..0x10000).map(|_| AtomicU16::new(UNKNOWN)).collect();
    Ok(Face {
        path,
        bmp,
        parsed,
        units_per_em,
        fallback_advance,
    })
}

/// The face for `script`, loaded on first use.
pub fn face(script: Script) -> Result<&'static Face> {
    let (cell, index) = match script {
        Script::Simplified => (&SC, FACE_SC),
        Script::Traditional => (&TC, FACE_TC),
    };
    cell.get_or_init(|| load(index))
        .as_ref()
        .map_err(|e| match e {
            FormError::FontMissing(tried) => FormError::FontMissing(tried.clone()),
            FormError::FontDamaged(path) => FormError::FontDamaged(path.clone()),
            other => FormError::FontDamaged(other.to_string()),
        })
}

/// The font in use, or why there is none in `lang`: what 关于 and `about` show, so a
/// missing or damaged font is named before the first print needs it.
pub fn status(lang: desk_ledger::Lang) -> (Option<String>, Option<String>) {
    match face(Script::Simplified) {
        Ok(f) => (Some(f.path.display().to_string()), None),
        Err(e) => (None, Some(e.localized(lang))),
    }
}
