//! Thumbnails of a case's photos for its 附件 list. A phone photo is megabytes and
//! twelve million pixels; a list row shows it 56 px wide. Handing the whole file to the
//! window for each row made a case with a dozen photos slow to open and held every one
//! decoded at full size, so the list gets a small JPEG made here, once, and kept in the
//! data directory's `thumbnails` folder (made again whenever it is missing or older than
//! the stored file). The photo itself is read only when the clerk opens it large.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};

use crate::error::{invalid, Problem, Result};
use crate::ledger::Ledger;
use crate::model::Attachment;
use crate::why::Why;

/// The longest side of a thumbnail, in pixels: the list's 56×42 box at up to four times
/// the screen's scale, and sharp in the row's hover preview.
pub const THUMBNAIL_PX: u32 = 240;

/// The longest side of a picked picture opened large on the registration form, before
/// it is saved: sharp on the front desk's screen, a few hundred kilobytes rather than a
/// phone photo's megabytes, and only ever a picture re-drawn (never the file's bytes).
pub const PREVIEW_PX: u32 = 2048;

/// The folder the thumbnails are kept in, inside the data directory. They are made from
/// the attachments and so are neither backed up nor restored.
pub const THUMBNAILS_DIR: &str = "thumbnails";

/// What making one thumbnail needs, looked up in the ledger. Made apart from it: decoding
/// a photo takes a tenth of a second, which the desk's other questions need not wait for.
#[derive(Debug)]
pub struct ThumbnailJob {
    attachment: Attachment,
    source: PathBuf,
    kept: PathBuf,
}

impl Ledger {
    /// A picture attachment's thumbnail as JPEG bytes, no side longer than
    /// [`THUMBNAIL_PX`], upright as the camera held it, transparent parts on white.
    /// Refused for a withdrawn attachment, a missing file, and one that is not a
    /// picture these formats can read (the list then shows the file's kind).
    pub fn attachment_thumbnail(&self, id: i64) -> Result<Vec<u8>> {
        self.thumbnail_job(id)?.make()
    }

    /// The thumbnail to make or hand out for attachment `id`; refused as
    /// [`Ledger::attachment_thumbnail`] is for one withdrawn.
    pub fn thumbnail_job(&self, id: i64) -> Result<ThumbnailJob> {
        let (attachment, source, _) = self.stored(id)?;
        let data_dir = self
            .data_dir()
            .ok_or_else(|| crate::attachments::missing(&attachment))?;
        let kept = thumbnail_path(data_dir, &attachment);
        Ok(ThumbnailJob {
            attachment,
            source,
            kept,
        })
    }
}

impl Ledger {
    /// Removes the kept thumbnails that no attachment in use has: those of attachments
    /// withdrawn (often another customer's photo), and any a ledger restored from an
    /// older copy no longer knows. Run once a start, beside the window, on a connection
    /// of its own, and after a restore; returns how many files were removed.
    pub fn sweep_thumbnails(&self) -> Result<usize> {
        let Some(data_dir) = self.data_dir() else {
            return Ok(0);
        };
        let root = data_dir.join(THUMBNAILS_DIR);
        if !root.is_dir() {
            return Ok(0);
        }
        let wanted: HashSet<PathBuf> = crate::attachments::in_use(&self.conn)?
            .iter()
            .map(|a| thumbnail_path(data_dir, a))
            .collect();
        let mut removed = 0;
        for folder in std::fs::read_dir(&root)?.flatten().map(|e| e.path()) {
            let files: Vec<PathBuf> = match std::fs::read_dir(&folder) {
                Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
                Err(_) => vec![folder.clone()], // a stray file beside the case folders
            };
            for file in files.iter().filter(|f| !wanted.contains(*f)) {
                removed += usize::from(std::fs::remove_file(file).is_ok());
            }
            // Only an emptied folder goes; one still holding a thumbnail stays.
            let _ = std::fs::remove_dir(&folder);
        }
        Ok(removed)
    }

    /// Removes the kept thumbnail of an attachment just withdrawn. Best effort: one
    /// left behind (locked by a virus scanner) goes at the next start's sweep.
    pub(crate) fn forget_thumbnail(&self, a: &Attachment) {
        if let Some(data_dir) = self.data_dir() {
            let _ = std::fs::remove_file(thumbnail_path(data_dir, a));
        }
    }
}

impl ThumbnailJob {
    /// The kept thumbnail when it is still current, else one made from the stored file
    /// and kept for next time (when the folder can be written; handed out either way).
    pub fn make(self) -> Result<Vec<u8>> {
        let ThumbnailJob {
            attachment: a,
            source,
            kept,
        } = self;
        if let Some(bytes) = fresh(&kept, &source) {
            return Ok(bytes);
        }
        let original = std::fs::read(&source).map_err(|_| crate::attachments::missing(&a))?;
        let bytes = make(&original, THUMBNAIL_PX).ok_or_else(|| not_a_picture(&a))?;
        if let Some(folder) = kept.parent() {
            let partial = kept.with_extension("partial");
            let saved = std::fs::create_dir_all(folder)
                .and_then(|_| std::fs::write(&partial, &bytes))
                .and_then(|_| std::fs::rename(&partial, &kept));
            if saved.is_err() {
                let _ = std::fs::remove_file(&partial);
            }
        }
        Ok(bytes)
    }
}

/// A picture the clerk has picked but not yet saved with a registration, as a JPEG no
/// side longer than [`THUMBNAIL_PX`] beside its name, or [`PREVIEW_PX`] when `large`
/// (opened to look closer), so the wrong customer's photo is seen before it is on the
/// case. Made each time and kept nowhere: the file is not the ledger's until the
/// registration is saved.
pub fn preview_of(source: &Path, large: bool) -> Result<Vec<u8>> {
    let longest = if large { PREVIEW_PX } else { THUMBNAIL_PX };
    let original = std::fs::read(source).map_err(|_| crate::attachments::gone(source))?;
    make(&original, longest)
        .ok_or_else(|| crate::attachments::picked_file_refused(source, Why::NotAPicture))
}

/// Where an attachment's thumbnail is kept: beside its case's others, named by its id
/// and the time it was added. A ledger restored from an older copy can give a later
/// photo an id it no longer has; the time tells them apart. (The stored name could be
/// near the file system's length limit already, so it is not repeated here.)
fn thumbnail_path(data_dir: &Path, a: &Attachment) -> PathBuf {
    let case_folder = Path::new(&a.stored_path)
        .parent()
        .and_then(Path::file_name)
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let added: String = a.added_at.chars().filter(char::is_ascii_digit).collect();
    data_dir
        .join(THUMBNAILS_DIR)
        .join(case_folder)
        .join(format!("{}-{added}.jpg", a.id))
}

/// The kept thumbnail, unless it is missing or older than the file it was made from.
fn fresh(kept: &Path, source: &Path) -> Option<Vec<u8>> {
    let made = std::fs::metadata(kept).ok()?.modified().ok()?;
    let changed = std::fs::metadata(source).ok()?.modified().ok()?;
    (made >= changed)
        .then(|| std::fs::read(kept).ok())
        .flatten()
}

/// Decodes a picture, turns it upright, shrinks it to fit `longest` (never enlarging it)
/// and encodes it as JPEG; None when the bytes are not a picture that can be read.
fn make(original: &[u8], longest: u32) -> Option<Vec<u8>> {
    let reader = ImageReader::new(Cursor::new(original))
        .with_guessed_format()
        .ok()?;
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok();
    let mut picture = DynamicImage::from_decoder(decoder).ok()?;
    if let Some(o) = orientation {
        picture.apply_orientation(o);
    }
    let small = if picture.width().max(picture.height()) > longest {
        picture.thumbnail(longest, longest)
    } else {
        picture
    };
    let mut out = Vec::new();
    on_white(&small)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .ok()?;
    Some(out)
}

/// JPEG has no transparency: a screenshot's or sticker's clear parts are shown on white
/// (dropping the alpha would show whatever colour they hide, often black).
fn on_white(picture: &DynamicImage) -> DynamicImage {
    if !picture.color().has_alpha() {
        return DynamicImage::ImageRgb8(picture.to_rgb8());
    }
    let rgba = picture.to_rgba8();
    let rgb = RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let mix = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32)) / 255) as u8;
        image::Rgb([mix(r), mix(g), mix(b)])
    });
    DynamicImage::ImageRgb8(rgb)
}

fn not_a_picture(a: &Attachment) -> crate::error::LedgerError {
    invalid(
        "attachment",
        Problem::NotAllowed {
            why: Why::NotAPicture(a.file_name.clone()),
        },
        a.file_name.clone(),
    )
}
